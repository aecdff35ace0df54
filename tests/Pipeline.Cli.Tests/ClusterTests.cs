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
        var node = await SchedulerProcess.StartAsync(_cli, wh.ConnectionString, id, "--threads", "1", "--stop-grace", "10");
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task One_nightly_trigger_on_two_nodes_runs_each_chamber_exactly_once()
    {
        await using var wh = await (await TestWarehouse.CreatePostgresAsync()).InitializedAsync();
        Prepare(wh);
        var a = await StartNodeAsync(wh, "node-a");
        var b = await StartNodeAsync(wh, "node-b");
        var nodes = await _cli.RunAsync("jobs", "nodes", "--json", "--warehouse", wh.ConnectionString);
        Assert.True(nodes.ExitCode == 0, nodes.ToString());
        Assert.Equal([("node-a", "alive"), ("node-b", "alive")], System.Text.Json.JsonDocument.Parse(nodes.Stdout).RootElement.EnumerateArray()
            .Select(n => (n.GetProperty("node").GetString(), n.GetProperty("state").GetString())));

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
        Prepare(wh);
        var nodes = new Dictionary<string, SchedulerProcess>();
        foreach (var id in new[] { "node-a", "node-b" }) nodes[id] = await StartNodeAsync(wh, id);

        var trigger = await _cli.RunAsync("jobs", "trigger", "nightly", "--warehouse", wh.ConnectionString);
        Assert.True(trigger.ExitCode == 0, trigger.ToString());

        // the first run seen in the middle of its files (one loaded, more to come): kill the node that runs it
        var clock = Stopwatch.StartNew();
        (long RunId, string Node, string Chamber)? victim = null;
        await using (var connection = await wh.Dialect.OpenAsync())
            while (victim is null && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                victim = (await connection.QueryAsync<(long, string, string)>(
                    """
                    SELECT r.run_id, r.node, r.chamber_code FROM etl_run r
                    WHERE r.kind = 'nightly' AND r.status = 'running' AND EXISTS (SELECT 1 FROM dim_document d WHERE d.run_id = r.run_id)
                    ORDER BY r.run_id LIMIT 1
                    """)).Cast<(long, string, string)?>().FirstOrDefault();
                if (victim is null) await Task.Delay(25);
            }
        Assert.True(victim is not null, "no run was seen in the middle of its files");
        await nodes[victim.Value.Node].KillAsync();
        var survivor = nodes.Single(n => n.Key != victim.Value.Node);

        // the survivor recovers the firing (after the dead node's check-in lapses) and runs the chambers left
        clock.Restart();
        List<RunRow> runs;
        while (true)
        {
            runs = await NightlyRunsAsync(wh);
            if (runs.Count(r => r.Status == "succeeded") >= Chambers.Length && runs.All(r => r.Status != "running")) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(180),
                "not every chamber succeeded after the kill: " + string.Join("; ", runs.Select(r => $"{r.RunId} {r.Chamber} {r.Node} {r.Status} {r.Error}")) +
                "\n--- survivor\n" + string.Join("\n", survivor.Value.Output.TakeLast(40)));
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));   // nothing more comes
        runs = await NightlyRunsAsync(wh);

        var succeeded = runs.Where(r => r.Status == "succeeded").ToList();
        Assert.True(Chambers.Length == succeeded.Count, await FailuresAsync(wh));
        Assert.Equal(Chambers.Select(c => c.Code).Order(), succeeded.Select(r => r.Chamber).Order());
        var stopped = runs.Single(r => r.RunId == victim.Value.RunId);
        Assert.Equal("interrupted", stopped.Status);                              // marked by the node that ran the chamber again
        Assert.Contains("stopped before the run finished", stopped.Error);
        Assert.Equal(victim.Value.Chamber, succeeded.Single(r => r.RunId > stopped.RunId && r.Chamber == stopped.Chamber).Chamber);
        Assert.Equal(survivor.Key, succeeded.Single(r => r.RunId > stopped.RunId && r.Chamber == stopped.Chamber).Node);
        await AssertEveryChamberLoadedOnceAsync(wh);

        await survivor.Value.StopAsync();
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
