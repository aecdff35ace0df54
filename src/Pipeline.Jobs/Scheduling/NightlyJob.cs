using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse.Runs;
using Quartz;
using Serilog;

namespace Pipeline.Jobs.Scheduling;

/// <summary>
/// The scheduled nightly run of one chamber (<see cref="NightlyRun"/>, <c>etl_run.kind = 'nightly'</c>). Never two at
/// once for a chamber: Quartz does not fire the job while it runs anywhere in the cluster, and the run takes the
/// chamber's run lock. It fails — and is retried with the job's backoff — when it throws (warehouse unreachable,
/// chamber busy) or when none of its sources could be read; a run in which only some files failed is partial and
/// is not retried (the same bad file would fail again; its alert says so). A firing recovered from a node taken for
/// dead whose chamber is still locked is dropped: that node is alive and its run goes on.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyJob(SchedulerServices services) : ChamberJob(services)
{
    protected override string RunKind => "nightly";

    protected override async Task RunAsync(IJobExecutionContext context, RunEnvironment environment, ChamberSource chamber, EtlRunOrigin origin, ILogger log, CancellationToken ct)
    {
        var run = environment.CreateNightlyRun(Services.Channels(environment));
        ChamberRunSummary summary;
        try
        {
            summary = await run.RunAsync(chamber, null, RunKind, origin, ct);
        }
        catch (ChamberBusyException) when (context.Recovering)
        {
            // the node taken for dead is still loading the chamber (a late check-in, not a death): its run goes on, and
            // this recovery is dropped rather than retried into a second run of the same firing
            log.Warning("{Job}: recovered firing not run: the chamber is still being loaded by the run it would replace", origin.Job);
            return;
        }
        catch (ChamberBusyException ex)
        {
            throw new JobExecutionException(ex.Message, ex);
        }
        var i = summary.Ingest;
        var line = $"{chamber.Code}: run {i.RunId} {i.Status}: files {i.Count(FileStatus.New)} new, {i.Count(FileStatus.Superseding)} superseding{i.HeldNote}, " +
                   $"{i.Count(FileStatus.Unchanged)} unchanged, {i.Count(FileStatus.Failed)} failed; {i.FactsWritten} facts; " +
                   $"alerts {summary.Alerts.Raised} raised, {summary.Alerts.Resolved} resolved, {summary.Alerts.Open} open";
        log.Information("{Job}: {Summary}", origin.Job, line);
        if (i.Status == "failed")
            throw new JobExecutionException($"{chamber.Code}: no source could be read ({i.Count(FileStatus.Failed)} failed: " +
                                            string.Join("; ", i.Files.Where(f => f.Status == FileStatus.Failed).Select(f => f.Error).Take(3)) + ")");
    }
}
