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

    protected override async Task RunAsync(IJobExecutionContext context, RunEnvironment environment, ChamberSource chamber, EtlRunOrigin origin, ILogger log, CancellationToken ct) =>
        await RecordedAsync(chamber, origin, async runId =>
        {
            var result = await environment.CreateAlertEvaluator(Services.Channels(environment)).EvaluateAsync(chamber.Code, runId, ct);
            log.Information("{Job}: alerts {Raised} raised, {Escalated} escalated, {Resolved} resolved, {Open} open", origin.Job, result.Raised, result.Escalated, result.Resolved, result.Open);
            var error = Undelivered(result.Deliveries);
            return (error is null ? "succeeded" : "partial", error);
        }, ct);
}
