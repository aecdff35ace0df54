using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// (c) An Excel table (ListObject) with typed cells behind a cover sheet: one row per KPI and year, the year a number formatted
/// "#,##0" (it displays 2.021), an "Operatore" column beside a numeric "Valore target", weights and actuals as
/// numbers, deadlines as dates; half-year actuals under "Valore al 30/06" (the row's year completes the date).
/// </summary>
public sealed class TypedTableLayout : PlanWorkbookLayout
{
    public override string Name => "typed-table";

    public override IReadOnlyList<double> ColumnWidths => [14, 50, 50, 10, 8, 8, 10, 12, 12, 12];

    public override IReadOnlyList<RenderedSheet> Render(PlanContent plan)
    {
        var info = plan.Document.Document;
        var cover = new SheetBuilder("Copertina")
            .Cell(0, 0, info.Chamber ?? "Camera di Commercio", bold: true)
            .Cell(1, 0, plan.Title())
            .Cell(3, 0, "Estrazione dal sistema di gestione della performance");

        var halfYears = plan.ActualPeriods.Where(p => Period.TryParse(p, out var x) && x.Kind != PeriodKind.Year).ToList();
        var checkpoints = halfYears.Select(DayMonth).Distinct().ToList();
        var headers = new List<string> { "Codice obiettivo", "Obiettivo", "Indicatore", "Unità di misura", "Peso", "Anno", "Operatore", "Valore target" };
        headers.AddRange(checkpoints.Select(c => "Valore al " + c));
        headers.Add("Valore raggiunto");
        var table = new SheetBuilder("Indicatori").Header(0, headers);

        var row = 1;
        foreach (var (objective, kpis) in plan.Groups())
        {
            foreach (var kpi in kpis)
            {
                var years = kpi.Targets.Select(t => YearOf(t.Period)).Concat(kpi.Actuals.Select(a => YearOf(a.Period))).Distinct().Order().ToList();
                foreach (var year in years)
                {
                    table.KpiRow(kpi.Id, row).Cell(row, 0, objective?.Code).Cell(row, 1, objective?.Title).Cell(row, 2, kpi.Name).Cell(row, 3, kpi.Unit);
                    if (kpi.Weight is { } w) table.Cell(row, 4, (double)w);
                    table.Cell(row, 5, (double)year, CellValueWriter.YearFormat);
                    if (kpi.Targets.FirstOrDefault(t => t.Period == Year(year)) is { } target)
                    {
                        var (value, format) = CellValueWriter.TargetValue(target.Value);
                        table.Cell(row, 6, PlanContent.OperatorSymbol(target.Value.Operator)).Cell(row, 7, value, format);
                    }
                    foreach (var actual in kpi.Actuals.Where(a => YearOf(a.Period) == year))
                    {
                        var column = actual.Period == Year(year) ? headers.Count - 1 : 8 + checkpoints.IndexOf(DayMonth(actual.Period));
                        var (value, format) = CellValueWriter.Actual(actual);
                        table.Cell(row, column, value, format);
                    }
                    row++;
                }
            }
        }
        return [cover.Build(), table.AsTable("Indicatori").Build()];
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static int YearOf(string period) => Period.TryParse(period, out var p) ? p.Year : int.Parse(period[..4], CultureInfo.InvariantCulture);

    private static string DayMonth(string period) =>
        Period.TryParse(period, out var p) ? p.End.ToString("dd/MM", CultureInfo.InvariantCulture) : period;
}
