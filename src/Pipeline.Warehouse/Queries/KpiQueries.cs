using Dapper;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Queries;

/// <summary>One row of <c>v_kpi_period</c>: a KPI in one period with its current target and actual.</summary>
public sealed class KpiPeriodRow
{
    public string ChamberCode { get; init; } = "";
    public string? ObjectiveCode { get; init; }
    public string? Objective { get; init; }
    public long KpiId { get; init; }
    public string? KpiCode { get; init; }
    public string Kpi { get; init; } = "";
    public string? Unit { get; init; }
    public string Period { get; init; } = "";
    public int Year { get; init; }
    public string? TargetOperator { get; init; }
    public decimal? TargetValue { get; init; }
    public string? TargetText { get; init; }
    public decimal? ActualValue { get; init; }
    public string? ActualText { get; init; }

    /// <summary>
    /// For a row of a part of a year (2021-S1) with no target of its own: the row of the same KPI for the whole year,
    /// whose target is the one that applies (the plan sets yearly targets); else null.
    /// </summary>
    public KpiPeriodRow? YearTarget { get; set; }
}

public sealed class KpiQueries(SqlDialect dialect)
{
    /// <summary>KPIs of current documents with their targets and actuals, per period.</summary>
    public async Task<IReadOnlyList<KpiPeriodRow>> ListAsync(string? chamberCode, int? year, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<KpiPeriodRow>(new CommandDefinition(
            """
            SELECT chamber_code AS ChamberCode, objective_code AS ObjectiveCode, objective AS Objective, kpi_id AS KpiId,
                   kpi_code AS KpiCode, kpi AS Kpi, unit AS Unit, period AS Period, year AS Year,
                   target_operator AS TargetOperator, target_value AS TargetValue, target_text AS TargetText,
                   actual_value AS ActualValue, actual_text AS ActualText
            FROM v_kpi_period
            WHERE (@chamberCode IS NULL OR chamber_code = @chamberCode) AND (@year IS NULL OR year = @year)
            ORDER BY chamber_code, objective_code, kpi_id
            """, new { chamberCode, year }, cancellationToken: ct));
        // a KPI's periods in calendar order (2021-S1 before 2021), which text order does not give
        var ordered = rows.Select((row, index) => (row, index))
            .GroupBy(x => x.row.KpiId)
            .OrderBy(g => g.Min(x => x.index))
            .SelectMany(g => g.Select(x => x.row).OrderBy(r => r.Period, Period.CalendarOrder))
            .ToList();
        SetYearTargets(ordered);
        return ordered;
    }

    /// <summary>A part of a year without a target of its own takes the year's target of the same KPI, marked as the year's.</summary>
    private static void SetYearTargets(IReadOnlyList<KpiPeriodRow> rows)
    {
        var years = rows.Where(r => r.TargetText is not null).ToLookup(r => (r.KpiId, r.Period));
        foreach (var row in rows.Where(r => r.TargetText is null))
        {
            if (!Period.TryParse(row.Period, out var period) || period.Kind == PeriodKind.Year) continue;
            row.YearTarget = years[(row.KpiId, Period.ForYear(period.Year).Code)].FirstOrDefault();
        }
    }
}
