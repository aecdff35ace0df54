using Pipeline.Jobs.Runs;
using Pipeline.Warehouse.Runs;
using Quartz;
using Serilog;

namespace Pipeline.Jobs.Scheduling;

/// <summary>
/// The weekly reminder of one chamber (<c>etl_run.kind = 'digest'</c>): one digest listing every alert of the
/// chamber still open, to its channels; nothing is sent when none is open. A channel that tried and could not
/// deliver fails the run, which is retried with the job's backoff; one that skipped the digest (e-mail to a chamber
/// without recipients) does not.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(SchedulerServices services) : ChamberJob(services)
{
    protected override string RunKind => "digest";

    protected override async Task RunAsync(IJobExecutionContext context, RunEnvironment environment, ChamberSource chamber, EtlRunOrigin origin, ILogger log, CancellationToken ct)
    {
        var (_, error) = await RecordedAsync(chamber, origin, async runId =>
        {
            var deliveries = await environment.CreateAlertEvaluator(Services.Channels(environment)).SendOpenDigestAsync(chamber.Code, runId, ct);
            var undelivered = Undelivered(deliveries);
            log.Information("{Job}: weekly digest {Outcome}", origin.Job, deliveries.Count == 0 ? "not needed (no open alert)" : undelivered ?? "delivered");
            return (undelivered is null ? "succeeded" : "failed", undelivered);
        }, ct);
        if (error is not null) throw new JobExecutionException($"{origin.Job}: {error}");
    }
}
