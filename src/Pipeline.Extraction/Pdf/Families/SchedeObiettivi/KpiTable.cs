using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>The columns of a "KPI associati" table.</summary>
internal enum KpiColumn { Name, Weight, Unit, Source, Algorithm, Target, Baseline }

/// <summary>One row of a KPI table being read: the lines of each column's cell, and where they were printed.</summary>
internal sealed class KpiTableRow
{
    public Dictionary<KpiColumn, List<string>> Cells { get; } = [];
    public SourceBox Box { get; } = new();
    public SourceBox TargetBox { get; } = new();
    public int Page { get; init; }

    /// <summary>The cell's lines joined and cleaned, or null when it is empty.</summary>
    public string? Text(KpiColumn column) =>
        Cells.TryGetValue(column, out var lines) ? SchedeValues.NullIfEmpty(TextKey.Clean(string.Join(' ', lines))) : null;
}

/// <summary>
/// A "KPI associati" table, anchored at its header words ("Indicatori Peso Un.mis. Fonte Alg. target e baseline"),
/// read line by line into rows: a line with a number in the weight column, or a new name after a row gap, starts a
/// row; other lines continue the cells of the current one.
/// </summary>
internal sealed class KpiTable
{
    private readonly double _columnGap;
    private List<(double Start, KpiColumn Role)> _columns;
    private TableColumns _table;
    private KpiTableRow? _row;

    private KpiTable(List<(double Start, KpiColumn Role)> columns, double columnGap)
    {
        _columns = columns.OrderBy(c => c.Start).ToList();
        _table = new TableColumns(_columns.Select(c => c.Start).ToList());
        _columnGap = columnGap;
    }

    /// <summary>The table a header line opens, or null when the line is no KPI table header.</summary>
    public static KpiTable? Open(LayoutLine line, double columnGap) => Header(line) is { } columns ? new KpiTable(columns, columnGap) : null;

    public static bool IsHeader(LayoutLine line) => Header(line) is not null;

    /// <summary>A row is being read.</summary>
    public bool InRow => _row is not null;

    /// <summary>
    /// A table can resume with other column positions (split in two, or typeset again after a page break): a line
    /// whose cells do not start at the columns moves them to the cells of the first full row from there on (one
    /// cell per column, a number as weight), provided the line's own cells start at those.
    /// </summary>
    public void Realign(IReadOnlyList<LayoutLine> lines, int i)
    {
        var line = lines[i];
        if (Aligned(line, _table)) return;
        for (var j = i; j < Math.Min(lines.Count, i + 4); j++)
        {
            if (FullRow(lines[j]) is not { } starts) continue;
            var table = new TableColumns(starts);
            if (!Aligned(line, table)) return;
            _table = table;
            _columns = _columns.Select((c, k) => (starts[k], c.Role)).ToList();
            return;
        }
    }

    /// <summary>Reads one line; false when the line is not part of the table (prose across the columns). A row it closes goes to <paramref name="finished"/>.</summary>
    public bool Read(LayoutLine line, bool close, Action<KpiTableRow> finished)
    {
        foreach (var word in line.Words)
        {
            var k = _table.ColumnOf(word);
            if (k + 1 < _table.Count && word.X1 > _table.Starts[k + 1] + 2) return false;
        }
        var cells = _table.Split(line);
        string Cell(KpiColumn role)
        {
            var index = _columns.FindIndex(c => c.Role == role);
            return index < 0 ? "" : cells[index].Text;
        }
        var weight = Cell(KpiColumn.Weight);
        var name = Cell(KpiColumn.Name);
        var startsRow = _row is null
            || (weight.Length > 0 && ItalianNumber.Parse(weight) is not null)
            || (name.Length > 0 && !close && _row.Cells.ContainsKey(KpiColumn.Name));
        if (startsRow)
        {
            if (Finish() is { } done) finished(done);
            _row = new KpiTableRow { Page = line.Page };
        }
        var row = _row!;
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].IsEmpty) continue;
            var role = _columns[c].Role;
            if (!row.Cells.TryGetValue(role, out var list)) row.Cells[role] = list = [];
            list.Add(cells[c].Text);
            row.Box.Add(line.Page, cells[c].X0, cells[c].Y0, cells[c].X1, cells[c].Y1);
            if (role == KpiColumn.Target) row.TargetBox.Add(line.Page, cells[c].X0, cells[c].Y0, cells[c].X1, cells[c].Y1);
        }
        return true;
    }

    /// <summary>Closes the row being read and returns it (null when there is none).</summary>
    public KpiTableRow? Finish()
    {
        var row = _row;
        _row = null;
        return row;
    }

    /// <summary>Every cell of the line (words after a column gap) starts at a column.</summary>
    private bool Aligned(LayoutLine line, TableColumns table) =>
        line.Segments(_columnGap).All(s => table.Starts.Any(x => Math.Abs(s.X0 - x) <= table.Tolerance));

    /// <summary>The cell starts of a line that fills every column of the table with a number as weight, or null.</summary>
    private List<double>? FullRow(LayoutLine line)
    {
        var cells = line.Segments(_columnGap);
        if (cells.Count != _columns.Count) return null;
        var weight = _columns.FindIndex(c => c.Role == KpiColumn.Weight);
        if (weight >= 0 && ItalianNumber.Parse(cells[weight].Text) is null) return null;
        return cells.Select(c => c.X0).ToList();
    }

    private static KpiColumn? RoleOf(string key, string previousKey) => key switch
    {
        _ when key.StartsWith("indicator", StringComparison.Ordinal) => KpiColumn.Name,
        _ when key.StartsWith("denominazione", StringComparison.Ordinal) => KpiColumn.Name,
        "peso" => KpiColumn.Weight,
        _ when key.StartsWith("un mis", StringComparison.Ordinal) || key.StartsWith("unita", StringComparison.Ordinal) || key == "um" => KpiColumn.Unit,
        _ when key.StartsWith("fonte", StringComparison.Ordinal) => KpiColumn.Source,
        _ when key.StartsWith("alg", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal) => KpiColumn.Algorithm,
        _ when key.StartsWith("target", StringComparison.Ordinal) => KpiColumn.Target,
        _ when key.StartsWith("baseline", StringComparison.Ordinal) && previousKey is not ("e" or "ed") => KpiColumn.Baseline,
        _ => null,
    };

    /// <summary>The columns of a KPI table header line, or null.</summary>
    private static List<(double Start, KpiColumn Role)>? Header(LayoutLine line)
    {
        if (line.Words.Count < 3 || line.Words.Count > 16) return null;
        var columns = new List<(double Start, KpiColumn Role)>();
        var previous = "";
        foreach (var word in line.Words)
        {
            var key = TextKey.Normalize(word.Text);
            if (RoleOf(key, previous) is { } role && columns.All(c => c.Role != role))
                columns.Add((word.X0, role));
            previous = key;
        }
        if (columns.Count == 0 || columns[0].Role != KpiColumn.Name) return null;
        var others = columns.Count(c => c.Role is KpiColumn.Weight or KpiColumn.Target or KpiColumn.Algorithm or KpiColumn.Source or KpiColumn.Unit);
        return others >= 2 ? columns : null;
    }
}
