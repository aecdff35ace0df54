namespace Pipeline.Samples.Workbooks;

/// <summary>Collects the cells and merges of one sheet as a layout writes it, then yields the <see cref="RenderedSheet"/>.</summary>
public sealed class SheetBuilder(string name)
{
    private readonly List<WrittenCell> _cells = [];
    private readonly List<CellRange> _merges = [];
    private readonly List<RenderedKpiRow> _kpiRows = [];
    private readonly List<string> _headers = [];
    private int? _headerRow;
    private SheetTable? _table;

    public string Name => name;

    /// <summary>A cell; empty strings and nulls are not written.</summary>
    public SheetBuilder Cell(int row, int column, object? value, string format = WrittenCell.General, bool bold = false)
    {
        if (value is null || value is string { Length: 0 }) return this;
        _cells.Add(new WrittenCell(row, column, value, format, bold));
        return this;
    }

    public SheetBuilder Merge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        if (fromRow != toRow || fromColumn != toColumn) _merges.Add(new CellRange(fromRow, fromColumn, toRow, toColumn));
        return this;
    }

    /// <summary>The header row: one bold cell per header text from column 0.</summary>
    public SheetBuilder Header(int row, IReadOnlyList<string> headers)
    {
        _headerRow = row;
        _headers.Clear();
        _headers.AddRange(headers);
        for (var c = 0; c < headers.Count; c++) Cell(row, c, headers[c], bold: true);
        return this;
    }

    public SheetBuilder KpiRow(string kpiId, int row)
    {
        _kpiRows.Add(new RenderedKpiRow(kpiId, row));
        return this;
    }

    /// <summary>An Excel table named <paramref name="tableName"/> over the header row and the rows written under it.</summary>
    public SheetBuilder AsTable(string tableName)
    {
        if (_headerRow is not { } header) throw new InvalidOperationException("a table needs a header row");
        var lastRow = Math.Max(header + 1, _cells.Max(c => c.Row));
        _table = new SheetTable(tableName, new CellRange(header, 0, lastRow, _headers.Count - 1));
        return this;
    }

    public RenderedSheet Build() =>
        new(name, _headerRow, _headers.ToList(), _kpiRows.ToList(), null, _merges.ToList(),
            _cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList()) { Table = _table };
}
