using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Core.Access;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Web.Queries;

/// <summary>An objective of the tree with its computed achievement and, where a document prints one, the reported figure.</summary>
public sealed record TreeObjective(long ObjectiveId, long? ParentId, string Level, string? Code, string Title, decimal? Achievement, decimal? Reported, int Kpis, int KpisMeasured, string? Rule)
{
    public bool Differs => ReportedFigure.Differs(Achievement, Reported);
}

/// <summary>A KPI under its objective: target and actual as printed, computed and reported achievement, status.</summary>
public sealed record TreeKpi(long KpiId, long? ObjectiveId, string? Code, string Name, string? Target, string? Actual, decimal? Achievement, decimal? Reported, string Status, string? Rule)
{
    public bool Differs => ReportedFigure.Differs(Achievement, Reported);
}

/// <summary>The Camera / anno page: a chamber's objective tree for one period, as the last computation stored it.</summary>
public sealed record ChamberYearView(
    string Code, string Name, int PlanFrom, int PlanTo, string Period, IReadOnlyList<string> Periods, decimal? Achievement, int Kpis, int KpisMeasured,
    string? Policy, IReadOnlyList<TreeObjective> Objectives, IReadOnlyList<TreeKpi> KpiRows)
{
    public IEnumerable<TreeObjective> Roots => Objectives.Where(o => o.ParentId is null || Objectives.All(p => p.ObjectiveId != o.ParentId));
    public IEnumerable<TreeObjective> ChildrenOf(TreeObjective parent) => Objectives.Where(o => o.ParentId == parent.ObjectiveId);
    public IEnumerable<TreeKpi> KpisOf(TreeObjective objective) => KpiRows.Where(k => k.ObjectiveId == objective.ObjectiveId);
}

/// <summary>Reads the stored achievement (v_objective_achievement, v_kpi_achievement, fact_chamber_achievement) of a chamber in scope; computes nothing.</summary>
public sealed class ChamberYear(SqlDialect dialect)
{
    /// <summary>The tree of <paramref name="period"/> (default: the latest period computed, the whole year first); null when nothing is computed.</summary>
    /// <exception cref="OutOfScopeException">The chamber is outside <paramref name="scope"/>.</exception>
    public async Task<ChamberYearView?> LoadAsync(ChamberScope scope, string code, string? period, CancellationToken ct = default)
    {
        scope.Require(code);
        await using var connection = await dialect.OpenAsync(ct);
        var figures = (await connection.QueryAsync<(string Period, int Year, int PlanFrom, int PlanTo, string Name, double? Achievement, int Kpis, int KpisMeasured, string Policy)>(new CommandDefinition(
            """
            SELECT pe.code, pe.year, p.cycle_from, p.cycle_to, c.name, f.achievement, f.kpis, f.kpis_measured, f.policy
            FROM fact_chamber_achievement f
            JOIN dim_plan p ON p.plan_id = f.plan_id JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            JOIN dim_period pe ON pe.period_id = f.period_id
            WHERE f.basis = 'computed' AND c.code = @code
            """, new { code }, cancellationToken: ct)))
            .OrderByDescending(f => f.Year).ThenBy(f => Period.TryParse(f.Period, out var p) && p.Kind == PeriodKind.Year ? 0 : 1).ThenBy(f => f.Period, StringComparer.Ordinal)
            .ToList();
        var chosen = figures.FirstOrDefault(f => period is null || f.Period == period);
        if (chosen.Period is null) return null;
        var objectives = (await connection.QueryAsync<ObjectiveRow>(new CommandDefinition(
            """
            SELECT v.objective_id AS ObjectiveId, o.parent_objective_id AS ParentId, v.objective_level AS Level, v.objective_code AS Code,
                   v.objective AS Title, v.achievement AS Achievement, v.reported_achievement AS Reported, v.kpis AS Kpis,
                   v.kpis_measured AS KpisMeasured, v.rule AS Rule
            FROM v_objective_achievement v JOIN dim_objective o ON o.objective_id = v.objective_id
            WHERE v.chamber_code = @code AND v.period = @period AND v.plan_from = @PlanFrom
            ORDER BY v.objective_id
            """, new { code, period = chosen.Period, chosen.PlanFrom }, cancellationToken: ct)))
            .Select(r => new TreeObjective(r.ObjectiveId, r.ParentId, r.Level, r.Code, r.Title, Round(r.Achievement), Round(r.Reported), r.Kpis ?? 0, r.KpisMeasured ?? 0, r.Rule))
            .ToList();
        var kpis = (await connection.QueryAsync<KpiRow>(new CommandDefinition(
            """
            SELECT v.kpi_id AS KpiId, k.objective_id AS ObjectiveId, v.kpi_code AS Code, v.kpi AS Name, v.target AS Target, v.actual AS Actual,
                   v.achievement AS Achievement, v.reported_achievement AS Reported, v.status AS Status, v.rule AS Rule
            FROM v_kpi_achievement v JOIN dim_kpi k ON k.kpi_id = v.kpi_id
            WHERE v.chamber_code = @code AND v.period = @period AND v.plan_from = @PlanFrom
            ORDER BY v.kpi_id
            """, new { code, period = chosen.Period, chosen.PlanFrom }, cancellationToken: ct)))
            .Select(r => new TreeKpi(r.KpiId, r.ObjectiveId, r.Code, r.Name, r.Target, r.Actual, Round(r.Achievement), Round(r.Reported), r.Status, r.Rule))
            .ToList();
        return new ChamberYearView(code, chosen.Name, chosen.PlanFrom, chosen.PlanTo, chosen.Period, figures.Select(f => f.Period).Distinct().ToList(),
            Round(chosen.Achievement), chosen.Kpis, chosen.KpisMeasured, chosen.Policy, objectives, kpis);
    }

    private static decimal? Round(double? value) => value is { } v ? Math.Round((decimal)v, 4) : null;

    private sealed class ObjectiveRow
    {
        public long ObjectiveId { get; init; }
        public long? ParentId { get; init; }
        public string Level { get; init; } = "";
        public string? Code { get; init; }
        public string Title { get; init; } = "";
        public double? Achievement { get; init; }
        public double? Reported { get; init; }
        public int? Kpis { get; init; }
        public int? KpisMeasured { get; init; }
        public string? Rule { get; init; }
    }

    private sealed class KpiRow
    {
        public long KpiId { get; init; }
        public long? ObjectiveId { get; init; }
        public string? Code { get; init; }
        public string Name { get; init; } = "";
        public string? Target { get; init; }
        public string? Actual { get; init; }
        public double? Achievement { get; init; }
        public double? Reported { get; init; }
        public string Status { get; init; } = "";
        public string? Rule { get; init; }
    }
}
