namespace Pipeline.Extraction.Excel;

/// <summary>
/// The columns of one sheet's table: the roles its header row names and, when the row under it holds periods under
/// a merged "Target" / "Consuntivo" heading (2021 | 2022 | 2023), the period of each of those columns.
/// </summary>
public sealed class SheetColumns
{
    private static readonly ColumnRole[] PeriodRoles = [ColumnRole.Target, ColumnRole.Actual, ColumnRole.Baseline];
    private readonly Dictionary<ColumnRole, ColumnSpec> _single;

    private SheetColumns(IReadOnlyList<ColumnSpec> all, int headerRow, int firstDataRow)
    {
        All = all;
        HeaderRow = headerRow;
        FirstDataRow = firstDataRow;
        _single = all.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<ColumnSpec> All { get; }
    public int HeaderRow { get; }

    /// <summary>The first row under the header (and its period row, when there is one).</summary>
    public int FirstDataRow { get; }

    public int KpiColumn => _single[ColumnRole.Kpi].Column;

    /// <summary>The first column of a role, or null.</summary>
    public ColumnSpec? this[ColumnRole role] => _single.GetValueOrDefault(role);

    public IEnumerable<ColumnSpec> Of(ColumnRole role) => All.Where(c => c.Role == role);

    /// <summary>Columns whose cells are a KPI's values (a row with one of them filled is a KPI row).</summary>
    public IEnumerable<ColumnSpec> ValueColumns =>
        All.Where(c => c.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Weight or ColumnRole.Baseline or ColumnRole.Achievement);

    /// <summary>Columns naming the objective a row belongs to.</summary>
    public IEnumerable<ColumnSpec> ObjectiveColumns =>
        All.Where(c => c.Role is ColumnRole.Area or ColumnRole.Strategic or ColumnRole.ObjectiveCode or ColumnRole.Objective);

    public static SheetColumns Read(SheetGrid grid, int headerRow, SheetContext context, HeaderMatcher matcher)
    {
        var columns = matcher.MatchRow(grid, headerRow, context.Year).ToList();
        var kpi = columns.First(c => c.Role == ColumnRole.Kpi).Column;
        var next = headerRow + 1;
        if (next >= grid.Height || grid.HasOwnValue(next, kpi)) return new SheetColumns(columns, headerRow, next);

        var changed = false;
        for (var i = 0; i < columns.Count; i++)
        {
            var spec = columns[i];
            if (!PeriodRoles.Contains(spec.Role) || !grid.HasOwnValue(next, spec.Column)) continue;
            if (CellPeriod.From(grid[next, spec.Column], context.Year) is { } period)
            {
                columns[i] = spec with { Period = period, Header = $"{spec.Header} {CellPeriod.HeaderText(grid[next, spec.Column])}" };
                changed = true;
            }
        }
        // A second header row that only continues the first (cells merged down from it) is part of the header too.
        var continuation = !changed && !grid.IsBlankRow(next) &&
                           grid.Columns(next).All(c => grid[next, c].IsEmpty || grid.Origin(next, c).Row == headerRow);
        return new SheetColumns(columns, headerRow, changed || continuation ? next + 1 : next);
    }
}
