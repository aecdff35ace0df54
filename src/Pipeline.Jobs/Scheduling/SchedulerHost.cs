using Pipeline.Jobs.Runs;
using Pipeline.Warehouse;
using Quartz;
using Serilog;

namespace Pipeline.Jobs.Scheduling;

/// <summary>
/// <c>pipeline scheduler</c>: one node. It brings the warehouse up to date, writes jobs/*.json × config/chambers.json
/// into the job store (<see cref="ScheduleSync"/>), starts Quartz — which first runs, once, each firing missed while
/// no node was up — and runs jobs until it is told to stop. Stopping takes no new firing, lets the running jobs
/// finish for up to <see cref="StopGrace"/>, then cancels them: a cancelled run stops between files (a file's load
/// is one transaction, so no file is ever half-loaded), its <c>etl_run</c> row says interrupted, and its firing is
/// handed back to the job store, where another node — or this one at its next start — runs it again.
/// </summary>
public sealed class SchedulerHost(SchedulerServices services, SchedulerSettings settings, IReadOnlyList<JobDefinition> definitions, ChamberSources chambers)
{
    /// <summary>How long a stopping node lets its running jobs finish before cancelling them.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Called once the node has started, with what the synchronisation did (tests and the CLI wait on it).</summary>
    public Action<SyncResult>? Started { get; init; }

    /// <summary>The running scheduler (null before start and after stop), e.g. to trigger a job in the same process.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var log = services.Logger.ForContext("Node", settings.NodeId);
        // Quartz's own log (misfires, cluster recovery, store failures) goes where ours does
        Quartz.Diagnostics.LogProvider.SetLogProvider(new Serilog.Extensions.Logging.SerilogLoggerFactory(services.Logger.ForContext("Node", settings.NodeId)));
        await new WarehouseInitializer(services.Dialect).InitAsync(stop);
        var scheduler = await PipelineScheduler.BuildAsync(services.Dialect, settings, new PipelineJobFactory(services), stop);
        try
        {
            var sync = await ScheduleSync.ApplyAsync(scheduler, definitions, chambers, stop);
            log.Information("Scheduler node {Node} on {Warehouse}: {Jobs} jobs ({Added} added, {Rescheduled} rescheduled, {Unchanged} unchanged, {Removed} removed)",
                settings.NodeId, services.Dialect.Describe(), sync.Jobs, sync.Added, sync.Rescheduled, sync.Unchanged, sync.Removed.Count);
            await scheduler.Start(stop);
            Scheduler = scheduler;
            Started?.Invoke(sync);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stop);
            }
            catch (OperationCanceledException)
            {
                // asked to stop
            }
            log.Information("Scheduler node {Node} stopping: no new firing; {Running} running job(s) get {Grace}s to finish",
                settings.NodeId, services.Running, (int)StopGrace.TotalSeconds);
            await scheduler.Standby(CancellationToken.None);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (services.Running > 0 && waited.Elapsed < StopGrace)
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            if (services.Running > 0)
                log.Warning("Scheduler node {Node}: {Running} job(s) still running after {Grace}s; cancelling them (their runs are marked interrupted and run again later)",
                    settings.NodeId, services.Running, (int)StopGrace.TotalSeconds);
        }
        finally
        {
            // waits for the jobs; with ShutdownJobInterruption.WhenWaitingForJobs the ones still running are cancelled first
            Scheduler = null;
            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
            log.Information("Scheduler node {Node} stopped", settings.NodeId);
        }
    }
}
