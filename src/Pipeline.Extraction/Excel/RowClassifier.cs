using Pipeline.Core.Text;

namespace Pipeline.Extraction.Excel;

/// <summary>What a row under a table's header is.</summary>
public enum RowKind
{
    Blank,
    /// <summary>"Legenda", "Nota:" …: the table ends.</summary>
    Legend,
    /// <summary>A row of units under the header ("%", "valore", "n."), as legacy sheets have.</summary>
    Units,
    /// <summary>An objective heading: a full-width merged row, a row with only its first cell filled, or level words.</summary>
    Section,
    /// <summary>A KPI row, or a row that (re)names the objective in the objective columns.</summary>
    Data,
    /// <summary>Text the reader cannot place; it is reported, not dropped silently.</summary>
    Unplaceable,
}

/// <summary>Tells KPI rows from section, units, legend and unplaceable rows, using merges to tell own values from copies.</summary>
public sealed class RowClassifier(HeaderMatcher matcher, SheetColumns columns)
{
    private const int MaxUnitLength = 24;

    public RowKind Classify(SheetGrid grid, int row)
    {
        if (grid.IsBlankRow(row)) return RowKind.Blank;
        var own = grid.Columns(row).Where(c => grid.HasOwnValue(row, c)).ToList();
        if (own.Count == 0) return RowKind.Blank; // only copies of merged cells above
        var first = CellValues.Display(grid[row, own[0]]);
        if (matcher.IsLegend(first)) return RowKind.Legend;
        if (row == columns.FirstDataRow && IsUnitsRow(grid, row, own)) return RowKind.Units;

        if (columns.ValueColumns.Any(c => grid.HasOwnValue(row, c.Column))) return RowKind.Data;
        var kpiOwn = grid.HasOwnValue(row, columns.KpiColumn);
        var objectiveOwn = columns.ObjectiveColumns.Any(c => grid.HasOwnValue(row, c.Column));
        if (objectiveOwn && !kpiOwn) return RowKind.Data;
        if (ObjectiveLabel.Parse(first).HasLevelWords) return RowKind.Section;
        if (own.Count == 1 && (own[0] <= columns.All.Min(c => c.Column) || IsMergedAcross(grid, row, own[0]))) return RowKind.Section;
        return kpiOwn ? RowKind.Data : RowKind.Unplaceable;
    }

    // A title merged over the next columns (a full-width section row).
    private static bool IsMergedAcross(SheetGrid grid, int row, int column) =>
        column + 1 < grid.Width && grid.IsMergedCopy(row, column + 1) && grid.Origin(row, column + 1) == (row, column);

    /// <summary>No numbers or dates, no indicator name, only short texts without digits ("%", "valore", "n.").</summary>
    private bool IsUnitsRow(SheetGrid grid, int row, List<int> own) =>
        !grid.HasOwnValue(row, columns.KpiColumn) &&
        !columns.ObjectiveColumns.Any(c => grid.HasOwnValue(row, c.Column)) &&
        own.All(c => grid[row, c].Value is string s && s.Trim().Length <= MaxUnitLength && !s.Any(char.IsDigit)) &&
        own.Any(c => TextKey.Normalize(CellValues.Display(grid[row, c])).Length <= MaxUnitLength);
}
