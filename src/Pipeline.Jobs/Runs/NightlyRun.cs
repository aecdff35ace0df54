using Pipeline.Core.Achievement;
using Pipeline.Core.Alerts;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Achievement;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Incremental;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Jobs.Runs;

/// <summary>
/// What one chamber's run did: its ingest (files and facts), the achievement periods computed, its alerts, how long
/// each step took, and why each of the two steps ran or was skipped (<see cref="Pipeline.Core.Incremental.StepDecision"/>'s
/// reason: "first computation", "changed: documents, day", "unchanged").
/// </summary>
public sealed record ChamberRunSummary(string Chamber, IngestSummary Ingest, int AchievementPeriods, AlertRunResult Alerts, RunStageTimes Times,
    string AchievementStep = "computed", string AlertsStep = "evaluated")
{
    /// <summary>Neither step ran: nothing they depend on changed since the chamber's last computation.</summary>
    public bool AchievementUnchanged => AchievementStep == "unchanged";
    public bool AlertsUnchanged => AlertsStep == "unchanged";
}

/// <summary>The wall time of each step of a chamber's run: discover, extract and load; achievement; alerts.</summary>
public sealed record RunStageTimes(TimeSpan Ingest, TimeSpan Achievement, TimeSpan Alerts)
{
    /// <summary>The whole run of the chamber.</summary>
    public TimeSpan Total => Ingest + Achievement + Alerts;
}

/// <summary>Another run of the same chamber holds its run lock (another node, the scheduler, or a <c>pipeline run</c>).</summary>
public sealed class ChamberBusyException(string chamberCode)
    : Exception($"{chamberCode}: another run of this chamber is in progress (its run lock is held); not started")
{
    public string ChamberCode { get; } = chamberCode;
}

/// <summary>
/// One nightly run of a chamber (<c>pipeline run</c> and the scheduler's nightly job): take the chamber's run lock
/// (never two runs of a chamber at once), mark as interrupted the runs of the chamber that a stopped process left
/// "running", discover its sources, extract and load what is new (one recorded <c>etl_run</c>, a bad file failing
/// alone), compute the achievement of each year of its plans up to the current one, and evaluate its alerts (one
/// digest). Achievement and alerts run only when something they depend on changed since the chamber's last
/// computation (<see cref="StepInputs"/>); otherwise the summary says "unchanged" for them. A step after the load that fails or is cancelled leaves the run's row failed or interrupted, with the
/// step named; the files already loaded stay loaded. The run's row is finished when all of it is done, so its end
/// and duration cover the computing and the alerts too.
/// </summary>
/// <remarks>
/// <paramref name="asOf"/> (default: <paramref name="clock"/>) is the day the run computes and evaluates for — the
/// years of achievement, the deadlines of the alerts (which the <paramref name="alerts"/> evaluator must share); the
/// demo sets it on the sample region's calendar. The run's own records are stamped by <paramref name="clock"/>.
/// </remarks>
public sealed class NightlyRun(
    SqlDialect dialect, IngestRunner ingest, AlertEvaluator alerts, Func<string, AchievementPolicy> policyOf, TimeProvider clock, AlertConfig alertConfig,
    TimeProvider? asOf = null)
{
    /// <summary>The kinds of <c>etl_run</c> that take the chamber's run lock.</summary>
    public static readonly IReadOnlyList<string> LockedKinds = ["run", "nightly"];

    private readonly EtlRunStore _runs = new(dialect, clock);
    private readonly StepInputs _inputs = new(dialect, clock);

    /// <exception cref="ChamberBusyException">Another run of the chamber holds its lock (recorded as a failed run).</exception>
    public async Task<ChamberRunSummary> RunAsync(ChamberSource chamber, IIngestProgress? progress = null, string kind = "run",
        EtlRunOrigin? origin = null, CancellationToken ct = default)
    {
        await using var runLock = await ChamberRunLock.TryAcquireAsync(dialect, chamber.Code, ct);
        if (runLock is null)
        {
            var busy = new ChamberBusyException(chamber.Code);
            await _runs.RecordFailedAsync(kind, chamber.Code, busy.Message, origin, ct);
            throw busy;
        }
        await _runs.AbandonRunningAsync(chamber.Code, LockedKinds, "its process stopped before the run finished (found by a later run of the chamber)", ct);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var files = ChamberSources.Discover(chamber);
        var summary = await ingest.RunAsync(files, chamber.Code, progress, kind, origin, keepOpen: true, ct);
        if (summary.Status == "interrupted") ct.ThrowIfCancellationRequested();

        var ingestTime = watch.Elapsed;
        var stage = "achievement";
        try
        {
            var today = AlertClock.LocalDate((asOf ?? clock).GetUtcNow(), alertConfig.Zone);
            var data = await _inputs.DataAsync(chamber.Code, ct);
            var policy = policyOf(chamber.Code);
            var achievementInputs = StepInputs.Achievement(data, policy, today);
            var achievement = await _inputs.DecideAsync(chamber.Code, ChamberInputs.Achievement, achievementInputs, ct);
            var periods = 0;
            if (achievement.Run)
            {
                periods = await new ChamberAchievement(dialect, clock).ComputeAsync(chamber.Code, policy, today, ct);
                await _inputs.StoreAsync(chamber.Code, ChamberInputs.Achievement, achievementInputs, ct);
            }

            var achievementTime = watch.Elapsed - ingestTime;
            stage = "alerts";
            var failedSources = summary.Files.Where(f => f.Status == FileStatus.Failed).Select(f => f.Path);
            var alertInputs = StepInputs.Alerts(data, alertConfig, today, failedSources);
            var alerting = await _inputs.DecideAsync(chamber.Code, ChamberInputs.Alerts, alertInputs, ct);
            AlertRunResult alertResult;
            if (alerting.Run)
            {
                alertResult = await alerts.EvaluateAsync(chamber.Code, summary.RunId, ct);
                await _inputs.StoreAsync(chamber.Code, ChamberInputs.Alerts, alertInputs, ct);
            }
            else // skipped: no change, the alerts still open, nothing sent
                alertResult = new AlertRunResult(chamber.Code, 0, 0, 0, await new AlertQueries(dialect).OpenCountAsync(chamber.Code, ct), []);
            var alertsTime = watch.Elapsed - ingestTime - achievementTime;
            await _runs.FinishAsync(summary.RunId, summary.Status, summary.Counts, null, CancellationToken.None);
            return new ChamberRunSummary(chamber.Code, summary, periods, alertResult, new RunStageTimes(ingestTime, achievementTime, alertsTime),
                achievement.Reason, alerting.Reason);
        }
        catch (OperationCanceledException)
        {
            await _runs.SetStatusAsync(summary.RunId, "interrupted", $"cancelled during {stage}, after the files were loaded", CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await _runs.SetStatusAsync(summary.RunId, "failed", $"{stage}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}", CancellationToken.None);
            throw;
        }
    }
}
