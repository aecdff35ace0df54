using Pipeline.Core.Access;
using Pipeline.Jobs.Scheduling;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Web.Queries;

/// <summary>The Pianificazione page: the jobs of the store, the cluster's nodes, the retried and failed runs.</summary>
public sealed record SchedulerView(IReadOnlyList<JobRow> Jobs, IReadOnlyList<NodeRow> Nodes, IReadOnlyList<EtlRunRow> RetriesAndFailures);

/// <summary>
/// The Pianificazione page and <c>/api/pianificazione</c>: what <c>pipeline jobs list|nodes|history</c> show, the
/// jobs of the chambers in scope; "run now" through <see cref="JobBoard.TriggerAsync"/>, as <c>pipeline jobs trigger</c>.
/// </summary>
public sealed class SchedulerBoard(SqlDialect dialect, WebSettings settings)
{
    public const int RunsShown = 50;

    public async Task<SchedulerView> LoadAsync(ChamberScope scope, CancellationToken ct = default)
    {
        var runs = new EtlRunStore(dialect);
        var (jobs, nodes) = await JobBoard.WithStoreAsync(dialect, async scheduler =>
            (await JobBoard.JobsAsync(scheduler, runs, ct), await JobBoard.NodesAsync(scheduler, dialect, ct)), ct);
        var scheduled = await runs.RecentAsync(RunsShown * 4, scheduledOnly: true, ct: ct);
        var troubled = scope.Filter(scheduled, r => r.ChamberCode)
            .Where(r => r.Attempt > 0 || r.Status is "failed" or "interrupted").Take(RunsShown).ToList();
        return new SchedulerView(scope.Filter(jobs, j => j.Chamber), scope.IsAll ? nodes : [], troubled);
    }

    /// <summary>Fires the job (or the definition's jobs of the chambers in scope) now; the names of the jobs fired.</summary>
    /// <exception cref="JobNotFoundException">No job of that name in scope.</exception>
    public async Task<IReadOnlyList<string>> RunNowAsync(ChamberScope scope, string job, string user, CancellationToken ct = default)
    {
        var definitions = JobDefinitions.FromDirectory(settings.JobsDirectory);
        var keys = await JobBoard.WithStoreAsync(dialect,
            scheduler => JobBoard.TriggerAsync(scheduler, definitions, job, $"{user} (web)", key => scope.Allows(key.Name), ct), ct);
        return keys.Select(k => k.ToString()).ToList();
    }
}
