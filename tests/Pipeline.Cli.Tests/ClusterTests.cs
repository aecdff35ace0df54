using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using Pipeline.Samples;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Two scheduler processes (<c>pipeline scheduler</c>) on one PostgreSQL warehouse share the nightly jobs of four
/// chambers: one trigger of the nightly definition gives exactly one successful run per chamber; with the node
/// running a chamber killed (SIGKILL) in the middle of its run, the other node recovers that firing and the result is
/// still exactly one successful run per chamber, every file loaded once, and the same facts as the other chambers.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private static readonly (string Code, string Name)[] Chambers =
    [
        ("BA", "Camera di Commercio di Bari"), ("CBIS", "Camera di Commercio del Molise"),
        ("FG", "Camera di Commercio di Foggia"), ("LE", "Camera di Commercio di Lecce"),
    ];

    /// <summary>Practice rows per chamber: enough for a run of a second or more, so that a node can be killed in its middle.</summary>
    private const int PracticeRows = 120_000;

    private readonly CliRunner _cli = new();
    private readonly List<SchedulerProcess> _nodes = [];

    public void Dispose()
    {
        foreach (var node in _nodes) node.Dispose();
        _cli.Dispose();
    }

    private async Task<SchedulerProcess> StartNodeAsync(TestWarehouse wh, string id)
    {
        var node = await SchedulerProcess.StartAsync(_cli, wh.ConnectionString, id, "--threads", "1", "--stop-grace", "10", "--checkin", "2");
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task One_nightly_trigger_on_two_nodes_runs_each_chamber_exactly_once()
    {
        await using var wh = await TestWarehouse.CreatePostgresAsync();   // empty: the nodes migrate it
        Prepare(wh);
        // both nodes start at the same moment on the fresh warehouse: both create the job store and register the jobs
        var started = await Task.WhenAll(StartNodeAsync(wh, "node-a"), StartNodeAsync(wh, "node-b"));
        var (a, b) = (started[0], started[1]);
        var nodes = await _cli.RunAsync("jobs", "nodes", "--json", "--warehouse", wh.ConnectionString);
        Assert.True(nodes.ExitCode == 0, nodes.ToString());
        var listed = System.Text.Json.JsonDocument.Parse(nodes.Stdout).RootElement.EnumerateArray()
            .Select(n => (Node: n.GetProperty("node").GetString(), State: n.GetProperty("state").GetString())).ToList();
        Assert.Equal(["node-a", "node-b"], listed.Select(n => n.Node));
        Assert.All(listed, n => Assert.NotEqual("failed", n.State));      // alive, or a check-in late by a moment

        var trigger = await _cli.RunAsync("jobs", "trigger", "nightly", "--wait", "--timeout", "240", "--warehouse", wh.ConnectionString);
        Assert.True(trigger.ExitCode == 0, trigger.ToString());

        var runs = await NightlyRunsAsync(wh);
        Assert.Equal(Chambers.Length, runs.Count);
        Assert.True(runs.All(r => r.Status == "succeeded"), await FailuresAsync(wh));
        Assert.Equal(Chambers.Select(c => c.Code).Order(), runs.Select(r => r.Chamber).Order());
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
        await AssertEveryChamberLoadedOnceAsync(wh);

        await a.StopAsync();
        await b.StopAsync();
    }

    [Fact]
    public async Task A_node_killed_mid_run_is_recovered_by_the_other_and_each_chamber_still_succeeds_exactly_once()
    {
        await using var wh = await (await TestWarehouse.CreatePostgresAsync()).InitializedAsync();
        var nodes = await TriggeredOnTwoNodesAsync(wh);

        // the first run seen in the middle of its files (one loaded, more to come): kill the node that runs it
        var victim = await RunUnderWayAsync(wh);
        await nodes[victim.Node].KillAsync();
        var survivor = nodes.Single(n => n.Key != victim.Node);

        // the survivor recovers the firing (after the dead node's check-in lapses) and runs the chambers left
        var runs = await UntilEveryChamberSucceededAsync(wh, survivor.Value);

        var succeeded = await OneSuccessPerChamberAsync(wh, runs);
        var stopped = runs.Single(r => r.RunId == victim.RunId);
        Assert.Equal("interrupted", stopped.Status);                              // marked by the node that ran the chamber again
        Assert.Contains("stopped before the run finished", stopped.Error);
        Assert.Equal(survivor.Key, succeeded.Single(r => r.RunId > stopped.RunId && r.Chamber == victim.Chamber).Node);
        await AssertEveryChamberLoadedOnceAsync(wh);

        await survivor.Value.StopAsync();
    }

    [Fact]
    public async Task A_node_frozen_mid_run_is_taken_for_dead_but_its_run_goes_on_and_the_recovery_does_not_run_the_chamber_twice()
    {
        await using var wh = await (await TestWarehouse.CreatePostgresAsync()).InitializedAsync();
        var nodes = await TriggeredOnTwoNodesAsync(wh);

        // freeze the node running a chamber (SIGSTOP: its connections, and the chamber's lock, stay open) long enough
        // for the other node to take it for dead and recover its firing; then let it go on
        var frozen = await RunUnderWayAsync(wh);
        var node = nodes[frozen.Node];
        await node.SignalAsync("-STOP");
        var other = nodes.Single(n => n.Key != frozen.Node).Value;
        var clock = Stopwatch.StartNew();
        while (!other.Output.Any(l => l.Contains("recovered firing not run", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        await node.SignalAsync("-CONT");
        Assert.True(other.Output.Any(l => l.Contains("recovered firing not run", StringComparison.Ordinal)),
            "the frozen node's firing was not recovered and dropped:\n" + string.Join("\n", other.Output.TakeLast(40)));

        var runs = await UntilEveryChamberSucceededAsync(wh, other);
        var succeeded = await OneSuccessPerChamberAsync(wh, runs);
        Assert.Equal((frozen.Node, "succeeded"), (runs.Single(r => r.RunId == frozen.RunId).Node, runs.Single(r => r.RunId == frozen.RunId).Status));
        Assert.Contains(runs, r => r.Chamber == frozen.Chamber && r.Status == "failed" && r.Error!.Contains("another run of this chamber is in progress"));
        await AssertEveryChamberLoadedOnceAsync(wh);
    }

    /// <summary>The four chambers prepared, two nodes started one after the other, and the nightly definition triggered once.</summary>
    private async Task<Dictionary<string, SchedulerProcess>> TriggeredOnTwoNodesAsync(TestWarehouse wh)
    {
        Prepare(wh);
        var nodes = new Dictionary<string, SchedulerProcess>();
        foreach (var id in new[] { "node-a", "node-b" }) nodes[id] = await StartNodeAsync(wh, id);
        var trigger = await _cli.RunAsync("jobs", "trigger", "nightly", "--warehouse", wh.ConnectionString);
        Assert.True(trigger.ExitCode == 0, trigger.ToString());
        return nodes;
    }

    /// <summary>The successful runs, checked to be exactly one per chamber.</summary>
    private static async Task<List<RunRow>> OneSuccessPerChamberAsync(TestWarehouse wh, IReadOnlyList<RunRow> runs)
    {
        var succeeded = runs.Where(r => r.Status == "succeeded").ToList();
        Assert.True(Chambers.Length == succeeded.Count, await FailuresAsync(wh));
        Assert.Equal(Chambers.Select(c => c.Code).Order(), succeeded.Select(r => r.Chamber).Order());
        return succeeded;
    }

    /// <summary>The first nightly run seen in the middle of its files (one loaded, more to come).</summary>
    private static async Task<(long RunId, string Node, string Chamber)> RunUnderWayAsync(TestWarehouse wh)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await wh.Dialect.OpenAsync();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            var found = (await connection.QueryAsync<(long, string, string)>(
                """
                SELECT r.run_id, r.node, r.chamber_code FROM etl_run r
                WHERE r.kind = 'nightly' AND r.status = 'running' AND EXISTS (SELECT 1 FROM dim_document d WHERE d.run_id = r.run_id)
                ORDER BY r.run_id LIMIT 1
                """)).ToList();
            if (found.Count == 1) return found[0];
            await Task.Delay(25);
        }
        Assert.Fail("no run was seen in the middle of its files");
        return default;
    }

    /// <summary>Waits until every chamber has a successful run and none is running, then a little more (nothing else comes).</summary>
    private static async Task<List<RunRow>> UntilEveryChamberSucceededAsync(TestWarehouse wh, SchedulerProcess watched)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var runs = await NightlyRunsAsync(wh);
            if (runs.Count(r => r.Status == "succeeded") >= Chambers.Length && runs.All(r => r.Status != "running")) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(180),
                "not every chamber succeeded: " + string.Join("; ", runs.Select(r => $"{r.RunId} {r.Chamber} {r.Node} {r.Status} {r.Error}")) +
                $"\n--- {watched.Id}\n" + string.Join("\n", watched.Output.TakeLast(40)));
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        return await NightlyRunsAsync(wh);
    }

    /// <summary>
    /// Per chamber: its three files loaded once each, its feed staged whole, and the same facts from its workbooks as
    /// every other chamber (the feed's measurements differ: only the sample chamber binds feed metrics to KPIs).
    /// </summary>
    private static async Task AssertEveryChamberLoadedOnceAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Dialect.OpenAsync();
        var perChamber = (await connection.QueryAsync<(string Code, long Documents, long Staged, long Targets, long Measurements)>(
            """
            SELECT c.code,
                   (SELECT COUNT(*) FROM dim_document d WHERE d.chamber_id = c.chamber_id),
                   (SELECT COUNT(*) FROM stg_practice s JOIN dim_document d ON d.document_id = s.document_id WHERE d.chamber_id = c.chamber_id),
                   (SELECT COUNT(*) FROM fact_kpi_target t JOIN dim_document d ON d.document_id = t.document_id WHERE d.chamber_id = c.chamber_id),
                   (SELECT COUNT(*) FROM fact_kpi_measurement m JOIN dim_document d ON d.document_id = m.document_id WHERE d.chamber_id = c.chamber_id AND d.doc_type <> 'feed')
            FROM dim_chamber c WHERE EXISTS (SELECT 1 FROM dim_document d WHERE d.chamber_id = c.chamber_id) ORDER BY c.code
            """)).ToList();
        Assert.Equal(Chambers.Select(c => c.Code).Order(), perChamber.Select(c => c.Code));
        Assert.All(perChamber, c => Assert.Equal((3L, (long)PracticeRows), (c.Documents, c.Staged)));
        Assert.Single(perChamber.Select(c => (c.Targets, c.Measurements)).Distinct());
        Assert.True(perChamber[0].Targets > 0 && perChamber[0].Measurements > 0);
    }

    /// <summary>The runs and the files that failed in them, for a failure message.</summary>
    private static async Task<string> FailuresAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Dialect.OpenAsync();
        var failed = await connection.QueryAsync<(long, string, string)>("SELECT run_id, file_path, reason FROM quarantine WHERE record_kind = 'file' ORDER BY run_id");
        return string.Join("\n", (await NightlyRunsAsync(wh)).Select(r => $"{r.RunId} {r.Chamber} {r.Node} {r.Status} {r.Error}")
            .Concat(failed.Select(f => $"run {f.Item1}: {f.Item2}: {f.Item3}")));
    }

    private sealed record RunRow(long RunId, string Chamber, string? Node, string Status, string? Error);

    private static async Task<List<RunRow>> NightlyRunsAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Dialect.OpenAsync();
        return (await connection.QueryAsync<RunRow>(
            "SELECT run_id AS RunId, chamber_code AS Chamber, node AS Node, status AS Status, error AS Error FROM etl_run WHERE kind = 'nightly' ORDER BY run_id")).ToList();
    }

    /// <summary>config/ (the committed one, with four chambers), jobs/nightly.json, and per chamber its two workbooks and a practice feed of its own.</summary>
    private void Prepare(TestWarehouse wh, [CallerFilePath] string here = "")
    {
        var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
        var config = Directory.CreateDirectory(_cli.PathOf("config"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "config"), "*.json"))
            File.Copy(file, Path.Combine(config.FullName, Path.GetFileName(file)));
        var jobs = Directory.CreateDirectory(_cli.PathOf("jobs"));
        File.Copy(Path.Combine(repository, "jobs", "nightly.json"), Path.Combine(jobs.FullName, "nightly.json"));

        var entries = new List<string>();
        var seed = 11;
        foreach (var (code, name) in Chambers)
        {
            var folder = Directory.CreateDirectory(_cli.PathOf(Path.Combine("sources", code.ToLowerInvariant())));
            var plan = SampleRegion.Molise() with { ChamberCode = code, ChamberName = name };
            foreach (var layout in SampleGenerator.Layouts())
            {
                var workbook = SampleGenerator.Render(plan, layout);
                File.WriteAllBytes(Path.Combine(folder.FullName, Path.GetFileName(workbook.FileName)), workbook.Bytes);
            }
            FeedFiles.WritePractices(Path.Combine(folder.FullName, "feeds", "pratiche.csv"), PracticeRows, seed++);
            entries.Add($$"""{ "code": "{{code}}", "sources": { "all": ["sources/{{code.ToLowerInvariant()}}"] } }""");
        }
        File.WriteAllText(Path.Combine(config.FullName, "chambers.json"), $$"""{ "chambers": [ {{string.Join(", ", entries)}} ] }""");
    }
}
