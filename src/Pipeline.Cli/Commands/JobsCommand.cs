using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Runs;
using Quartz;

namespace Pipeline.Cli.Commands;

public static class JobsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("jobs", "the scheduler's jobs: list, sync, trigger, history");
        command.Add(List(globals));
        command.Add(Sync(globals));
        command.Add(Trigger(globals));
        command.Add(History(globals));
        command.Add(Nodes(globals));
        return command;
    }

    private static Command Nodes(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("nodes", "the scheduler nodes of the cluster (PostgreSQL): id, last check-in, alive, overdue or failed") { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) => WithStoreAsync(cli, async scheduler =>
        {
            var printer = new Printer(cli.Mode);
            if (cli.Dialect is not Pipeline.Warehouse.Dialects.PostgresDialect)
            {
                if (parse.GetValue(json)) JsonOutput.Write(Array.Empty<object>());
                else printer.Line("The SQLite warehouse has one scheduler node and no cluster: nodes are listed on PostgreSQL.");
                return ExitCodes.Ok;
            }
            var nodes = await JobBoard.NodesAsync(scheduler, cli.Dialect, token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(nodes.Select(n => new
                {
                    node = n.Node, last_checkin = n.LastCheckIn, checkin_seconds = n.Every?.TotalSeconds, state = n.State,
                }));
                return ExitCodes.Ok;
            }
            if (nodes.Count == 0)
            {
                printer.Line("No scheduler node has checked in.");
                return ExitCodes.Ok;
            }
            printer.Table(["Node", "Last check-in", "Every", "State"], nodes.Select(n => (IReadOnlyList<string?>)
            [
                n.Node, n.LastCheckIn?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                n.Every is { } every ? $"{every.TotalSeconds:0}s" : null, n.State,
            ]));
            return ExitCodes.Ok;
        }, token), ct));
        return command;
    }

    /// <summary>jobs/ sits next to the configuration folder (./jobs beside ./config).</summary>
    public static string JobsDirectory(CliContext cli) => JobDefinitions.DirectoryBeside(cli.ConfigDirectory);

    public static (IReadOnlyList<JobDefinition> Definitions, ChamberSources Chambers) Load(CliContext cli)
    {
        return (JobDefinitions.FromDirectory(JobsDirectory(cli)), ChamberSources.FromDirectory(cli.ConfigDirectory));
    }

    /// <summary>Works on the warehouse's job store through a scheduler that is never started (it reads and writes the store only).</summary>
    private static async Task<T> WithStoreAsync<T>(CliContext cli, Func<IScheduler, Task<T>> work, CancellationToken ct)
    {
        await new WarehouseInitializer(cli.Dialect).InitAsync(ct);
        return await JobBoard.WithStoreAsync(cli.Dialect, work, ct);
    }

    private static Command List(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("list", "the jobs in the job store: schedule, next and previous firing (Europe/Rome or the job's zone), state, last run") { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) => WithStoreAsync(cli, async scheduler =>
        {
            var rows = (await JobBoard.JobsAsync(scheduler, new EtlRunStore(cli.Dialect), token)).Select(r => new
            {
                r.Job, r.Type, r.Cron, Zone = r.Zone.Id, Next = Local(r.Next, r.Zone), Previous = Local(r.Previous, r.Zone), r.State, r.Retry,
                LastRun = r.LastRun is { } last ? $"{last.Status} (run {last.RunId}, {last.StartedAt})" : null, r.Description,
            }).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    job = r.Job, type = r.Type, cron = r.Cron, timezone = r.Zone, next = r.Next, previous = r.Previous, state = r.State,
                    retry = r.Retry, last_run = r.LastRun, description = r.Description,
                }));
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (rows.Count == 0)
            {
                printer.Line($"No job in the job store: 'pipeline jobs sync' or 'pipeline scheduler' registers {JobsDirectory(cli)}/*.json.");
                return ExitCodes.Ok;
            }
            printer.Table(["Job", "Cron", "Zone", "Next", "Previous", "State", "Last run"],
                rows.Select(r => (IReadOnlyList<string?>)[r.Job, r.Cron, r.Zone, r.Next, r.Previous, r.State, r.LastRun]));
            return ExitCodes.Ok;
        }, token), ct));
        return command;
    }

    private static Command Sync(GlobalOptions globals)
    {
        var command = new Command("sync", "write jobs/*.json × config/chambers.json into the job store without starting a node (the scheduler does this at start)");
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var (definitions, chambers) = Load(cli);
            var sync = await WithStoreAsync(cli, scheduler => ScheduleSync.ApplyAsync(scheduler, definitions, chambers, token), token);
            new Printer(cli.Mode).Line($"{sync.Jobs} jobs: {sync.Added} added, {sync.Rescheduled} rescheduled, {sync.Unchanged} unchanged, {sync.Removed.Count} removed" +
                                       (sync.Removed.Count > 0 ? $" ({string.Join(", ", sync.Removed)})" : ""));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Trigger(GlobalOptions globals)
    {
        var job = new Argument<string>("job") { Description = "a job (nightly.CBIS) or a whole definition (nightly: every chamber's)" };
        var wait = new Option<bool>("--wait") { Description = "wait until the runs have finished (a scheduler node must be running) and print them" };
        var timeout = new Option<int>("--timeout") { Description = "seconds --wait waits at most", DefaultValueFactory = _ => 1800 };
        var command = new Command("trigger", "fire a job now: stored in the job store, run by the first scheduler node that takes it") { job, wait, timeout };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var (definitions, _) = Load(cli);
            var name = parse.GetValue(job)!.Trim();
            var since = DateTimeOffset.UtcNow;
            IReadOnlyList<JobKey> keys;
            try
            {
                keys = await WithStoreAsync(cli, scheduler => JobBoard.TriggerAsync(scheduler, definitions, name, $"pipeline jobs trigger on {Environment.MachineName}", null, token), token);
            }
            catch (JobNotFoundException ex)
            {
                throw new UsageException(ex.Message);
            }
            var printer = new Printer(cli.Mode);
            printer.Line($"triggered {keys.Count} job(s): {string.Join(", ", keys)}");
            if (!parse.GetValue(wait)) return ExitCodes.Ok;

            var runs = new EtlRunStore(cli.Dialect);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
            limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))));
            var finished = new Dictionary<string, EtlRunRow>();
            try
            {
                while (finished.Count < keys.Count)
                {
                    foreach (var key in keys.Where(k => !finished.ContainsKey(k.ToString())))
                    {
                        var run = (await runs.RecentAsync(1, job: key.ToString(), ct: limit.Token)).FirstOrDefault();
                        if (run is { FinishedAt: not null } && DateTimeOffset.Parse(run.StartedAt, CultureInfo.InvariantCulture) >= since.AddSeconds(-1)
                            && run.Status is not "running") finished[key.ToString()] = run;
                    }
                    if (finished.Count < keys.Count) await Task.Delay(500, limit.Token);
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                Console.Error.WriteLine($"error: {keys.Count - finished.Count} job(s) had not finished after {parse.GetValue(timeout)}s (is a scheduler node running?)");
                return ExitCodes.InputFailed;
            }
            foreach (var run in finished.Values.OrderBy(r => r.Job))
                printer.Line($"{run.Job}: run {run.RunId} {run.Status} on {run.Node} (attempt {run.Attempt}){(run.Error is null ? "" : ": " + run.Error)}");
            return finished.Values.All(r => r.Status is "succeeded" or "partial") ? ExitCodes.Ok : ExitCodes.InputFailed;
        }, ct));
        return command;
    }

    private static Command History(GlobalOptions globals)
    {
        var jobOption = new Option<string?>("--job") { Description = "one job (nightly.CBIS)" };
        var chamber = new Option<string?>("--chamber") { Description = "one chamber" };
        var limit = new Option<int>("--limit") { Description = "most runs shown", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("history", "the scheduler's runs, newest first (etl_run): job, node, attempt, status, counts, duration, error") { jobOption, chamber, limit, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var rows = await new EtlRunStore(cli.Dialect).RecentAsync(Math.Max(1, parse.GetValue(limit)),
                chamber: CliContext.ChamberCode(parse.GetValue(chamber)), scheduledOnly: true, job: parse.GetValue(jobOption), ct: token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    run_id = r.RunId, job = r.Job, kind = r.Kind, chamber = r.ChamberCode, node = r.Node, attempt = r.Attempt, started_at = r.StartedAt,
                    finished_at = r.FinishedAt, seconds = r.Seconds, status = r.Status, files_new = r.FilesNew, files_unchanged = r.FilesUnchanged,
                    files_failed = r.FilesFailed, facts_written = r.FactsWritten, error = r.Error,
                }));
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (rows.Count == 0)
            {
                printer.Line("No scheduled run yet.");
                return ExitCodes.Ok;
            }
            printer.Table(["Run", "Job", "Node", "Attempt", "Started", "Seconds", "Status", "New", "Failed", "Facts", "Error"],
                rows.Select(r => (IReadOnlyList<string?>)
                [
                    r.RunId.ToString(CultureInfo.InvariantCulture), r.Job, r.Node, r.Attempt?.ToString(CultureInfo.InvariantCulture), r.StartedAt,
                    r.Seconds is { } seconds ? ItalianFormat.Fixed(seconds, 1) : null, r.Status, r.FilesNew.ToString(CultureInfo.InvariantCulture),
                    r.FilesFailed.ToString(CultureInfo.InvariantCulture), ItalianFormat.Number(r.FactsWritten), r.Error,
                ]));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string? Local(DateTimeOffset? utc, TimeZoneInfo zone) =>
        utc is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : null;

}
