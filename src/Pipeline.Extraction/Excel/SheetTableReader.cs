using Pipeline.Core.Extraction;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Reads the KPI table of one sheet into objectives and KPIs, by stage: the columns (<see cref="SheetColumns"/>),
/// what each row is (<see cref="RowClassifier"/>), the objective it belongs to (<see cref="ObjectiveResolver"/>) and
/// its values (<see cref="KpiRowReader"/>). Blank and units rows are skipped, the table ends at a legend, a row that
/// cannot be placed is reported with its sheet!row. In a long table (a "Anno"/"Periodo" column, one row per KPI and
/// year) the rows of one KPI are one KPI; a row repeating a period the KPI already has starts a new KPI of the same name.
/// </summary>
public sealed class SheetTableReader(HeaderMatcher matcher)
{
    /// <summary>Objectives and KPIs of this sheet, appended to the workbook-wide lists (ids stay unique).</summary>
    public void Read(SheetGrid grid, int headerRow, SheetContext context, WorkbookAccumulator into)
    {
        var columns = SheetColumns.Read(grid, headerRow, context, matcher);
        var rows = new RowClassifier(matcher, columns);
        var objectives = new ObjectiveResolver(grid, context, columns, into);
        var kpis = new KpiRowReader(grid, context, columns, into);
        var longTable = columns[ColumnRole.Year] is not null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var r = columns.FirstDataRow; r < grid.Height; r++)
        {
            var kind = rows.Classify(grid, r);
            if (kind == RowKind.Legend)
            {
                WarnRowsAfterLegend(grid, r, columns, into);
                break;
            }
            switch (kind)
            {
                case RowKind.Blank or RowKind.Units:
                    continue;
                case RowKind.Section:
                    objectives.Section(r, FirstOwnColumn(grid, r));
                    continue;
                case RowKind.Unplaceable:
                    into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(r, FirstOwnColumn(grid, r))}: row {r + 1} could not be placed " +
                                      $"(no indicator name and no values: '{Excerpt(grid, r)}'); skipped");
                    continue;
            }

            objectives.Carry(r);
            var name = grid.HasOwnValue(r, columns.KpiColumn) || !IsCopyFromOtherColumn(grid, r, columns.KpiColumn)
                ? TextKey.Clean(CellValues.Display(grid[r, columns.KpiColumn]))
                : "";
            var hasValues = columns.ValueColumns.Any(c => !grid[r, c.Column].IsEmpty);
            if (name.Length == 0 && !hasValues) continue; // a row naming the objective in the objective columns

            var objectiveId = objectives.For(r);
            var kpi = kpis.Read(r, name, objectiveId);
            var key = $"{objectiveId}|{kpi.Code ?? TextKey.Normalize(name)}";
            if (longTable && name.Length > 0 && seen.TryGetValue(key, out var index) && !Collides(into.Kpis[index], kpi))
                into.Kpis[index] = Merge(into.Kpis[index], kpi);
            else
            {
                seen[key] = into.Kpis.Count;
                into.Kpis.Add(kpi);
            }
        }
    }

    /// <summary>True when a row repeats a period the KPI already has: a second KPI of the same name, not the same KPI's next year.</summary>
    private static bool Collides(ExtractedKpi first, ExtractedKpi next) =>
        next.Targets.Any(t => first.Targets.Any(f => f.Period == t.Period)) ||
        next.Actuals.Any(a => first.Actuals.Any(f => f.Period == a.Period));

    /// <summary>A long table's later row of the same KPI: its targets and actuals join the first row's; empty fields are filled.</summary>
    private static ExtractedKpi Merge(ExtractedKpi first, ExtractedKpi next) => first with
    {
        Targets = [.. first.Targets, .. next.Targets],
        Actuals = [.. first.Actuals, .. next.Actuals],
        Weight = first.Weight ?? next.Weight,
        Unit = first.Unit ?? next.Unit,
        Algorithm = first.Algorithm ?? next.Algorithm,
        Baseline = first.Baseline ?? next.Baseline,
    };

    /// <summary>The table ends at a legend; rows with values below it are not read, and that is said.</summary>
    private static void WarnRowsAfterLegend(SheetGrid grid, int legendRow, SheetColumns columns, WorkbookAccumulator into)
    {
        var ignored = Enumerable.Range(legendRow + 1, Math.Max(0, grid.Height - legendRow - 1))
            .Where(r => !grid.IsBlankRow(r) && columns.ValueColumns.Append(columns[ColumnRole.Kpi]!).Any(c => c.Column > 0 && grid.HasOwnValue(r, c.Column)))
            .ToList();
        if (ignored.Count > 0)
            into.Warnings.Add($"{grid.Name}!A{legendRow + 1}: the table ends at the legend; {ignored.Count} row(s) below it with values not read (first: row {ignored[0] + 1})");
    }

    // The KPI cell merged from another column (an objective title spanning the row) names no KPI.
    private static bool IsCopyFromOtherColumn(SheetGrid grid, int row, int column) =>
        grid.IsMergedCopy(row, column) && grid.Origin(row, column).Column != column;

    private static int FirstOwnColumn(SheetGrid grid, int row)
    {
        foreach (var c in grid.Columns(row)) if (grid.HasOwnValue(row, c)) return c;
        return 0;
    }

    private static string Excerpt(SheetGrid grid, int row)
    {
        var text = string.Join(" | ", grid.Columns(row).Where(c => grid.HasOwnValue(row, c)).Select(c => CellValues.Display(grid[row, c])));
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
