using Pipeline.Core.Achievement;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Jobs.Tests.Runs;

/// <summary>
/// Chambers run at once (<c>pipeline run --parallel</c>, <see cref="RegionNight"/>) on SQLite and PostgreSQL, with the
/// real nightly run on a region of sample chambers: they load, compute and alert exactly what they do one after
/// another; a chamber that is busy or whose run fails is reported and the others go on; two nights at once never
/// run a chamber twice at once.
/// </summary>
public sealed class ParallelNightTests
{
    public static TheoryData<string> Dialects => new() { "sqlite", "postgres" };

    private static readonly DateOnly Day = new(2024, 5, 10);

    /// <summary>What a night leaves in the warehouse for each chamber, row counts by kind.</summary>
    private const string PerChamber =
        """
        SELECT c.code || ' documents ' || (SELECT COUNT(*) FROM dim_document d WHERE d.chamber_id = c.chamber_id)
            || ' kpis ' || (SELECT COUNT(*) FROM dim_kpi k JOIN dim_plan p ON p.plan_id = k.plan_id WHERE p.chamber_id = c.chamber_id)
            || ' targets ' || (SELECT COUNT(*) FROM fact_kpi_target t JOIN dim_kpi k ON k.kpi_id = t.kpi_id JOIN dim_plan p ON p.plan_id = k.plan_id WHERE p.chamber_id = c.chamber_id)
            || ' measurements ' || (SELECT COUNT(*) FROM fact_kpi_measurement m JOIN dim_kpi k ON k.kpi_id = m.kpi_id JOIN dim_plan p ON p.plan_id = k.plan_id WHERE p.chamber_id = c.chamber_id)
            || ' achievements ' || (SELECT COUNT(*) FROM fact_kpi_achievement a JOIN dim_kpi k ON k.kpi_id = a.kpi_id JOIN dim_plan p ON p.plan_id = k.plan_id WHERE p.chamber_id = c.chamber_id)
            || ' staged ' || (SELECT COUNT(*) FROM stg_practice s JOIN dim_document d ON d.document_id = s.document_id WHERE d.chamber_id = c.chamber_id)
            || ' alerts ' || (SELECT COUNT(*) FROM alert a WHERE a.chamber_code = c.code)
        FROM dim_chamber c WHERE c.code {0} ORDER BY c.code
        """;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Chambers_run_at_once_leave_what_they_leave_one_after_another(string dialect)
    {
        await using var serial = await RegionBed.CreateAsync(dialect, 4);
        await using var parallel = await RegionBed.CreateAsync(dialect, 4);
        foreach (var bed in new[] { serial, parallel })
            for (var i = 0; i < 2; i++) bed.AddPracticeFeed(bed.Chambers[i], "pratiche.csv", 3_000, 7 + i);

        var one = await new RegionNight(() => serial.Night(Day)) { Parallel = 1 }.RunAsync("serial", serial.Chambers);
        var entries = parallel.Warehouse.Dialect.Writes.Entries;
        var four = await new RegionNight(() => parallel.Night(Day)) { Parallel = 4 }.RunAsync("parallel", parallel.Chambers);

        Assert.Equal((1, 4), (one.Parallel, four.Parallel));
        Assert.Empty(one.Failed);
        Assert.Empty(four.Failed);
        Assert.Equal(serial.Chambers.Select(c => c.Code), four.Chambers.Select(c => c.Chamber));   // reported in the order given
        // the plan and two workbooks of each chamber, and the feed of the first two
        Assert.Equal([4, 4, 3, 3], four.Chambers.Select(c => c.Ingest.Count(FileStatus.New)));
        // one after another: each chamber starts when the one before has ended; at once: every chamber started before any ended
        Assert.All(one.Outcomes.Zip(one.Outcomes.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Ended));
        Assert.True(four.Outcomes.Max(o => o.Started) < four.Outcomes.Min(o => o.Ended), "the four chambers ran at once");
        if (dialect == "sqlite") Assert.True(parallel.Warehouse.Dialect.Writes.Entries > entries, "SQLite writers went through the gate");

        var codes = serial.Chambers.Select(c => c.Code).ToList();
        Assert.Equal(await Rows(serial, codes), await Rows(parallel, codes));
        Assert.Equal(
            one.Chambers.Select(c => (c.Chamber, c.Ingest.FactsWritten, c.AchievementPeriods, c.Alerts.Raised)),
            four.Chambers.Select(c => (c.Chamber, c.Ingest.FactsWritten, c.AchievementPeriods, c.Alerts.Raised)));
    }

