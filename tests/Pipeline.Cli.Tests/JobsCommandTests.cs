using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Samples;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline jobs</c> and <c>pipeline scheduler</c> on the embedded warehouse, from a folder laid out as a clone:
/// config/ and jobs/ as committed, sample-data/ generated.
/// </summary>
public sealed class JobsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public JobsCommandTests()
    {
        var repository = Repository();
        foreach (var folder in new[] { "config", "jobs" })
        {
            Directory.CreateDirectory(_cli.PathOf(folder));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, folder), "*.json"))
                File.Copy(file, Path.Combine(_cli.PathOf(folder), Path.GetFileName(file)));
        }
        SampleGenerator.Generate(_cli.PathOf("sample-data"));
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sync_registers_the_committed_jobs_once_list_shows_their_schedules_and_mistakes_are_named()
    {
        var empty = await _cli.RunAsync("jobs", "list");
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Contains("No job in the job store", empty.Stdout);

        var sync = await _cli.RunAsync("jobs", "sync");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("3 jobs: 3 added, 0 rescheduled, 0 unchanged, 0 removed", sync.Stdout);
        Assert.Contains("3 jobs: 0 added, 0 rescheduled, 3 unchanged, 0 removed", (await _cli.RunAsync("jobs", "sync")).Stdout);

        var list = await _cli.RunAsync("jobs", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        var jobs = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToDictionary(j => j.GetProperty("job").GetString()!);
        Assert.Equal(["alerts.CBIS", "digest.CBIS", "nightly.CBIS"], jobs.Keys.Order());
        Assert.Equal("0 30 1 * * ?", jobs["nightly.CBIS"].GetProperty("cron").GetString());
        Assert.Equal("Europe/Rome", jobs["nightly.CBIS"].GetProperty("timezone").GetString());
        Assert.Contains(" 01:30:00 +0", jobs["nightly.CBIS"].GetProperty("next").GetString());
        Assert.Contains(" 08:00:00 +0", jobs["digest.CBIS"].GetProperty("next").GetString());
        Assert.Equal(DayOfWeek.Monday, DateTimeOffset.Parse(jobs["digest.CBIS"].GetProperty("next").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
        Assert.Equal("normal", jobs["alerts.CBIS"].GetProperty("state").GetString());

        var unknown = await _cli.RunAsync("jobs", "trigger", "weekly");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no job 'weekly' in the job store (jobs: alerts.CBIS, digest.CBIS, nightly.CBIS)", unknown.Stderr);
        Assert.Contains("No scheduled run yet.", (await _cli.RunAsync("jobs", "history")).Stdout);

        File.WriteAllText(_cli.PathOf("jobs/nightly.json"), """{ "kind": "nightly", "cron": "0 30 25 * * ?" }""");
        var bad = await _cli.RunAsync("jobs", "sync");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("nightly.json: cron: '0 30 25 * * ?' is not a valid Quartz cron expression", bad.Stderr);
    }

    [Fact]
    public async Task A_scheduler_stopped_by_SIGTERM_mid_run_leaves_the_run_interrupted_and_its_next_start_completes_it()
    {
        var warehouse = _cli.Warehouse;
        using var node = await SchedulerProcess.StartAsync(_cli, warehouse, "node-a", "--stop-grace", "0");
        var trigger = await _cli.RunAsync("jobs", "trigger", "nightly");
        Assert.True(trigger.ExitCode == 0, trigger.ToString());
        Assert.Contains("triggered 1 job(s): nightly.CBIS", trigger.Stdout);

        // the run is under way (its first files loaded, the large feeds ahead): stop the node
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await ScalarAsync("SELECT COUNT(*) FROM etl_run WHERE kind = 'nightly' AND status = 'running'") == 1 && await ScalarAsync("SELECT COUNT(*) FROM dim_document") > 0) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the run was not seen under way: " + string.Join("\n", node.Output));
            await Task.Delay(50);
        }
        await node.StopAsync();
        var stopped = Assert.Single(await HistoryAsync());
        Assert.Equal(("interrupted", "nightly.CBIS", "node-a"), (stopped.GetProperty("status").GetString(), stopped.GetProperty("job").GetString(), stopped.GetProperty("node").GetString()));

        // the firing was handed back: the next start runs it again and loads what the first one did not
        using var again = await SchedulerProcess.StartAsync(_cli, warehouse, "node-a");
        clock.Restart();
        while ((await HistoryAsync()).All(r => r.GetProperty("status").GetString() != "succeeded"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the firing did not run again: " + string.Join("\n", again.Output));
            await Task.Delay(250);
        }
        await again.StopAsync();
        var runs2 = await HistoryAsync();
        Assert.Equal(["succeeded", "interrupted"], runs2.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(SampleGenerator.DocumentCount, runs2.Sum(r => r.GetProperty("files_new").GetInt32()) + SampleGenerator.SupersedingOnFirstIngest);
        Assert.Equal(SampleGenerator.DocumentCount, await ScalarAsync("SELECT COUNT(*) FROM dim_document"));
    }

    private async Task<List<JsonElement>> HistoryAsync()
    {
        var history = await _cli.RunAsync("jobs", "history", "--json");
        Assert.True(history.ExitCode == 0, history.ToString());
        return JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().ToList();
    }

    /// <summary>A count read straight from the warehouse file (0 while the file or the table does not exist yet).</summary>
    private async Task<long> ScalarAsync(string sql)
    {
        var path = _cli.PathOf("data/warehouse.db");
        if (!File.Exists(path)) return 0;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;   // not created yet
        }
    }
}
