using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// The SQLite write gate: one writer at a time per file in a process (chambers in parallel queue there instead of
/// polling SQLite's lock), a writer inside it passing through when it enters again, a cancelled wait leaving it as
/// it was; open on PostgreSQL.
/// </summary>
public sealed class WriteGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_dialect_on_one_sqlite_file_shares_its_gate_and_postgresql_has_none()
    {
        await using var wh = TestWarehouse.CreateSqlite();
        var file = ((SqliteDialect)wh.Dialect).DataSource;
        Assert.Same(wh.Dialect.Writes, SqlDialect.FromConnectionString(file).Writes);
        Assert.Same(wh.Dialect.Writes, SqlDialect.FromConnectionString($"Data Source={file};Cache=Shared").Writes);
        Assert.NotSame(wh.Dialect.Writes, SqlDialect.FromConnectionString(file + "-other").Writes);
        Assert.NotSame(WriteGate.Open, wh.Dialect.Writes);
        Assert.Same(WriteGate.Open, SqlDialect.FromConnectionString("Host=127.0.0.1;Database=x").Writes);
        // the open gate never waits, even entered from many flows at once
        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WriteGate.Open.EnterAsync().AsTask()));
        foreach (var lease in leases) lease.Dispose();
        Assert.Equal(0, WriteGate.Open.Entries);
    }

    [Fact]
    public async Task Writers_take_turns_one_at_a_time()
    {
        var gate = WriteGate.Private();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await using var writing = await gate.EnterAsync();
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(1);
                Interlocked.Decrement(ref inside);
            }
        }))).WaitAsync(Patience);
        Assert.Equal(1, most);
        Assert.Equal(160, gate.Entries);
        Assert.True(gate.Waited > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_writer_inside_the_gate_that_enters_again_passes_through()
    {
        var gate = WriteGate.Private();
        async Task<int> RecordAsync()
        {
            await using var again = await gate.EnterAsync();   // e.g. a loader recording a failed file
            await Task.Yield();
            return 1;
        }

        await using (await gate.EnterAsync())
        {
            Assert.Equal(1, await RecordAsync().WaitAsync(Patience));
            Assert.Equal(1, await Task.Run(RecordAsync).WaitAsync(Patience));   // a task the holder awaits
        }
        // left: another flow gets in at once
        await using (await Task.Run(() => gate.EnterAsync().AsTask()).WaitAsync(Patience)) { }
        Assert.Equal(2, gate.Entries);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_gate_as_it_was()
    {
        var gate = WriteGate.Private();
        var held = await Task.Run(() => gate.EnterAsync().AsTask());   // another flow holds it
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.EnterAsync(cancel.Token));

        var waiting = Task.Run(async () =>
        {
            try { await gate.EnterAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(50)).Token); }
            catch (OperationCanceledException) { }
            // the flow whose wait was cancelled is not taken for a holder: it waits its turn
            await using var lease = await gate.EnterAsync();
            return true;
        });
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        held.Dispose();   // once only
        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Runs_recorded_from_many_threads_on_one_sqlite_file_all_succeed()
    {
        await using var wh = await TestWarehouse.CreateSqlite().InitializedAsync();
        var store = new EtlRunStore(wh.Dialect);
        var counts = new EtlRunCounts(1, 1, 0, 0, 0, 10, 0);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                var id = await store.StartAsync("run", $"C{t}");
                await store.RecordFailedFileAsync(id, $"/in/{t}-{i}.pdf", "broken");
                await store.FinishAsync(id, "partial", counts, null);
            }
        }))).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(90, await wh.CountAsync("etl_run", "status = 'partial'"));
        Assert.Equal(90, await wh.CountAsync("quarantine"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
