using System.Diagnostics;
using Pipeline.Jobs.Ingest;
using Serilog;

namespace Pipeline.Jobs.Runs;

/// <summary>What became of one chamber's run in a night: its summary, or the one line saying why it did not run or did not finish.</summary>
public sealed record ChamberNightOutcome(ChamberSource Chamber, ChamberRunSummary? Summary, string? Error, TimeSpan Started, TimeSpan Ended)
{
    public bool Failed => Summary is null;
}

/// <summary>One night of a region: each chamber's outcome (in the order of the chambers given), how many ran at once, and the wall time.</summary>
public sealed record RegionNightResult(string Name, IReadOnlyList<ChamberNightOutcome> Outcomes, int Parallel, TimeSpan Elapsed)
{
    /// <summary>The chambers whose run finished (with or without failed files), in order.</summary>
    public IReadOnlyList<ChamberRunSummary> Chambers => Outcomes.Where(o => o.Summary is not null).Select(o => o.Summary!).ToList();

    /// <summary>The chambers whose run did not start (busy) or did not finish (a step failed).</summary>
    public IReadOnlyList<ChamberNightOutcome> Failed => Outcomes.Where(o => o.Failed).ToList();

    /// <summary>The time of each step summed over the chambers (more than <see cref="Elapsed"/> when they ran at once).</summary>
    public RunStageTimes Stages => new(Sum(c => c.Times.Ingest), Sum(c => c.Times.Achievement), Sum(c => c.Times.Alerts));

    private TimeSpan Sum(Func<ChamberRunSummary, TimeSpan> of) => Chambers.Aggregate(TimeSpan.Zero, (total, c) => total + of(c));
}

/// <summary>
/// A night of a region's chambers: <c>pipeline run</c> and <c>pipeline bench night</c>. Each chamber is one
/// <see cref="NightlyRun"/> (its run lock, ingest, achievement, alerts), and up to <see cref="Parallel"/> chambers run
/// at once. On PostgreSQL they run wholly in parallel on pooled connections; on SQLite their discovery, extraction
/// and reading run in parallel while their writes take turns (<see cref="Pipeline.Warehouse.Dialects.WriteGate"/>).
/// A chamber that is busy (its lock held by another run) or whose run fails is reported with one line, and the
/// other chambers go on. Cancelling stops starting chambers; those running stop as <see cref="NightlyRun"/> says.
/// </summary>
/// <param name="createRun">A nightly run with the parts of the night (e.g. <see cref="RunEnvironment.CreateNightlyRun"/>); one per chamber.</param>
public sealed class RegionNight(Func<NightlyRun> createRun, ILogger? logger = null)
{
    private readonly object _report = new();

    /// <summary>Chambers run at once (at least 1; default: the processor count).</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>The progress of a chamber's files, or null for none; called once per chamber, from the thread that runs it.</summary>
    public Func<ChamberSource, IIngestProgress?>? Progress { get; init; }

    /// <param name="chambers">The chambers to run, each once (a code given twice runs once).</param>
    /// <param name="ran">Called as each chamber ends, one call at a time.</param>
    public async Task<RegionNightResult> RunAsync(string name, IReadOnlyList<ChamberSource> chambers, Action<ChamberNightOutcome>? ran = null,
        CancellationToken ct = default)
    {
        var list = chambers.DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase).ToList();
        var parallel = Math.Clamp(Parallel, 1, Math.Max(1, list.Count));
        var outcomes = new ChamberNightOutcome[list.Count];
        var watch = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct };
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, list.Count), options, async (index, token) =>
        {
            var outcome = await RunOneAsync(list[index], watch, token);
            outcomes[index] = outcome;
            if (ran is null) return;
            lock (_report) ran(outcome);
        });
        return new RegionNightResult(name, outcomes, parallel, watch.Elapsed);
    }

    private async Task<ChamberNightOutcome> RunOneAsync(ChamberSource chamber, Stopwatch night, CancellationToken ct)
    {
        var started = night.Elapsed;
        var progress = Progress?.Invoke(chamber);
        try
        {
            var summary = await createRun().RunAsync(chamber, progress, ct: ct);
            return new ChamberNightOutcome(chamber, summary, null, started, night.Elapsed);
        }
        catch (ChamberBusyException ex)
        {
            return new ChamberNightOutcome(chamber, null, ex.Message, started, night.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the run's row says failed with the step, the caller prints the one line; the stack is in the log with --verbose
            logger?.Debug(ex, "{Chamber}: run failed: {Reason}", chamber.Code, ex.Message);
            return new ChamberNightOutcome(chamber, null, $"{chamber.Code}: run failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}", started, night.Elapsed);
        }
        finally
        {
            (progress as IDisposable)?.Dispose();
        }
    }
}
