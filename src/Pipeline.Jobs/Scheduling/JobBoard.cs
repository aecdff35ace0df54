using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;
using Quartz;

namespace Pipeline.Jobs.Scheduling;

/// <summary>A job of the job store as operators see it: schedule, zone, next and previous firing, state, retry policy, last run.</summary>
public sealed record JobRow(string Job, string Type, string? Cron, TimeZoneInfo Zone, DateTimeOffset? Next, DateTimeOffset? Previous, string State,
    string? Retry, EtlRunRow? LastRun, string? Description)
{
    /// <summary>The chamber the job runs for (the job key's name: nightly.CBIS → CBIS).</summary>
    public string Chamber => Job[(Job.IndexOf('.') + 1)..];
}

/// <summary>A scheduler node of the cluster (PostgreSQL): its last check-in, how often it checks in, its state.</summary>
public sealed record NodeRow(string Node, DateTimeOffset? LastCheckIn, TimeSpan? Every, string State);

/// <summary>
/// What <c>pipeline jobs list|nodes|trigger</c> and the web app's Pianificazione page show and do, on the warehouse's
/// job store through a scheduler that is never started (it reads and writes the store only).
/// </summary>
public static class JobBoard
{
    // one store reader at a time in a process: Quartz keeps schedulers by name, and every one here is "pipeline"
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<T> WithStoreAsync<T>(SqlDialect dialect, Func<IScheduler, Task<T>> work, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var scheduler = await PipelineScheduler.BuildAsync(dialect, new SchedulerSettings($"board-{Environment.MachineName}-{Environment.ProcessId}"), null, ct);
            try
            {
                return await work(scheduler);
            }
            finally
            {
                await scheduler.Shutdown(false, CancellationToken.None);
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    public static async Task<IReadOnlyList<JobRow>> JobsAsync(IScheduler scheduler, EtlRunStore runs, CancellationToken ct)
    {
        var rows = new List<JobRow>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Group).ThenBy(k => k.Name))
        {
            var detail = await scheduler.GetJobDetail(key, ct);
            var cron = (await scheduler.GetTriggersOfJob(key, ct)).OfType<ICronTrigger>().FirstOrDefault();
            var state = cron is null ? "no schedule" : (await scheduler.GetTriggerState(cron.Key, ct)).ToString().ToLowerInvariant();
            var last = (await runs.RecentAsync(1, job: key.ToString(), ct: ct)).FirstOrDefault();
            rows.Add(new JobRow(key.ToString(), detail?.JobType.Type?.Name ?? detail?.JobType.FullName ?? "", cron?.CronExpressionString, cron?.TimeZone ?? TimeZoneInfo.Utc,
                cron?.NextFireTimeUtc, cron?.PreviousFireTimeUtc, state, cron?.RetryPolicy?.ToString(), last, detail?.Description));
        }
        return rows;
    }

    /// <summary>The other nodes of the cluster; none on SQLite (one node, no cluster).</summary>
    public static async Task<IReadOnlyList<NodeRow>> NodesAsync(IScheduler scheduler, SqlDialect dialect, CancellationToken ct)
    {
        if (dialect is not PostgresDialect) return [];
        return (await scheduler.QueryClusterNodes(ct)).Where(n => !n.IsCurrentNode).OrderBy(n => n.InstanceId)
            .Select(n => new NodeRow(n.InstanceId, n.LastCheckInUtc, n.CheckInInterval, n.State.ToString().ToLowerInvariant())).ToList();
    }

    /// <summary>
    /// Fires now a job (nightly.CBIS) or every job of a definition (nightly), with the definition's retry policy; a node
    /// runs it. <paramref name="allowed"/> filters the jobs (a web user's chambers).
    /// </summary>
    /// <exception cref="JobNotFoundException">No job of the store has that name.</exception>
    public static async Task<IReadOnlyList<JobKey>> TriggerAsync(IScheduler scheduler, IReadOnlyList<JobDefinition> definitions, string name, string requestedBy,
        Func<JobKey, bool>? allowed, CancellationToken ct)
    {
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct);
        var keys = stored.Where(k => string.Equals(k.Group, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k.ToString(), name, StringComparison.OrdinalIgnoreCase))
            .Where(k => allowed?.Invoke(k) ?? true).OrderBy(k => k.Name).ToList();
        if (keys.Count == 0)
            throw new JobNotFoundException($"no job '{name}' in the job store (jobs: {string.Join(", ", stored.Select(k => k.ToString()).Order())}); " +
                                           "'pipeline jobs sync' registers jobs/*.json");
        foreach (var key in keys)
        {
            var retry = definitions.FirstOrDefault(d => d.Name == key.Group)?.Retry ?? RetrySettings.Default;
            await ScheduleSync.TriggerNowAsync(scheduler, key, retry, requestedBy, ct);
        }
        return keys;
    }
}

/// <summary>A job named to trigger is not in the job store.</summary>
public sealed class JobNotFoundException(string message) : Exception(message);
