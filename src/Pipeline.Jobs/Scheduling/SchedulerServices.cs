using Pipeline.Core.Configuration;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;
using Quartz;
using Quartz.Extensibility;
using Serilog;

namespace Pipeline.Jobs.Scheduling;

/// <summary>
/// What the scheduled jobs of a node share: the warehouse, the configuration folder (read again at every firing),
/// the node's id, the log, the clock and the HTTP client of the webhook channel; and a count of the jobs running on
/// this node, which a stopping node waits on.
/// </summary>
public sealed class SchedulerServices(SqlDialect dialect, string configDirectory, string nodeId, ILogger logger, TimeProvider clock, HttpClient http)
{
    private int _running;

    public SqlDialect Dialect { get; } = dialect;
    public string NodeId { get; } = nodeId;
    public ILogger Logger { get; } = logger;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Jobs executing on this node now.</summary>
    public int Running => Volatile.Read(ref _running);

    public EtlRunStore Runs => new(Dialect, Clock);

    /// <exception cref="ConfigException">A configuration file is missing or not valid.</exception>
    public RunEnvironment LoadEnvironment() => RunEnvironment.Load(Dialect, configDirectory, Logger, Clock);

    public IReadOnlyList<IAlertChannel> Channels(RunEnvironment environment) => environment.Alerts.CreateChannels(Logger, http);

    /// <summary>The origin recorded on the firing's <c>etl_run</c> row: job key, node, attempt (0 on the scheduled fire), fire id.</summary>
    public EtlRunOrigin Origin(IJobExecutionContext context) => new(context.JobDetail.Key.ToString(), NodeId, context.RetryAttempt, context.FireInstanceId);

    internal IDisposable Enter()
    {
        Interlocked.Increment(ref _running);
        return new Exit(this);
    }

    private sealed class Exit(SchedulerServices services) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref services._running);
        }
    }
}

/// <summary>Makes the job of each kind with the node's services.</summary>
public sealed class PipelineJobFactory(SchedulerServices services) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken)
    {
        var type = bundle.JobDetail.JobType.Type;
        IJob job = type == typeof(NightlyJob) ? new NightlyJob(services)
            : type == typeof(AlertsJob) ? new AlertsJob(services)
            : type == typeof(DigestJob) ? new DigestJob(services)
            : throw new SchedulerException($"job {bundle.JobDetail.Key}: type {bundle.JobDetail.JobType.FullName} is not a Pipeline job");
        return ValueTask.FromResult(new JobScope(job, null!));
    }

    public ValueTask ReturnJob(JobScope job, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The job class of each kind.</summary>
    public static Type TypeOf(JobKind kind) => kind switch
    {
        JobKind.Nightly => typeof(NightlyJob),
        JobKind.Alerts => typeof(AlertsJob),
        JobKind.Digest => typeof(DigestJob),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// The shape of every scheduled job: one chamber (from the job's data), the configuration read afresh, a chamber
/// no longer configured recorded as a failed run (not retried), and the job's own work.
/// </summary>
public abstract class ChamberJob(SchedulerServices services) : IJob
{
    public const string ChamberKey = "chamber";

    protected SchedulerServices Services { get; } = services;

    /// <summary>The <c>etl_run.kind</c> of this job's runs.</summary>
    protected abstract string RunKind { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var running = Services.Enter();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        var ct = linked.Token;
        var code = context.MergedJobDataMap.GetString(ChamberKey) ?? context.JobDetail.Key.Name;
        var origin = Services.Origin(context);
        var log = Services.Logger.ForContext("Job", origin.Job).ForContext("Node", Services.NodeId);
        log.Information("{Job} fired on {Node} (attempt {Attempt}{Recovering})", origin.Job, Services.NodeId, origin.Attempt, context.Recovering ? ", recovering a stopped node's firing" : "");

        RunEnvironment environment;
        try
        {
            environment = Services.LoadEnvironment();
        }
        catch (ConfigException ex)
        {
            await Services.Runs.RecordFailedAsync(RunKind, code, ex.Message, origin, CancellationToken.None);
            throw new JobExecutionException($"{origin.Job}: {ex.Message}", ex);
        }
        var chamber = environment.Chamber(code);
        if (chamber is null)
        {
            var reason = $"{code} is no longer in config/chambers.json; restart the scheduler to drop its jobs";
            await Services.Runs.RecordFailedAsync(RunKind, code, reason, origin, CancellationToken.None);
            log.Warning("{Job}: {Reason}", origin.Job, reason);
            return;
        }
        await RunAsync(context, environment, chamber, origin, log, ct);
    }

    protected abstract Task RunAsync(IJobExecutionContext context, RunEnvironment environment, ChamberSource chamber, EtlRunOrigin origin, ILogger log, CancellationToken ct);

    /// <summary>
    /// Runs a job's work as one <c>etl_run</c> row of its kind (no files, no facts): finished with the status and error
    /// the work returns, or failed (interrupted, when cancelled) with what it threw, which is rethrown.
    /// </summary>
    protected async Task<(string Status, string? Error)> RecordedAsync(ChamberSource chamber, EtlRunOrigin origin,
        Func<long, Task<(string Status, string? Error)>> work, CancellationToken ct)
    {
        var none = new EtlRunCounts(0, 0, 0, 0, 0, 0, 0);
        var runs = Services.Runs;
        var runId = await runs.StartAsync(RunKind, chamber.Code, origin, ct);
        try
        {
            var (status, error) = await work(runId);
            await runs.FinishAsync(runId, status, none, error, CancellationToken.None);
            return (status, error);
        }
        catch (Exception ex)
        {
            await runs.FinishAsync(runId, ex is OperationCanceledException ? "interrupted" : "failed", none, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}", CancellationToken.None);
            throw;
        }
    }

    /// <summary>The channels that tried to deliver a digest and could not (not those that skipped it, e.g. e-mail to a chamber without recipients).</summary>
    protected static string? Undelivered(IEnumerable<(string Channel, Pipeline.Jobs.Alerts.Channels.ChannelResult Result)> deliveries)
    {
        var failed = deliveries.Where(d => !d.Result.Delivered && d.Result.Attempts > 0).Select(d => $"{d.Channel}: {d.Result.Error}").ToList();
        return failed.Count == 0 ? null : "not delivered by " + string.Join("; ", failed);
    }
}
