using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Assembles one KPI from its row: texts, weight, baseline, targets and actuals, each value with its sheet!cell.
/// A value's period comes from its column header, else the row's year (long tables), else the sheet's title; a value
/// whose period cannot be found is left out with a warning naming its cell.
/// </summary>
public sealed class KpiRowReader(SheetGrid grid, SheetContext context, SheetColumns columns, WorkbookAccumulator into)
{
    public ExtractedKpi Read(int row, string name, string? objectiveId)
    {
        string? Text(ColumnRole role) =>
            columns[role] is { } spec && TextKey.Clean(CellValues.Display(grid[row, spec.Column])) is { Length: > 0 } t ? t : null;

        var rowPeriod = RowPeriod(row);
        var targets = Targets(row, rowPeriod, Text(ColumnRole.Operator));
        var unit = Text(ColumnRole.Unit) ?? targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null);
        return new ExtractedKpi
        {
            Id = into.NextKpiId(),
            Objective = objectiveId,
            Code = Text(ColumnRole.KpiCode),
            Name = name,
            KpiType = Text(ColumnRole.KpiType)?.ToLowerInvariant(),
            Algorithm = Text(ColumnRole.Algorithm),
            Unit = unit,
            SourceSystem = Text(ColumnRole.SourceSystem),
            Weight = Weight(row),
            Frequency = Text(ColumnRole.Frequency),
            Responsible = Text(ColumnRole.Responsible),
            Baseline = columns[ColumnRole.Baseline] is { } b && !grid[row, b.Column].IsEmpty
                ? new RawNumber(CellValues.Display(grid[row, b.Column]), CellValues.Number(grid[row, b.Column])?.Value)
                : null,
            Targets = targets,
            Actuals = Actuals(row, rowPeriod),
            ReportedAchievement = columns[ColumnRole.Achievement] is { } a ? CellValues.Number(grid[row, a.Column])?.Value : null,
            Source = Cell(row, columns.KpiColumn),
        };
    }

    /// <summary>The period in the row's "Anno"/"Periodo" cell (a number 2021, "2.021", "I semestre 2021"), or null.</summary>
    public Period? RowPeriod(int row) =>
        columns[ColumnRole.Year] is { } spec ? CellPeriod.From(grid[row, spec.Column], context.Year) : null;

    private decimal? Weight(int row)
    {
        if (columns[ColumnRole.Weight] is not { } spec || grid[row, spec.Column].IsEmpty) return null;
        var cell = grid[row, spec.Column];
        var weight = CellValues.Number(cell)?.Value;
        if (weight is null) Warn(row, spec.Column, $"weight '{CellValues.Display(cell)}' is not a number; left empty");
        return weight;
    }

    private List<ExtractedTarget> Targets(int row, Period? rowPeriod, string? operatorText)
    {
        var targets = new List<ExtractedTarget>();
        foreach (var spec in columns.Of(ColumnRole.Target))
        {
            var cell = grid[row, spec.Column];
            if (cell.IsEmpty || (grid.IsMergedCopy(row, spec.Column) && grid.Origin(row, spec.Column).Row < columns.FirstDataRow)) continue;
            var period = PeriodOf(spec, rowPeriod, isActual: false)?.Code;
            var parsed = TargetCellReader.Read(cell, operatorText, period);
            if (parsed.Count == 0 && !ActualText.IsNoValue(CellValues.Display(cell)))
                Warn(row, spec.Column, $"target '{CellValues.Display(cell)}' could not be read");
            foreach (var value in parsed)
            {
                var valuePeriod = value.Period ?? period;
                if (valuePeriod is null)
                {
                    Warn(row, spec.Column, $"target '{value.Raw}' has no year (none in the header, the row, the title or the sheet name)");
                    continue;
                }
                targets.Add(new ExtractedTarget(valuePeriod, value with { Period = valuePeriod }, Cell(row, spec.Column)));
            }
        }
        return targets;
    }

    private List<ExtractedActual> Actuals(int row, Period? rowPeriod)
    {
        var actuals = new List<ExtractedActual>();
        foreach (var spec in columns.Of(ColumnRole.Actual))
        {
            var cell = grid[row, spec.Column];
            var display = CellValues.Display(cell);
            if (cell.IsEmpty || ActualText.IsNoValue(display)) continue;
            if (PeriodOf(spec, rowPeriod, isActual: true)?.Code is not { } period)
            {
                Warn(row, spec.Column, $"value '{display}' has no period (none in the header '{spec.Header}', the row, the title or the sheet name)");
                continue;
            }
            actuals.Add(TargetCellReader.Actual(cell, period, Cell(row, spec.Column)));
        }
        return actuals;
    }

    /// <summary>The header's period; in a long table the row's year completes a header without one ("Valore al 30/06").</summary>
    private Period? PeriodOf(ColumnSpec spec, Period? rowPeriod, bool isActual)
    {
        if (rowPeriod is not null) return CellPeriod.FromText(spec.Header, rowPeriod.Year) ?? rowPeriod;
        if (spec.Period is not null) return spec.Period;
        return isActual ? context.ReportingPeriod ?? (context.Year is { } y ? Period.ForYear(y) : null)
                        : context.Year is { } year ? Period.ForYear(year) : null;
    }

    private SourceRef Cell(int row, int column) => SourceRef.ForCell(grid.Name, SheetGrid.CellName(row, column));

    private void Warn(int row, int column, string message) => into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(row, column)}: {message}");
}
