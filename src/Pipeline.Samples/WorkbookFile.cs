using System.Globalization;

namespace Pipeline.Samples;

/// <summary>A rendered workbook: its bytes and, for tests, what was written where.</summary>
public sealed record WorkbookFile(string FileName, WorkbookFormat Format, byte[] Bytes, IReadOnlyList<RenderedSheet> Sheets);

/// <summary>
/// One sheet as written. <see cref="HeaderRow"/> and <see cref="LegendRow"/> are zero-based row indexes (null when
/// the sheet has no table or no legend); <see cref="Cells"/> lists every non-empty cell written.
/// </summary>
public sealed record RenderedSheet(
    string Name,
    int? HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyList<RenderedKpiRow> KpiRows,
    int? LegendRow,
    IReadOnlyList<CellRange> Merges,
    IReadOnlyList<WrittenCell> Cells)
{
    public WrittenCell? CellAt(int row, int column) => Cells.FirstOrDefault(c => c.Row == row && c.Column == column);

    /// <summary>An Excel table (ListObject) over the header and its rows; null for none. Only .xlsx writes it.</summary>
    public SheetTable? Table { get; init; }
}

/// <summary>An Excel table: its name and range; the header row is the range's first row, its cells name the columns.</summary>
public sealed record SheetTable(string Name, CellRange Range);

/// <summary>The row (zero-based) a KPI was written on.</summary>
public sealed record RenderedKpiRow(string KpiCode, int Row);

/// <summary>A merged range, zero-based and inclusive, as ExcelDataReader reports it.</summary>
public sealed record CellRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    /// <summary>"A8:A10".</summary>
    public string ToA1() => $"{A1(FromRow, FromColumn)}:{A1(ToRow, ToColumn)}";

    /// <summary>A1 reference of a zero-based cell: (11, 4) → "E12".</summary>
    public static string A1(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// One written cell. <see cref="Value"/> is a string, a double or a DateTime (a date serial with a date format);
/// <see cref="NumberFormat"/> is "General" or the format code ("0.0%", "0%", "dd/mm/yyyy", "#,##0").
/// </summary>
public sealed record WrittenCell(int Row, int Column, object Value, string NumberFormat = WrittenCell.General, bool Bold = false)
{
    public const string General = "General";

    public string Reference => CellRange.A1(Row, Column);

    public bool IsPercent => NumberFormat.Contains('%', StringComparison.Ordinal);
}
