using ExcelDataReader;

namespace Pipeline.Extraction.Excel;

/// <summary>One cell as read: its value (double, string, bool, DateTime or null) and its number format.</summary>
public readonly record struct GridCell(object? Value, string? Format)
{
    public bool IsEmpty => Value is null || (Value is string s && string.IsNullOrWhiteSpace(s));
}

/// <summary>
/// A sheet read whole into memory, with merged ranges resolved: every cell of a merged range carries the
/// value and format of its top-left cell (an objective merged down over its KPIs applies to every KPI row).
/// </summary>
public sealed class SheetGrid
{
    private readonly List<GridCell[]> _rows;
    private readonly Dictionary<(int Row, int Column), (int Row, int Column)> _mergeOrigins = [];

    private SheetGrid(string name, List<GridCell[]> rows)
    {
        Name = name;
        _rows = rows;
        Width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
    }

    public string Name { get; }
    public int Height => _rows.Count;
    public int Width { get; private set; }

    public GridCell this[int row, int column] =>
        row < _rows.Count && column < _rows[row].Length ? _rows[row][column] : default;

    /// <summary>True when any cell holds a number or a date (text-only sheets are instructions or notes).</summary>
    public bool HasNumbers => _rows.Any(r => r.Any(c => c.Value is double or DateTime));

    public bool IsBlankRow(int row) => row >= _rows.Count || _rows[row].All(c => c.IsEmpty);

    /// <summary>The top-left cell of the merged range covering (row, column), or the cell itself.</summary>
    public (int Row, int Column) Origin(int row, int column) =>
        _mergeOrigins.TryGetValue((row, column), out var origin) ? origin : (row, column);

    /// <summary>True when the cell only repeats the value of a merged range's top-left cell.</summary>
    public bool IsMergedCopy(int row, int column) => _mergeOrigins.ContainsKey((row, column));

    /// <summary>True when the cell holds a value of its own (not empty, not a copy of a merged range's value).</summary>
    public bool HasOwnValue(int row, int column) => !this[row, column].IsEmpty && !IsMergedCopy(row, column);

    /// <summary>Reads the current sheet of <paramref name="reader"/> (call before NextResult).</summary>
    public static SheetGrid Read(IExcelDataReader reader)
    {
        var rows = new List<GridCell[]>();
        while (reader.Read())
        {
            var cells = new GridCell[reader.FieldCount];
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var value = reader.GetValue(c);
                cells[c] = new GridCell(value, value is null ? null : reader.GetNumberFormatString(c));
            }
            rows.Add(cells);
        }
        var grid = new SheetGrid(reader.Name ?? "", rows);
        foreach (var range in reader.MergeCells ?? [])
            grid.FillMerge(range.FromRow, range.FromColumn, range.ToRow, range.ToColumn);
        return grid;
    }

    private void FillMerge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        if (fromRow >= _rows.Count) return;
        var origin = this[fromRow, fromColumn];
        for (var r = fromRow; r <= toRow && r < _rows.Count; r++)
        {
            if (_rows[r].Length <= toColumn)
            {
                var widened = new GridCell[toColumn + 1];
                _rows[r].CopyTo(widened, 0);
                _rows[r] = widened;
                Width = Math.Max(Width, widened.Length);
            }
            for (var c = fromColumn; c <= toColumn; c++)
            {
                if (r == fromRow && c == fromColumn) continue;
                _rows[r][c] = origin;
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
