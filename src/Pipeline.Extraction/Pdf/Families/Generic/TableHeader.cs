using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>A column of a KPI table: its role (null for a column the reader keeps out of every field), header text, period and extent.</summary>
public sealed record HeaderColumn(ColumnRole? Role, string Text, Period? Period, double X0, double X1);

/// <summary>
/// The header row of a KPI table, recognised cell by cell with the header vocabulary shared with workbooks
/// (<see cref="HeaderMatcher"/>, <c>config/workbook-headers.json</c>): any column order, unknown columns kept as
/// columns without a role, a year alone ("2021", "Anno 2021") a target of that year, and two-level headers ("Target"
/// over "2021 | 2022 | 2023", in one row of cells or in the row below).
/// </summary>
public sealed class TableHeader
{
    private static readonly ColumnRole[] ValueRoles = [ColumnRole.Target, ColumnRole.Actual, ColumnRole.Weight, ColumnRole.Baseline];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkbookHeaderConfig, HashSet<string>> IndicatorWords = new();

    private TableHeader(LayoutRow row, List<HeaderColumn> columns)
    {
        Row = row;
        _columns = columns.OrderBy(c => c.X0).ToList();
    }

    public LayoutRow Row { get; }
    public IReadOnlyList<HeaderColumn> Columns => _columns;
    public int Index(ColumnRole role) => _columns.FindIndex(c => c.Role == role);

    private List<HeaderColumn> _columns;

    /// <summary>The header a row is, or null: it must name an indicator column and a target, actual, weight or baseline column.</summary>
    public static TableHeader? Match(LayoutRow row, HeaderMatcher matcher, WorkbookHeaderConfig config, int? year)
    {
        // most rows name no indicator column at all: one look at their words settles it
        var indicatorWords = IndicatorWords.GetValue(config, c => c.Synonyms.Where(s => s.Role == ColumnRole.Kpi).Select(s => s.Synonym.Split(' ')[0]).ToHashSet(StringComparer.Ordinal));
        if (!row.Words.Any(w => w.Text.Length >= 3 && char.IsLetter(w.Text[0])
                                && TextKey.Normalize(w.Text).Split(' ').Any(indicatorWords.Contains))) return null;
        var columns = new List<HeaderColumn>();
        foreach (var cell in row.Cells)
        {
            if (HeadingSplitter.Split(cell, config) is { Count: > 1 } headings)
            {
                foreach (var heading in headings)
                {
                    var role = Role(matcher, heading.Text, year);
                    columns.Add(Column(role?.Role, heading.Text, role?.Period, heading.Box));
                }
                continue;
            }
            var below = row.Cells.Where(d => d != cell && d.Box.Y0 >= cell.Box.Y1 - 1 && d.Box.HorizontalOverlap(cell.Box) > 0).ToList();
            var text = LayoutRow.CellText(cell);
            if (row.Cells.Any(d => d != cell && cell.Box.Y0 >= d.Box.Y1 - 1 && d.Box.HorizontalOverlap(cell.Box) > 0)) continue; // under a group label
            if (below.Count > 0)
            {
                var group = Role(matcher, text, year) ?? (ColumnRole.Target, null);
                columns.AddRange(below.Select(d => Column(group.Role, text + " " + LayoutRow.CellText(d), PeriodOf(group.Role, LayoutRow.CellText(d), year), d.Box)));
                continue;
            }
            var match = Role(matcher, text, year);
            columns.Add(Column(match?.Role, text, match?.Period, cell.Box));
        }
        var roles = columns.Where(c => c.Role is not null).Select(c => c.Role!.Value).ToHashSet();
        return roles.Contains(ColumnRole.Kpi) && roles.Overlaps(ValueRoles) && columns.Count(c => c.Role is not null) >= 2
            ? new TableHeader(row, columns)
            : null;
    }

    /// <summary>
    /// A row right under the header whose cells are only periods, each under a column with a role ("2021 | 2022" under
    /// "Target"): the header's second level, also at the top of the next page when a page break fell between the two
    /// levels. Returns true when the row was taken into the header.
    /// </summary>
    public bool TakeSecondLevel(LayoutRow row, int? year)
    {
        if (row.Page == Row.Page ? row.Box.Y0 - Row.Box.Y1 > 2 * Row.Cells[0].Lines[0].LineHeight : row.Page != Row.Page + 1) return false;
        var cells = row.Cells.Select(c => (Cell: c, Period: PeriodResolver.Resolve(LayoutRow.CellText(c), year))).ToList();
        if (cells.Count == 0 || cells.Any(c => c.Period is null)) return false;
        var columns = Columns.ToList();
        // a period belongs to the group label over it, or to the nearest one on its left (a label spanning empty cells)
        int GroupOf(Box cell) => columns.FindLastIndex(h => h.X0 - 2 <= cell.X1);
        if (cells.Any(c => GroupOf(c.Cell.Box) is var g && (g < 0 || columns[g].Role is not (ColumnRole.Target or ColumnRole.Actual or ColumnRole.Baseline))))
            return false;
        var replaced = new List<HeaderColumn>();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            var under = cells.Where(c => GroupOf(c.Cell.Box) == index).ToList();
            if (under.Count == 0) replaced.Add(column);
            else replaced.AddRange(under.Select(u => new HeaderColumn(column.Role, column.Text + " " + LayoutRow.CellText(u.Cell), HeaderMatcher.ColumnPeriod(column.Role!.Value, u.Period), u.Cell.Box.X0, u.Cell.Box.X1)));
        }
        _columns = replaced.OrderBy(c => c.X0).ToList();
        return true;
    }

    /// <summary>Whether another header row repeats this one (a table continued on the next page).</summary>
    public bool SameAs(TableHeader other) =>
        other.Columns.Select(c => c.Role).Where(r => r is not null).Distinct().SequenceEqual(Columns.Select(c => c.Role).Where(r => r is not null).Distinct());

    private static HeaderColumn Column(ColumnRole? role, string text, Period? period, Box box) => new(role, TextKey.Clean(text), period, box.X0, box.X1);

    private static (ColumnRole Role, Period? Period)? Role(HeaderMatcher matcher, string text, int? year)
    {
        // a heading is a few words ("Risultato atteso al 31/12/2021"); a cell of running words that starts like one
        // ("Indicatore di soddisfazione delle imprese …") is data
        var tokens = TextKey.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 7) return null;
        if (matcher.Match(0, text, year) is { } spec) return (spec.Role, spec.Period);
        // a year or date alone names a period column: a target unless a group label says otherwise; a value is no heading
        return tokens.Length <= 4 && !text.Any(c => c is '>' or '<' or '=' or '≥' or '≤') && tokens.Count(t => t.Length == 4 && t.All(char.IsDigit)) <= 1
               && PeriodResolver.Resolve(text, year) is { } period
            ? (ColumnRole.Target, period)
            : null;
    }

    private static Period? PeriodOf(ColumnRole role, string text, int? year) =>
        role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Baseline ? HeaderMatcher.ColumnPeriod(role, PeriodResolver.Resolve(text, year)) : null;
}
