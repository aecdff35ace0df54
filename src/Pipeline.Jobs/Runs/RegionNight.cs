using System.Diagnostics;
using Pipeline.Jobs.Alerts.Channels;

namespace Pipeline.Jobs.Runs;

/// <summary>One night of a region: each chamber's run (in the order they ran) and the wall time of the whole night.</summary>
public sealed record RegionNightResult(string Name, IReadOnlyList<ChamberRunSummary> Chambers, TimeSpan Elapsed)
{
    /// <summary>The time of each step summed over the chambers.</summary>
    public RunStageTimes Stages => new(
        Sum(c => c.Times.Ingest), Sum(c => c.Times.Achievement), Sum(c => c.Times.Alerts));

    private TimeSpan Sum(Func<ChamberRunSummary, TimeSpan> of) => Chambers.Aggregate(TimeSpan.Zero, (total, c) => total + of(c));
}

/// <summary>
/// Runs a night of every chamber of a run environment, one after another, the way <c>pipeline run</c> does (one
/// <see cref="NightlyRun"/> per chamber, the same parts), and times it: <c>pipeline bench night</c>.
/// </summary>
public sealed class RegionNight(RunEnvironment environment, IReadOnlyList<IAlertChannel> channels)
{
    /// <exception cref="ChamberBusyException">A chamber's run lock is held by another run.</exception>
    public async Task<RegionNightResult> RunAsync(string name, Action<ChamberRunSummary>? ran = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var summaries = new List<ChamberRunSummary>();
        foreach (var chamber in environment.Chambers.All)
        {
            var summary = await environment.CreateNightlyRun(channels).RunAsync(chamber, ct: ct);
            summaries.Add(summary);
            ran?.Invoke(summary);
        }
        return new RegionNightResult(name, summaries, watch.Elapsed);
    }
}
