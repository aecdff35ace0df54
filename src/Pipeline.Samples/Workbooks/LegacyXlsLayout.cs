namespace Pipeline.Samples.Workbooks;

/// <summary>
/// (d) A legacy .xls: a title block (chamber, document, "Data di aggiornamento: 26/05/2022"), the header on row 7
/// with per-year "Anno 2021" target columns and "Consuntivo 2021" actual columns, a units row under the header,
/// objective code and title written on the first KPI row only, numbers stored as Italian text.
/// </summary>
public sealed class LegacyXlsLayout : PlanWorkbookLayout
{
    private const int HeaderRow = 6;

    public override string Name => "legacy-xls";

    public override WorkbookFormat Format => WorkbookFormat.Xls;

    public override IReadOnlyList<double> ColumnWidths => [12, 40, 50, 10, 30, 8, 14, 14, 14, 14, 14];

    public override IReadOnlyList<RenderedSheet> Render(PlanContent plan)
    {
        var sheet = new SheetBuilder("Monitoraggio");
        var targets = plan.TargetPeriods;
        var actuals = plan.ActualPeriods;
        var headers = new List<string> { "Codice", "Obiettivo operativo", "Indicatore", "Unità di misura", "Modalità di calcolo", "Peso" };
        headers.AddRange(targets.Select(p => "Anno " + PlanContent.PeriodLabel(p)));
        headers.AddRange(actuals.Select(p => "Consuntivo " + PlanContent.PeriodLabel(p)));
        sheet.Cell(0, 0, (plan.Document.Document.Chamber ?? "Camera di Commercio").ToUpperInvariant(), bold: true)
            .Cell(1, 0, plan.Title())
            .Cell(2, 0, "Data di aggiornamento: 26/05/2022");
        sheet.Header(HeaderRow, headers);
        sheet.Cell(HeaderRow + 1, 5, "%");
        for (var c = 6; c < headers.Count; c++) sheet.Cell(HeaderRow + 1, c, "valore");

        var row = HeaderRow + 2;
        var firstTarget = 6;
        var firstActual = firstTarget + targets.Count;
        foreach (var (objective, kpis) in plan.Groups())
        {
            sheet.Cell(row, 0, objective?.Code).Cell(row, 1, objective?.Title);
            foreach (var kpi in kpis)
            {
                sheet.KpiRow(kpi.Id, row).Cell(row, 2, kpi.Name).Cell(row, 3, kpi.Unit).Cell(row, 4, kpi.Algorithm);
                if (kpi.Weight is { } w) sheet.Cell(row, 5, PlanContent.Italian(w));
                foreach (var target in kpi.Targets)
                    sheet.Cell(row, firstTarget + targets.ToList().IndexOf(target.Period), PlanContent.TargetText(target.Value));
                foreach (var actual in kpi.Actuals)
                    sheet.Cell(row, firstActual + actuals.ToList().IndexOf(actual.Period), PlanContent.ActualText(actual));
                row++;
            }
        }
        return [sheet.Build()];
    }
}
