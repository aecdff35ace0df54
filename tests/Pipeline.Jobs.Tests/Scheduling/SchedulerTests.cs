using System.Globalization;
using Pipeline.Jobs.Scheduling;
using Pipeline.Warehouse.Runs;
using Quartz;

namespace Pipeline.Jobs.Tests.Scheduling;

[CollectionDefinition("scheduler", DisableParallelization = true)]
public sealed class SchedulerCollection;

/// <summary>
/// The scheduler on its persistent job store, on SQLite and PostgreSQL, running the real nightly run on the committed
/// sample region: a firing runs the chamber once and is recorded; a failing run is retried with backoff; a firing
/// missed while no node ran runs once at start-up; two firings of a chamber never overlap; a node stopped mid-run
/// leaves an interrupted run, no half-loaded file, and the next start runs the firing again.
/// </summary>
[Collection("scheduler")]
public sealed class SchedulerTests
{
    public static TheoryData<string> Dialects => new() { "sqlite", "postgres" };

    private static readonly JobKey Job = new("CBIS", "nightly");

    private static string Workbooks() => Path.Combine(SchedulerBed.Samples(), "*.xls*");

    private static DateTimeOffset At(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_triggered_job_runs_its_chamber_once_recorded_with_job_node_and_attempt(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Workbooks());
        var node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly()]);
        try
        {
            Assert.NotNull(await node.Scheduler.GetTrigger(new TriggerKey("CBIS", "nightly")));
            await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, RetrySettings.Default, "test");
            var runs = await bed.WaitForRunsAsync(Job.ToString(), r => r.Any(x => x.FinishedAt is not null), TimeSpan.FromSeconds(60));
            var run = Assert.Single(runs);
            Assert.Equal(("nightly", "CBIS", "succeeded", "node-a", 0), (run.Kind, run.ChamberCode, run.Status, run.Node, run.Attempt));
            Assert.Equal(2, run.FilesTotal);
            Assert.True(run.FactsWritten > 0);
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Chambers_fired_together_run_at_once_on_the_node_threads(string dialect)
    {
        await using var region = await Runs.RegionBed.CreateAsync("sqlite", 3);   // the chambers' folders (its own warehouse unused)
        await using var bed = await SchedulerBed.CreateAsync(dialect, region.Chambers);
        var node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly()], threads: 3);
        try
        {
            // fired together: the node holds its firings while the three are triggered, as at the cron's minute
            await node.Scheduler.Standby();
            foreach (var chamber in region.Chambers)
                await ScheduleSync.TriggerNowAsync(node.Scheduler, new JobKey(chamber.Code, "nightly"), RetrySettings.Default, "test");
            await node.Scheduler.Start();
            var runs = new List<EtlRunRow>();
            foreach (var chamber in region.Chambers)
                runs.Add(Assert.Single(await bed.WaitForRunsAsync(new JobKey(chamber.Code, "nightly").ToString(), r => r.Any(x => x.FinishedAt is not null), TimeSpan.FromSeconds(90))));
            Assert.All(runs, r => Assert.Equal(("succeeded", 3), (r.Status, r.FilesNew)));
            // on the node's three threads at once: every run started before any finished (SQLite: writes taking turns)
            Assert.True(runs.Max(r => At(r.StartedAt)) < runs.Min(r => At(r.FinishedAt!)),
                string.Join("; ", runs.Select(r => $"{r.ChamberCode} {r.StartedAt} → {r.FinishedAt}")));
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_run_that_reads_no_source_is_retried_with_growing_delays_until_the_attempts_run_out(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));
        var retry = new RetrySettings(2, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(10));
        var node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly(retry: retry)]);
        try
        {
            await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, retry, "test");
            var runs = await bed.WaitForRunsAsync(Job.ToString(), r => r.Count(x => x.FinishedAt is not null) >= 3, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(4));   // a fourth attempt would have come by now
            runs = (await bed.Runs.RecentAsync(100, job: Job.ToString())).OrderBy(r => r.RunId).ToList();
            Assert.Equal([0, 1, 2], runs.Select(r => r.Attempt ?? -1));
            Assert.All(runs, r => Assert.Equal("failed", r.Status));
            Assert.All(runs, r => Assert.Equal(1, r.FilesFailed));
            var starts = runs.Select(r => At(r.StartedAt)).ToList();
            Assert.InRange((starts[1] - starts[0]).TotalSeconds, 0.8, 30);    // 1 s
            Assert.InRange((starts[2] - starts[1]).TotalSeconds, 1.8, 30);    // then 2 s
            // the first run's own evaluation raised the failed source, once
            Assert.Equal(1, await bed.ScalarAsync("SELECT COUNT(*) FROM alert WHERE rule = 'source-failed' AND status <> 'resolved'"));
            Assert.Equal(runs[0].RunId, await bed.ScalarAsync("SELECT run_id FROM alert WHERE rule = 'source-failed'"));
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_firing_missed_while_no_node_was_running_runs_once_when_a_node_starts(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Workbooks());
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(3), rome);
        var definition = SchedulerBed.Nightly(cron: string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} {due.Day} {due.Month} ? {due.Year}"));

        // the schedule is stored, but no node runs while it falls due
        var store = await PipelineScheduler.BuildAsync(bed.Warehouse.Dialect, SchedulerBed.Settings("cli"));
        await ScheduleSync.ApplyAsync(store, [definition], Pipeline.Jobs.Runs.ChamberSources.FromDirectory(bed.ConfigDirectory));
        await store.Shutdown(false);
        while (DateTimeOffset.UtcNow < due.AddSeconds(2.5)) await Task.Delay(200);
        Assert.Empty(await bed.Runs.RecentAsync(10, job: Job.ToString()));

        var node = await bed.StartNodeAsync("node-a", [definition]);
        try
        {
            var runs = await bed.WaitForRunsAsync(Job.ToString(), r => r.Any(x => x.FinishedAt is not null), TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3));
            runs = await bed.Runs.RecentAsync(10, job: Job.ToString());
            var run = Assert.Single(runs);
            Assert.Equal("succeeded", run.Status);
            Assert.True(At(run.StartedAt) > due, "it ran after it fell due, at start-up");
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Two_firings_of_a_chamber_never_run_at_the_same_time(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Workbooks());
        var node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly()]);
        try
        {
            await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, RetrySettings.Default, "test");
            await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, RetrySettings.Default, "test");
            var runs = (await bed.WaitForRunsAsync(Job.ToString(), r => r.Count(x => x.FinishedAt is not null) == 2, TimeSpan.FromSeconds(90)))
                .OrderBy(r => r.RunId).ToList();
            Assert.All(runs, r => Assert.Equal("succeeded", r.Status));
            Assert.True(At(runs[1].StartedAt) >= At(runs[0].FinishedAt!), $"run {runs[1].RunId} started before run {runs[0].RunId} finished");
            Assert.Equal((2, 0), (runs[1].FilesUnchanged, runs[1].FilesNew));
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_node_stopped_mid_run_leaves_it_interrupted_with_no_half_loaded_file_and_the_next_start_runs_it_again(string dialect)
    {
        // the sample chamber with a practice export large enough (some seconds to stage) that the stop always lands
        // before the run ends, however fast the documents before it load
        var copy = Directory.CreateTempSubdirectory("pipeline-slow-samples-");
        try
        {
            await StoppedMidRun(dialect, SlowSamples(copy.FullName));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static string SlowSamples(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(SchedulerBed.Samples(), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(SchedulerBed.Samples(), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var practices = Directory.EnumerateFiles(folder, "pratiche-*.csv", SearchOption.AllDirectories).Single();
        Pipeline.Samples.Feeds.FeedFiles.WritePractices(practices, 800_000, seed: 7);
        return folder;
    }

    private async Task StoppedMidRun(string dialect, string samples)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, samples);
        var node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly()], stopGrace: TimeSpan.Zero);
        await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, RetrySettings.Default, "test");
        // stop once the run has loaded its first file, while the large feeds are still ahead of it
        await bed.WaitForRunsAsync(Job.ToString(), r => r.Count == 1, TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await bed.ScalarAsync("SELECT COUNT(*) FROM dim_document") == 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
        await node.StopAsync();

        var stopped = Assert.Single(await bed.Runs.RecentAsync(10, job: Job.ToString()));
        Assert.Equal("interrupted", stopped.Status);
        Assert.NotNull(stopped.FinishedAt);
        var files = Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).Count();
        Assert.InRange(stopped.FilesNew + stopped.FilesSuperseding, 1, files - 1);
        Assert.Equal(stopped.FilesNew + stopped.FilesSuperseding, await bed.ScalarAsync("SELECT COUNT(*) FROM dim_document"));

        // the firing was handed back: the next start runs it again and loads the rest
        node = await bed.StartNodeAsync("node-a", [SchedulerBed.Nightly()]);
        try
        {
            var runs = await bed.WaitForRunsAsync(Job.ToString(), r => r.Any(x => x.Status == "succeeded"), TimeSpan.FromSeconds(120));
            var again = runs.Single(r => r.Status == "succeeded");
            Assert.Equal(files, stopped.FilesNew + stopped.FilesSuperseding + again.FilesNew + again.FilesSuperseding);
            Assert.Equal(files, await bed.ScalarAsync("SELECT COUNT(*) FROM dim_document"));
            // each feed staged whole, exactly once
            Assert.Equal(DataLines(samples, "pratiche-*.csv"), await bed.ScalarAsync("SELECT COUNT(*) FROM stg_practice"));
            Assert.Equal(DataLines(samples, "elenco-imprese-*.csv"), await bed.ScalarAsync("SELECT COUNT(*) FROM stg_company"));
        }
        finally
        {
            await node.StopAsync();
        }
    }

    private static long DataLines(string folder, string pattern) =>
        File.ReadLines(Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Single(), System.Text.Encoding.Latin1).Count() - 1;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_chamber_whose_run_lock_is_held_is_not_run_and_the_refusal_is_recorded(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Workbooks());
        await using (var held = await ChamberRunLock.TryAcquireAsync(bed.Warehouse.Dialect, "CBIS"))
        {
            Assert.NotNull(held);
            Assert.Null(await ChamberRunLock.TryAcquireAsync(bed.Warehouse.Dialect, "CBIS"));
            await using (var other = await ChamberRunLock.TryAcquireAsync(bed.Warehouse.Dialect, "FG"))
                Assert.NotNull(other);
            var environment = Pipeline.Jobs.Runs.RunEnvironment.Load(bed.Warehouse.Dialect, bed.ConfigDirectory, new Serilog.LoggerConfiguration().CreateLogger(), TimeProvider.System);
            var run = environment.CreateNightlyRun([]);
            var busy = await Assert.ThrowsAsync<Pipeline.Jobs.Runs.ChamberBusyException>(() => run.RunAsync(environment.Chambers.All[0]));
            Assert.Contains("another run of this chamber is in progress", busy.Message);
        }
        var refused = Assert.Single(await bed.Runs.RecentAsync(10));
        Assert.Equal(("run", "failed"), (refused.Kind, refused.Status));
        await using var released = await ChamberRunLock.TryAcquireAsync(bed.Warehouse.Dialect, "CBIS");
        Assert.NotNull(released);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_alert_and_digest_jobs_are_recorded_runs_and_a_reminder_the_webhook_refuses_is_retried(string dialect)
    {
        await using var bed = await SchedulerBed.CreateAsync(dialect, Workbooks(), Path.Combine(SchedulerBed.Samples(), "piano-*.pdf"));
        await using var hook = new Pipeline.Jobs.Tests.Alerts.Channels.FakeHttpServer(200);
        async Task UseWebhook(Uri url) => await File.WriteAllTextAsync(Path.Combine(bed.ConfigDirectory, "alerts.json"),
            $$"""{ "timezone": "Europe/Rome", "channels": { "webhook": { "url": "{{url}}", "attempts": 1 } } }""");
        await UseWebhook(hook.Url);
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var retry = new RetrySettings(2, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5));
        JobDefinition[] definitions =
        [
            SchedulerBed.Nightly(),
            new("alerts", JobKind.Alerts, "Daily alert evaluation", "0 0 7 * * ?", rome, null, retry),
            new("digest", JobKind.Digest, "Weekly digest", "0 0 8 ? * MON", rome, null, retry),
        ];
        var node = await bed.StartNodeAsync("node-a", definitions);
        try
        {
            // load the chamber once (its plan and monitoring): as of now, the sample's later monitoring is overdue
            await ScheduleSync.TriggerNowAsync(node.Scheduler, Job, retry, "test");
            var nightly = Assert.Single(await bed.WaitForRunsAsync(Job.ToString(), r => r.Any(x => x.FinishedAt is not null), TimeSpan.FromSeconds(60)));
            Assert.True(hook.Requests.Count == 1, $"run {nightly.Status} {nightly.Error}, files {nightly.FilesNew}, alerts {await bed.ScalarAsync("SELECT COUNT(*) FROM alert")}, requests {hook.Requests.Count}");                    // the nightly run's digest: the alerts it raised

            var alerts = new JobKey("CBIS", "alerts");
            await ScheduleSync.TriggerNowAsync(node.Scheduler, alerts, retry, "test");
            var evaluation = Assert.Single(await bed.WaitForRunsAsync(alerts.ToString(), r => r.Any(x => x.FinishedAt is not null), TimeSpan.FromSeconds(60)));
            Assert.Equal(("alerts", "succeeded", 0), (evaluation.Kind, evaluation.Status, evaluation.FilesTotal));

            // the configuration is read at every firing: the reminder goes to a webhook that refuses it once
            await using var refusing = new Pipeline.Jobs.Tests.Alerts.Channels.FakeHttpServer(500, 200);
            await UseWebhook(refusing.Url);
            var digest = new JobKey("CBIS", "digest");
            await ScheduleSync.TriggerNowAsync(node.Scheduler, digest, retry, "test");
            var reminders = (await bed.WaitForRunsAsync(digest.ToString(), r => r.Any(x => x.Status == "succeeded"), TimeSpan.FromSeconds(60)))
                .OrderBy(r => r.RunId).ToList();
            Assert.Equal([("failed", 0), ("succeeded", 1)], reminders.Select(r => (r.Status, r.Attempt ?? -1)));
            Assert.Contains("not delivered by webhook", reminders[0].Error);
            Assert.Equal(2, refusing.Requests.Count(r => r.Body.Contains("\"reminder\":true", StringComparison.Ordinal)));
            Assert.True(await bed.ScalarAsync("SELECT COUNT(*) FROM alert WHERE status <> 'resolved'") > 0);
        }
        finally
        {
            await node.StopAsync();
        }
    }
}
