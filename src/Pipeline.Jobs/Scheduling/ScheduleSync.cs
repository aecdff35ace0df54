using Pipeline.Jobs.Runs;
using Quartz;

namespace Pipeline.Jobs.Scheduling;

/// <summary>What a synchronisation changed in the job store.</summary>
public sealed record SyncResult(int Jobs, int Added, int Rescheduled, int Unchanged, IReadOnlyList<string> Removed);

/// <summary>
/// Makes the job store hold what jobs/*.json and config/chambers.json describe: one durable job per definition and
/// chamber (<c>nightly.CBIS</c>: group = the definition's name, name = the chamber), each with a cron trigger in the
/// definition's time zone and retry policy. A trigger whose schedule did not change is left as stored, so a firing
/// missed while no node was running is still seen as missed and runs once when a node starts (misfire "fire and
/// proceed"); one whose cron, zone or retry changed is replaced. Jobs of chambers or definitions no longer
/// configured are removed. Safe to run on every node at start-up: each step is idempotent.
/// </summary>
public static class ScheduleSync
{
    /// <summary>The job key of a definition for a chamber.</summary>
    public static JobKey KeyOf(JobDefinition definition, string chamberCode) => new(chamberCode.ToUpperInvariant(), definition.Name);

    public static async Task<SyncResult> ApplyAsync(IScheduler scheduler, IReadOnlyList<JobDefinition> definitions, ChamberSources chambers, CancellationToken ct = default)
    {
        int added = 0, rescheduled = 0, unchanged = 0;
        var wanted = new HashSet<JobKey>();
        foreach (var definition in definitions)
            foreach (var chamber in chambers.All.Where(c => definition.Covers(c.Code)))
            {
                var key = KeyOf(definition, chamber.Code);
                wanted.Add(key);
                var job = JobBuilder.Create()
                    .OfType(PipelineJobFactory.TypeOf(definition.Kind))
                    .WithIdentity(key)
                    .DisallowConcurrentExecution()
                    .WithDescription(string.IsNullOrWhiteSpace(definition.Description) ? $"{definition.Kind} of {chamber.Code}" : $"{definition.Description} ({chamber.Code})")
                    .UsingJobData(ChamberJob.ChamberKey, chamber.Code)
                    .StoreDurably()
                    .RequestRecovery()
                    .Build();
                var trigger = CronTriggerOf(definition, key);
                var stored = await scheduler.GetTrigger(trigger.Key, ct) as ICronTrigger;
                if (stored is not null && stored.CronExpressionString == definition.Cron && stored.TimeZone.Id == definition.TimeZone.Id
                    && Equals(stored.RetryPolicy, trigger.RetryPolicy) && await scheduler.Exists(key, ct))
                {
                    await scheduler.AddJob(job, AddJobOptions.Replacing, ct);   // description and data only; the trigger keeps its state
                    unchanged++;
                    continue;
                }
                await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
                if (stored is null) added++;
                else rescheduled++;
            }

        // the store holds only the jobs this class put there: any other is a removed definition or chamber
        var removed = new List<string>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct))
            if (!wanted.Contains(key))
            {
                await scheduler.DeleteJob(key, ct);
                removed.Add(key.ToString());
            }
        return new SyncResult(wanted.Count, added, rescheduled, unchanged, removed);
    }

    /// <summary>The cron trigger of a job: the definition's schedule, zone and retry policy; a missed firing runs once, at once.</summary>
    public static ITrigger CronTriggerOf(JobDefinition definition, JobKey job) =>
        TriggerBuilder.Create()
            .WithIdentity(job.Name, job.Group)
            .ForJob(job)
            .WithCronSchedule(definition.Cron, c => c.InTimeZone(definition.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .WithRetryPolicy(definition.Retry.ToPolicy())
            .Build();

    /// <summary>
    /// A one-off firing of a job now (<c>pipeline jobs trigger</c>), with the job's retry policy: stored in the job
    /// store, it runs on whichever node acquires it first (or when a node starts).
    /// </summary>
    public static async Task<TriggerKey> TriggerNowAsync(IScheduler scheduler, JobKey job, RetrySettings retry, string requestedBy, CancellationToken ct = default)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"manual-{Guid.NewGuid():N}", job.Group)
            .ForJob(job)
            .WithDescription($"triggered by {requestedBy}")
            .StartNow()
            .WithRetryPolicy(retry.ToPolicy())
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
        return trigger.Key;
    }
}
