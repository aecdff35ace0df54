using Pipeline.Warehouse.Dialects;
using Quartz;
using Quartz.Extensibility;

namespace Pipeline.Jobs.Scheduling;

/// <summary>How a scheduler node runs: its id in the cluster, how many jobs it runs at once, and its timings.</summary>
public sealed record SchedulerSettings(string NodeId)
{
    /// <summary>
    /// Jobs this node runs at the same time (default: the processor count): different chambers' nightly runs go on at
    /// once (on SQLite their writes take turns, <see cref="Pipeline.Warehouse.Dialects.WriteGate"/>); a chamber never runs twice at once.
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How often a clustered node records that it is alive; a node silent for longer than this plus <see cref="CheckinMisfireThreshold"/> is taken for dead and its jobs recovered.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How late a firing may be before it counts as missed (then it runs once at start-up, see <see cref="ScheduleSync"/>).</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an idle node waits before looking for triggers again (triggers added by another process are seen within it).</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most triggers a node takes at once: 1, so that the nodes of a cluster share a night's chambers.</summary>
    public int MaxBatchSize { get; init; } = 1;

    /// <summary>Whether the qrtz_* tables are created when missing (false: a reader of a store known to be there, e.g. the web app's, skips the check).</summary>
    public bool ProvisionSchema { get; init; } = true;
}

/// <summary>
/// Builds the Quartz scheduler on the warehouse database (DESIGN §8): its job store is the warehouse itself (the
/// qrtz_* tables, created by Quartz when missing), clustered on PostgreSQL so that several nodes share the jobs and
/// recover those of a node that dies, single-node on SQLite. Every node and every <c>pipeline jobs</c> command uses
/// the same scheduler name, so they all see the same jobs.
/// </summary>
public static class PipelineScheduler
{
    public const string Name = "pipeline";

    public static async Task<IScheduler> BuildAsync(SqlDialect dialect, SchedulerSettings settings, IJobFactory? jobFactory = null, CancellationToken ct = default)
    {
        var clustered = dialect is PostgresDialect;
        var builder = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = Name;
                o.InstanceId = settings.NodeId;
                o.IdleWaitTime = settings.IdleWait;
                o.MaxBatchSize = settings.MaxBatchSize;
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(settings.Threads);
            if (jobFactory is not null) q.UseJobFactory(jobFactory);
            q.UsePersistentStore(store =>
            {
                if (dialect is PostgresDialect) store.UsePostgres(dialect.ConnectionString);
                else store.UseSqlite(dialect.ConnectionString);
                if (settings.ProvisionSchema) store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(_ => { });
                store.ConfigureStore(o =>
                {
                    o.MisfireThreshold = settings.MisfireThreshold;
                    // a firing cut short by a stopping node is handed to another node (or this one's next start)
                    o.RecoverFiringsCancelledByShutdown = true;
                });
                if (clustered)
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.CheckinInterval;
                        c.CheckinMisfireThreshold = settings.CheckinMisfireThreshold;
                    });
            });
        });
        return await builder.BuildScheduler(ct);
    }

    /// <summary>A node id unique on this machine and readable in <c>jobs history</c>: host name and process id.</summary>
    public static string DefaultNodeId() => $"{Environment.MachineName}-{Environment.ProcessId}";
}
