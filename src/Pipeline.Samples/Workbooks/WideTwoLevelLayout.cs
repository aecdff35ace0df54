namespace Pipeline.Samples.Workbooks;

/// <summary>
/// (a) Wide: one row per KPI, a two-level header with "Target" merged over the year columns (2021 | 2022 | 2023, typed
/// as numbers) and "Consuntivo" over the actual periods, then a "Scostamento" column; the objective as "code – title" merged down over its KPIs.
/// </summary>
public sealed class WideTwoLevelLayout : PlanWorkbookLayout
{
    private const int HeaderRow = 2;

    public override string Name => "wide-two-level";

    public override IReadOnlyList<double> ColumnWidths => [40, 50, 30, 10, 8, 12, 12, 12, 12, 12];

    public override IReadOnlyList<RenderedSheet> Render(PlanContent plan)
    {
        var sheet = new SheetBuilder("Obiettivi e indicatori");
        string[] fixedHeaders = ["Obiettivo", "Indicatore", "Algoritmo", "Unità di misura", "Peso"];
        var targets = plan.TargetPeriods;
        var actuals = plan.ActualPeriods;
        var width = fixedHeaders.Length + targets.Count + actuals.Count + 1;

        sheet.Cell(0, 0, plan.Title(), bold: true).Merge(0, 0, 0, width - 1);
        var headers = fixedHeaders.Concat(targets.Select(_ => "Target")).Concat(actuals.Select(_ => "Consuntivo")).Append("Scostamento").ToList();
        sheet.Header(HeaderRow, headers);
        for (var c = 0; c < fixedHeaders.Length; c++) sheet.Merge(HeaderRow, c, HeaderRow + 1, c);
        var firstTarget = fixedHeaders.Length;
        var firstActual = firstTarget + targets.Count;
        if (targets.Count > 0) sheet.Merge(HeaderRow, firstTarget, HeaderRow, firstActual - 1);
        if (actuals.Count > 0) sheet.Merge(HeaderRow, firstActual, HeaderRow, width - 2);
        sheet.Merge(HeaderRow, width - 1, HeaderRow + 1, width - 1);
        for (var i = 0; i < targets.Count; i++)
        {
            var (value, _) = CellValueWriter.Period(targets[i], WrittenCell.General);
            sheet.Cell(HeaderRow + 1, firstTarget + i, value, bold: true);
        }
        for (var i = 0; i < actuals.Count; i++) sheet.Cell(HeaderRow + 1, firstActual + i, PlanContent.PeriodLabel(actuals[i]), bold: true);

        var row = HeaderRow + 2;
        foreach (var (objective, kpis) in plan.Groups())
        {
            sheet.Cell(row, 0, PlanContent.Label(objective)).Merge(row, 0, row + kpis.Count - 1, 0);
            foreach (var kpi in kpis)
            {
                sheet.KpiRow(kpi.Id, row).Cell(row, 1, kpi.Name).Cell(row, 2, kpi.Algorithm).Cell(row, 3, kpi.Unit);
                if (kpi.Weight is { } w) sheet.Cell(row, 4, (double)w);
                foreach (var target in kpi.Targets)
                    sheet.Cell(row, firstTarget + IndexOf(targets, target.Period), PlanContent.TargetText(target.Value));
                foreach (var actual in kpi.Actuals)
                {
                    var (value, format) = CellValueWriter.Actual(actual);
                    sheet.Cell(row, firstActual + IndexOf(actuals, actual.Period), value, format);
                }
                if (Deviation(kpi) is { } deviation) sheet.Cell(row, width - 1, (double)deviation);
                row++;
            }
        }
        return [sheet.Build()];
    }

    /// <summary>Actual minus target for the first period that has both as numbers, as such sheets print it.</summary>
    private static decimal? Deviation(Pipeline.Core.Extraction.ExtractedKpi kpi) =>
        kpi.Targets.Where(t => t.Value.Number is not null)
            .Select(t => kpi.Actuals.FirstOrDefault(a => a.Period == t.Period && a.Value is not null) is { } a ? a.Value - t.Value.Number : null)
            .FirstOrDefault(d => d is not null);

    private static int IndexOf(IReadOnlyList<string> periods, string period)
    {
        for (var i = 0; i < periods.Count; i++) if (periods[i] == period) return i;
        throw new ArgumentException($"period {period} has no column");
    }
}
