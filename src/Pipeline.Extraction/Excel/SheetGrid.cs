using ExcelDataReader;

namespace Pipeline.Extraction.Excel;

/// <summary>One cell as read: its value (double, string, bool, DateTime or null) and its number format.</summary>
public readonly record struct GridCell(object? Value, string? Format)
{
    public bool IsEmpty => Value is null || (Value is string s && string.IsNullOrWhiteSpace(s));
}

/// <summary>A sheet with more cells than the limit per sheet: the workbook is refused, naming sheet and limit.</summary>
public sealed class SheetTooLargeException(string sheet, int maxCells)
    : WorkbookLimitException($"sheet '{sheet}' has more than {Pipeline.Core.Values.ItalianFormat.Number(maxCells)} cells (the limit per sheet); not read")
{
    public string Sheet { get; } = sheet;
    public int MaxCells { get; } = maxCells;
}

/// <summary>
/// A sheet read into memory, sparse: only the cells that hold a value are stored, keyed by (row, column), so a
/// stray cell at XFD1048576 costs one entry, not a grid of the declared dimension. <see cref="Height"/> and
/// <see cref="Width"/> are the bounds of the cells present. Merged ranges are resolved: every cell of a merged range
/// carries the value and format of its top-left cell (an objective merged down over its KPIs applies to every KPI row).
/// </summary>
public sealed class SheetGrid
{
    /// <summary>Cells per sheet (values plus merged copies) past which a sheet is refused. Monitoring sheets hold hundreds.</summary>
    public const int DefaultMaxCells = 500_000;

    /// <summary>
    /// Cells a reader may visit when it cannot tell which cells are present (.xls, or an .xlsx whose parts could not
    /// be indexed): rows × declared columns. A legacy .xls holds at most 65,536 × 256 = 16.8 M.
    /// </summary>
    public const long MaxCellVisits = 50_000_000;

    private static readonly int[] NoColumns = [];
    private readonly Dictionary<(int Row, int Column), GridCell> _cells = [];
    private readonly Dictionary<int, List<int>> _columnsByRow = [];
    private readonly Dictionary<(int Row, int Column), (int Row, int Column)> _mergeOrigins = [];
    private readonly int _maxCells;

    private SheetGrid(string name, int maxCells)
    {
        Name = name;
        _maxCells = maxCells;
    }

    public string Name { get; }

    /// <summary>One past the last row holding a cell (0 for an empty sheet).</summary>
    public int Height { get; private set; }

    /// <summary>One past the last column holding a cell (0 for an empty sheet).</summary>
    public int Width { get; private set; }

    /// <summary>Cells stored: values plus merged copies.</summary>
    public int CellCount => _cells.Count;

    public GridCell this[int row, int column] => _cells.TryGetValue((row, column), out var cell) ? cell : default;

    /// <summary>The columns of <paramref name="row"/> holding a cell, ascending.</summary>
    public IReadOnlyList<int> Columns(int row) => _columnsByRow.TryGetValue(row, out var columns) ? columns : NoColumns;

    /// <summary>True when any cell holds a number or a date (text-only sheets are instructions or notes).</summary>
    public bool HasNumbers => _cells.Values.Any(c => c.Value is double or DateTime);

    public bool IsBlankRow(int row) => !_columnsByRow.TryGetValue(row, out var columns) || columns.All(c => this[row, c].IsEmpty);

    /// <summary>The top-left cell of the merged range covering (row, column), or the cell itself.</summary>
    public (int Row, int Column) Origin(int row, int column) =>
        _mergeOrigins.TryGetValue((row, column), out var origin) ? origin : (row, column);

    /// <summary>True when the cell only repeats the value of a merged range's top-left cell.</summary>
    public bool IsMergedCopy(int row, int column) => _mergeOrigins.ContainsKey((row, column));

    /// <summary>True when the cell holds a value of its own (not empty, not a copy of a merged range's value).</summary>
    public bool HasOwnValue(int row, int column) => !this[row, column].IsEmpty && !IsMergedCopy(row, column);

    /// <summary>
    /// Reads the current sheet of <paramref name="reader"/> (call before NextResult). With <paramref name="present"/>
    /// (row → columns holding a value, from <see cref="XlsxCellIndex"/>) only those cells are asked for and reading stops
    /// after the last of them; without it every row × declared column is visited, within <see cref="MaxCellVisits"/>.
    /// </summary>
    /// <exception cref="SheetTooLargeException">More than <paramref name="maxCells"/> cells, or too many to visit.</exception>
    public static SheetGrid Read(IExcelDataReader reader, int maxCells = DefaultMaxCells, IReadOnlyDictionary<int, int[]>? present = null)
    {
        var grid = new SheetGrid(reader.Name ?? "", maxCells);
        if (present is not null)
        {
            var lastRow = present.Count == 0 ? -1 : present.Keys.Max();
            for (var r = 0; r <= lastRow && reader.Read(); r++)
            {
                if (!present.TryGetValue(r, out var columns)) continue;
                foreach (var c in columns)
                    if (c < reader.FieldCount) grid.AddValue(reader, r, c);
            }
        }
        else
        {
            long visits = 0;
            for (var r = 0; reader.Read(); r++)
            {
                visits += Math.Max(1, reader.FieldCount);
                if (visits > MaxCellVisits) throw new SheetTooLargeException(grid.Name, maxCells);
                for (var c = 0; c < reader.FieldCount; c++) grid.AddValue(reader, r, c);
            }
        }
        foreach (var range in reader.MergeCells ?? [])
            grid.FillMerge(range.FromRow, range.FromColumn, range.ToRow, range.ToColumn);
        foreach (var columns in grid._columnsByRow.Values) columns.Sort();
        return grid;
    }

    private void AddValue(IExcelDataReader reader, int row, int column)
    {
        var value = reader.GetValue(column);
        if (value is null) return;
        if (value is string text) value = Pipeline.Core.Text.PrintableText.Of(text);
        Set(row, column, new GridCell(value, reader.GetNumberFormatString(column)));
    }

    private void Set(int row, int column, GridCell cell)
    {
        if (_cells.TryAdd((row, column), cell))
        {
            if (_cells.Count > _maxCells) throw new SheetTooLargeException(Name, _maxCells);
            if (!_columnsByRow.TryGetValue(row, out var columns)) _columnsByRow[row] = columns = [];
            columns.Add(column);
            Height = Math.Max(Height, row + 1);
            Width = Math.Max(Width, column + 1);
        }
        else _cells[(row, column)] = cell;
    }

    /// <summary>Copies the top-left value over the range, within the rows that hold cells (as a dense read did).</summary>
    private void FillMerge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        if (fromRow < 0 || fromColumn < 0 || fromRow >= Height) return;
        var lastRow = Math.Min(toRow, Height - 1);
        // Checked before filling: a merge over A1:XFD1048576 is refused, not allocated.
        if ((long)(lastRow - fromRow + 1) * Math.Max(0, toColumn - fromColumn + 1) > _maxCells) throw new SheetTooLargeException(Name, _maxCells);
        var origin = this[fromRow, fromColumn];
        for (var r = fromRow; r <= lastRow; r++)
        {
            for (var c = fromColumn; c <= toColumn; c++)
            {
                if (r == fromRow && c == fromColumn) continue;
                Set(r, c, origin);
                _mergeOrigins[(r, c)] = (fromRow, fromColumn);
            }
        }
    }

    /// <summary>A1 reference of a zero-based cell: (11, 4) → "E12".</summary>
    public static string CellName(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
