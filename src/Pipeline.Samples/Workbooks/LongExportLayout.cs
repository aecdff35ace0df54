using Pipeline.Core.Values;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// (e) A long export: one row per KPI and period (Anno | Obiettivo | Indicatore | Peso | Target | Consuntivo), the
/// objective as "code – title" on every row. The first column is headed "Periodo" when some period is not a year
/// (a half-year actual is written as its code, "2021-S1").
/// </summary>
public sealed class LongExportLayout : PlanWorkbookLayout
{
    public override string Name => "long-export";

    public override IReadOnlyList<double> ColumnWidths => [10, 50, 50, 8, 14, 14];

    public override IReadOnlyList<RenderedSheet> Render(PlanContent plan)
    {
        var onlyYears = plan.TargetPeriods.Concat(plan.ActualPeriods).All(p => Period.TryParse(p, out var x) && x.Kind == PeriodKind.Year);
        var sheet = new SheetBuilder("Export").Header(0, [onlyYears ? "Anno" : "Periodo", "Obiettivo", "Indicatore", "Peso", "Target", "Consuntivo"]);
        var row = 1;
        foreach (var (objective, kpis) in plan.Groups())
        {
            foreach (var kpi in kpis)
            {
                var periods = kpi.Targets.Select(t => t.Period).Concat(kpi.Actuals.Select(a => a.Period)).Distinct().Order(StringComparer.Ordinal).ToList();
                foreach (var period in periods)
                {
                    var (periodValue, periodFormat) = CellValueWriter.Period(period, WrittenCell.General);
                    sheet.KpiRow(kpi.Id, row).Cell(row, 0, periodValue, periodFormat).Cell(row, 1, PlanContent.Label(objective)).Cell(row, 2, kpi.Name);
                    if (kpi.Weight is { } w) sheet.Cell(row, 3, (double)w);
                    if (kpi.Targets.FirstOrDefault(t => t.Period == period) is { } target) sheet.Cell(row, 4, PlanContent.TargetText(target.Value));
                    if (kpi.Actuals.FirstOrDefault(a => a.Period == period) is { } actual)
                    {
                        var (value, format) = CellValueWriter.Actual(actual);
                        sheet.Cell(row, 5, value, format);
                    }
                    row++;
                }
            }
        }
        return [sheet.Build()];
    }
}
