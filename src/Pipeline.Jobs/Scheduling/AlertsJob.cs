using Pipeline.Jobs.Runs;
using Pipeline.Warehouse.Runs;
using Quartz;
using Serilog;

namespace Pipeline.Jobs.Scheduling;

/// <summary>
/// The daily alert evaluation of one chamber, without loading anything (<c>etl_run.kind = 'alerts'</c>): deadlines
/// pass while no file arrives, so alerts are raised and escalated on days without a run. The digest of the changes
/// goes to the chamber's channels; a channel that could not deliver leaves the run partial (the alerts themselves
/// are stored), and is not retried: the next change or the weekly digest carries them again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertsJob(SchedulerServices services) : ChamberJob(services)
{
    protected override string RunKind => "alerts";

    protected override async Task RunAsync(IJobExecutionContext context, RunEnvironment environment, ChamberSource chamber, EtlRunOrigin origin, ILogger log, CancellationToken ct)
    {
        var runs = Services.Runs;
        var runId = await runs.StartAsync(RunKind, chamber.Code, ct, origin);
        try
        {
            var result = await environment.CreateAlertEvaluator(Services.Channels(environment)).EvaluateAsync(chamber.Code, runId, ct);
            var undelivered = result.Deliveries.Where(d => !d.Result.Delivered && d.Result.Attempts > 0).Select(d => $"{d.Channel}: {d.Result.Error}").ToList();
            await runs.FinishAsync(runId, undelivered.Count == 0 ? "succeeded" : "partial", Counts.None,
                undelivered.Count == 0 ? null : "not delivered by " + string.Join("; ", undelivered), CancellationToken.None);
            log.Information("{Job}: alerts {Raised} raised, {Escalated} escalated, {Resolved} resolved, {Open} open", origin.Job, result.Raised, result.Escalated, result.Resolved, result.Open);
        }
        catch (Exception ex)
        {
            await runs.FinishAsync(runId, ex is OperationCanceledException ? "interrupted" : "failed", Counts.None, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}", CancellationToken.None);
            throw;
        }
    }
}

internal static class Counts
{
    public static readonly EtlRunCounts None = new(0, 0, 0, 0, 0, 0, 0);
}
