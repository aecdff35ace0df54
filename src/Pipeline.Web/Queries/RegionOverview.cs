using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Core.Access;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Web.Queries;

/// <summary>
/// One chamber on the Regione page: its current plan (the latest cycle loaded), the latest period with a computed
/// achievement (the whole year when computed) and its figure, how many of that period's objectives the documents
/// print a figure for and how many of those differ from the computed one, open alerts, the last run.
/// </summary>
public sealed record ChamberOverview(
    string Code, string Name, int PlanFrom, int PlanTo, string? Period, decimal? Achievement, int Kpis, int KpisMeasured,
    int ObjectivesReported, int ObjectivesDiffering, int OpenAlerts, EtlRunRow? LastRun);

/// <summary>The Regione page and <c>/api/regione</c>: every chamber of the user's scope with a plan in the warehouse.</summary>
public sealed class RegionOverview(SqlDialect dialect)
{
    public async Task<IReadOnlyList<ChamberOverview>> ListAsync(ChamberScope scope, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var plans = (await connection.QueryAsync<(string Code, string Name, int From, int To)>(new CommandDefinition(
            """
            SELECT c.code, c.name, p.cycle_from, p.cycle_to FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            ORDER BY c.code, p.cycle_from DESC, p.cycle_to DESC
            """, cancellationToken: ct)))
            .Where(p => scope.Allows(p.Code)).GroupBy(p => p.Code).Select(g => g.First()).ToList();
        var figures = (await connection.QueryAsync<(string Code, string Period, int Year, double? Achievement, int Kpis, int KpisMeasured)>(new CommandDefinition(
            """
            SELECT c.code, pe.code, pe.year, f.achievement, f.kpis, f.kpis_measured
            FROM fact_chamber_achievement f
            JOIN dim_plan p ON p.plan_id = f.plan_id JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            JOIN dim_period pe ON pe.period_id = f.period_id
            WHERE f.basis = 'computed'
            """, cancellationToken: ct))).Where(f => scope.Allows(f.Code)).ToLookup(f => f.Code);
        var alerts = new AlertQueries(dialect);
        var runs = new EtlRunStore(dialect);
        var result = new List<ChamberOverview>();
        foreach (var plan in plans)
        {
            // the latest period: the latest year, and in it the whole year before any part of it
            var latest = figures[plan.Code].OrderByDescending(f => f.Year)
                .ThenBy(f => Period.TryParse(f.Period, out var p) && p.Kind == PeriodKind.Year ? 0 : 1)
                .ThenByDescending(f => f.Period, StringComparer.Ordinal).FirstOrDefault();
            var (reported, differing) = latest.Period is null ? (0, 0) : await DifferencesAsync(connection, plan.Code, latest.Period, ct);
            result.Add(new ChamberOverview(plan.Code, plan.Name, plan.From, plan.To, latest.Period,
                latest.Achievement is { } a ? Math.Round((decimal)a, 4) : null, latest.Kpis, latest.KpisMeasured, reported, differing,
                await alerts.OpenCountAsync(plan.Code, ct), (await runs.RecentAsync(1, chamber: plan.Code, ct: ct)).FirstOrDefault()));
        }
        return result;
    }

    private static async Task<(int Reported, int Differing)> DifferencesAsync(System.Data.Common.DbConnection connection, string code, string period, CancellationToken ct)
    {
        var pairs = (await connection.QueryAsync<(double? Computed, double Reported)>(new CommandDefinition(
            """
            SELECT achievement, reported_achievement FROM v_objective_achievement
            WHERE chamber_code = @code AND period = @period AND reported_achievement IS NOT NULL
            """, new { code, period }, cancellationToken: ct))).ToList();
        return (pairs.Count, pairs.Count(p => ReportedFigure.Differs(p.Computed is { } c ? (decimal)c : null, (decimal)p.Reported)));
    }
}
