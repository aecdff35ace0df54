using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Core.Alerts;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Ingest;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Jobs.Runs;

/// <summary>What one chamber's run did: its ingest (files and facts), the achievement periods computed, its alerts.</summary>
public sealed record ChamberRunSummary(string Chamber, IngestSummary Ingest, int AchievementPeriods, AlertRunResult Alerts);

/// <summary>
/// <c>pipeline run</c>: one nightly run of a chamber — discover its sources, extract and load what is new (one
/// recorded <c>etl_run</c>, a bad file failing alone), compute the achievement of each year of its plans up to the
/// current one, and evaluate its alerts (one digest).
/// </summary>
public sealed class NightlyRun(SqlDialect dialect, IngestRunner ingest, AlertEvaluator alerts, Func<string, AchievementPolicy> policyOf, TimeProvider clock, AlertConfig alertConfig)
{
    public async Task<ChamberRunSummary> RunAsync(ChamberSource chamber, IIngestProgress? progress = null, CancellationToken ct = default)
    {
        var files = ChamberSources.Discover(chamber);
        var summary = await ingest.RunAsync(files, chamber.Code, progress, "run", ct);

        var today = AlertClock.LocalDate(clock.GetUtcNow(), alertConfig.Zone);
        IReadOnlyList<int> years;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            var plans = await connection.QueryAsync<(int From, int To)>(new CommandDefinition(
                "SELECT p.cycle_from, p.cycle_to FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id WHERE c.code = @Code",
                new { chamber.Code }, cancellationToken: ct));
            years = plans.SelectMany(p => Enumerable.Range(p.From, p.To - p.From + 1)).Where(y => y <= today.Year).Distinct().Order().ToList();
        }
        var periods = 0;
        var computer = new AchievementComputer(dialect, clock);
        foreach (var year in years)
            periods += (await computer.ComputeAsync(chamber.Code, year, policyOf(chamber.Code), ct)).Periods.Count;

        var alertResult = await alerts.EvaluateAsync(chamber.Code, summary.RunId, ct);
        return new ChamberRunSummary(chamber.Code, summary, periods, alertResult);
    }
}
