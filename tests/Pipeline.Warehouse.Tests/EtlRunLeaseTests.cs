using Npgsql;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// A running <c>etl_run</c> row whose process died is marked interrupted by the next run that starts; a live one
/// (in this process or holding its lease from elsewhere) is never touched.
/// </summary>
public abstract class EtlRunLeaseTests(string dialect)
{
    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    /// <summary>The same warehouse through another connection string: another "process" as far as this one's own bookkeeping goes.</summary>
    private static SqlDialect Elsewhere(TestWarehouse wh) => SqlDialect.FromConnectionString(wh.Dialect is SqliteDialect
        ? wh.ConnectionString + ";Cache=Private"
        : new NpgsqlConnectionStringBuilder(wh.ConnectionString) { ApplicationName = "elsewhere" }.ConnectionString);

    private static Task<string?> StatusAsync(TestWarehouse wh, long runId) =>
        wh.ScalarAsync<string>("SELECT status FROM etl_run WHERE run_id = @runId", new { runId });

    [Fact]
    public async Task A_dead_run_is_marked_interrupted_by_the_next_start_and_live_legacy_and_finished_runs_are_left_alone()
    {
        await using var wh = await WarehouseAsync();
        var here = new EtlRunStore(wh.Dialect);
        var elsewhere = new EtlRunStore(Elsewhere(wh));

        var liveHere = await here.StartAsync("ingest", null);
        var liveElsewhere = await elsewhere.StartAsync("run", "FG");          // holds its lease: alive, seen from here only through the lock
        var finished = await here.StartAsync("ingest", null);
        await here.FinishAsync(finished, "succeeded", new EtlRunCounts(0, 0, 0, 0, 0, 0, 0), null);
        // a killed process: its row says running, its lease is held by nobody; a row from before leases had none
        await using (var connection = await wh.Dialect.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO etl_run (kind, started_at, status, lease) VALUES ('ingest', @at, 'running', 'deadbeefdeadbeefdeadbeefdeadbeef')",
                new { at = wh.Dialect.Timestamp(DateTimeOffset.UtcNow) });
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO etl_run (kind, started_at, status) VALUES ('ingest', @at, 'running')", new { at = wh.Dialect.Timestamp(DateTimeOffset.UtcNow) });
        }
        var dead = await wh.ScalarAsync<long>("SELECT run_id FROM etl_run WHERE lease = 'deadbeefdeadbeefdeadbeefdeadbeef'");
        var legacy = await wh.ScalarAsync<long>("SELECT run_id FROM etl_run WHERE lease IS NULL");

        var next = await here.StartAsync("ingest", null);

        Assert.Equal("interrupted", await StatusAsync(wh, dead));
        Assert.Equal($"{EtlRunStore.DeadRunReason} (found by run {next})", await wh.ScalarAsync<string>("SELECT error FROM etl_run WHERE run_id = @dead", new { dead }));
        Assert.NotNull(await wh.ScalarAsync<string>("SELECT CAST(finished_at AS TEXT) FROM etl_run WHERE run_id = @dead", new { dead }));
        Assert.Equal("running", await StatusAsync(wh, liveHere));
        Assert.Equal("running", await StatusAsync(wh, liveElsewhere));
        Assert.Equal("running", await StatusAsync(wh, legacy));
        Assert.Equal("succeeded", await StatusAsync(wh, finished));

        // the other side's run, seen from there: this side's runs are alive too
        Assert.Equal(0, await elsewhere.InterruptDeadRunsAsync(liveElsewhere));
        // once finished, a run's lease is released and it stays finished
        await elsewhere.FinishAsync(liveElsewhere, "succeeded", new EtlRunCounts(0, 0, 0, 0, 0, 0, 0), null);
        await here.SetStatusAsync(liveHere, "failed", "x");
        Assert.Equal(0, await here.InterruptDeadRunsAsync(next));
        Assert.Equal("succeeded", await StatusAsync(wh, liveElsewhere));
        Assert.Equal("failed", await StatusAsync(wh, liveHere));
        await here.FinishAsync(next, "succeeded", new EtlRunCounts(0, 0, 0, 0, 0, 0, 0), null);
    }
}

public sealed class SqliteEtlRunLeaseTests() : EtlRunLeaseTests("sqlite");

public sealed class PostgresEtlRunLeaseTests() : EtlRunLeaseTests("postgres");