    [Fact]
    public async Task A_busy_chamber_and_a_failing_chamber_are_reported_and_the_others_run()
    {
        await using var bed = await RegionBed.CreateAsync("sqlite", 4);
        var (busy, failing) = (bed.Chambers[1], bed.Chambers[2]);
        await using var held = await ChamberRunLock.TryAcquireAsync(bed.Warehouse.Dialect, busy.Code);
        Assert.NotNull(held);
        AchievementPolicy PolicyOf(string code) => code == failing.Code ? throw new InvalidOperationException("no policy for this chamber") : AchievementPolicy.Integra;

        var reported = new List<string>();
        var night = await new RegionNight(() => bed.Night(Day, PolicyOf)) { Parallel = 4 }
            .RunAsync("night", bed.Chambers, outcome => reported.Add(outcome.Chamber.Code));

        Assert.Equal(bed.Chambers.Select(c => c.Code).Order(), reported.Order());   // each reported once, as it ended
        Assert.Equal([bed.Chambers[0].Code, bed.Chambers[3].Code], night.Chambers.Select(c => c.Chamber));
        Assert.Equal($"{busy.Code}: another run of this chamber is in progress (its run lock is held); not started", night.Outcomes[1].Error);
        Assert.Equal($"{failing.Code}: run failed: InvalidOperationException: no policy for this chamber", night.Outcomes[2].Error);
        // the ledger says so too: the busy chamber's run failed before it started, the failing one's at its step
        Assert.Equal(1, await bed.ScalarAsync("SELECT COUNT(*) FROM etl_run WHERE chamber_code = @code AND status = 'failed' AND error LIKE '%run lock is held%'", new { code = busy.Code }));
        Assert.Equal(1, await bed.ScalarAsync("SELECT COUNT(*) FROM etl_run WHERE chamber_code = @code AND status = 'failed' AND error LIKE 'achievement: %'", new { code = failing.Code }));
        Assert.Equal(0, await bed.ScalarAsync("SELECT COUNT(*) FROM etl_run WHERE status = 'running'"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Two_nights_at_once_never_run_a_chamber_twice_at_once(string dialect)
    {
        // two 'pipeline run --parallel' (or two scheduler nodes) on one warehouse, the chambers in opposite orders
        await using var bed = await RegionBed.CreateAsync(dialect, 4);
        var reversed = bed.Chambers.Reverse().ToList();
        var nights = await Task.WhenAll(
            Task.Run(() => new RegionNight(() => bed.Night(Day)) { Parallel = 2 }.RunAsync("a", bed.Chambers)),
            Task.Run(() => new RegionNight(() => bed.Night(Day)) { Parallel = 2 }.RunAsync("b", reversed)));

        var outcomes = nights.SelectMany(n => n.Outcomes).ToList();
        Assert.All(outcomes.Where(o => o.Failed), o => Assert.EndsWith("another run of this chamber is in progress (its run lock is held); not started", o.Error));
        foreach (var chamber in bed.Chambers)
        {
            var ran = outcomes.Where(o => o.Chamber.Code == chamber.Code && !o.Failed).OrderBy(o => o.Started).ToList();
            Assert.NotEmpty(ran);
            // each document loaded once; a second run of the chamber found it all unchanged
            Assert.Equal(3, ran.Sum(o => o.Summary!.Ingest.Count(FileStatus.New)));
            Assert.All(ran.Skip(1), o => Assert.Equal(0, o.Summary!.Ingest.Count(FileStatus.New)));
            Assert.Equal(3, await bed.ScalarAsync("SELECT COUNT(*) FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id WHERE c.code = @code", new { code = chamber.Code }));
        }
        Assert.Equal(0, await bed.ScalarAsync("SELECT COUNT(*) FROM etl_run WHERE status = 'running'"));
    }

    private static async Task<List<string>> Rows(RegionBed bed, IReadOnlyList<string> codes)
    {
        await using var connection = await bed.Warehouse.Dialect.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, PerChamber.Replace("{0}", bed.Warehouse.Dialect.AnyOf("@codes")), new { codes = codes.ToArray() })).ToList();
    }
}
