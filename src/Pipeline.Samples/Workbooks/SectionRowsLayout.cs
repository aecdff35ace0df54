using Pipeline.Core.Extraction;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// (b) Objectives as section rows: "OBIETTIVO STRATEGICO OS.01 – title" merged across the table (areas, strategic
/// objectives, programmes) or written in the first cell only (operational objectives, actions), each followed by
/// the rows of its KPIs. Per-year columns "Valore target 2021", actuals "Risultato conseguito 2021" / "Valore al 30/06/2021".
/// </summary>
public sealed class SectionRowsLayout : PlanWorkbookLayout
{
    private const int HeaderRow = 2;
    private static readonly string[] MergedLevels = ["area", "strategic", "programme"];

    public override string Name => "section-rows";

    public override IReadOnlyList<double> ColumnWidths => [60, 30, 10, 8, 14, 14, 14, 14, 14];

    public override IReadOnlyList<RenderedSheet> Render(PlanContent plan)
    {
        var sheet = new SheetBuilder("Piano");
        var targets = plan.TargetPeriods;
        var actuals = plan.ActualPeriods;
        var headers = new List<string> { "Indicatore", "Formula", "Unità di misura", "Peso" };
        headers.AddRange(targets.Select(p => "Valore target " + PlanContent.PeriodLabel(p)));
        headers.AddRange(actuals.Select(ActualHeader));
        var width = headers.Count;
        sheet.Cell(0, 0, plan.Title(), bold: true).Merge(0, 0, 0, width - 1);
        sheet.Header(HeaderRow, headers);

        var row = HeaderRow + 1;
        foreach (var kpi in plan.KpisOf(null)) WriteKpi(sheet, row++, kpi, targets, actuals);
        foreach (var objective in plan.TreeOrder())
        {
            sheet.Cell(row, 0, PlanContent.LevelWords(objective.Level) + " " + PlanContent.Label(objective), bold: true);
            if (MergedLevels.Contains(objective.Level)) sheet.Merge(row, 0, row, width - 1);
            row++;
            foreach (var kpi in plan.KpisOf(objective.Id)) WriteKpi(sheet, row++, kpi, targets, actuals);
        }
        return [sheet.Build()];
    }

    private static string ActualHeader(string period) =>
        !Core.Values.Period.TryParse(period, out var p) ? "Risultato conseguito " + period
        : p.Kind == Core.Values.PeriodKind.Year ? "Risultato conseguito " + PlanContent.PeriodLabel(period)
        : "Valore al " + p.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteKpi(SheetBuilder sheet, int row, ExtractedKpi kpi, IReadOnlyList<string> targets, IReadOnlyList<string> actuals)
    {
        sheet.KpiRow(kpi.Id, row).Cell(row, 0, kpi.Name).Cell(row, 1, kpi.Algorithm).Cell(row, 2, kpi.Unit);
        if (kpi.Weight is { } w) sheet.Cell(row, 3, (double)w);
        var firstTarget = 4;
        var firstActual = firstTarget + targets.Count;
        foreach (var target in kpi.Targets)
            sheet.Cell(row, firstTarget + Index(targets, target.Period), PlanContent.TargetText(target.Value));
        foreach (var actual in kpi.Actuals)
        {
            var (value, format) = CellValueWriter.Actual(actual);
            sheet.Cell(row, firstActual + Index(actuals, actual.Period), value, format);
        }
    }

    private static int Index(IReadOnlyList<string> periods, string period) => periods.ToList().IndexOf(period);
}
