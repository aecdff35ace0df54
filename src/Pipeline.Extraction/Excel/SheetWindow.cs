using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// The cells of a sheet around one cell, as the web app's source page shows a workbook value: rows and columns
/// before and after it, each cell's text as <see cref="CellValues.Display"/> gives it, the cell itself marked.
/// Read the way the extractor reads (sparse, within the real used range, <see cref="SheetGrid"/>).
/// </summary>
public sealed record SheetWindow(string Sheet, string Cell, int FirstRow, int FirstColumn, IReadOnlyList<IReadOnlyList<string>> Rows, int HitRow, int HitColumn)
{
    /// <summary>The letters of the window's columns: "C", "D", …</summary>
    public IReadOnlyList<string> ColumnNames =>
        Enumerable.Range(FirstColumn, Rows.Count == 0 ? 0 : Rows[0].Count).Select(c => SheetGrid.CellName(0, c).TrimEnd('1')).ToList();

    /// <summary>The window around <paramref name="cell"/> (A1) of <paramref name="sheet"/>; null when the workbook has no such sheet or the cell is no A1 reference.</summary>
    /// <exception cref="ExtractionException">The bytes are not a workbook ExcelDataReader reads.</exception>
    public static SheetWindow? Read(byte[] workbook, string sheet, string cell, int rowsAround = 6, int columnsAround = 4)
    {
        if (XlsxCellIndex.Parse(cell) is not { } at) return null;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        try
        {
            using var stream = new MemoryStream(workbook, writable: false);
            var zip = workbook.Length > 3 && workbook[0] == (byte)'P' && workbook[1] == (byte)'K';
            var index = zip ? XlsxCellIndex.Scan(stream, SheetGrid.DefaultMaxCells) : null;
            stream.Position = 0;
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                if (!string.Equals(reader.Name, sheet, StringComparison.Ordinal)) continue;
                var present = index is not null && index.TryGetValue(reader.Name ?? "", out var cells) ? cells : null;
                var grid = SheetGrid.Read(reader, SheetGrid.DefaultMaxCells, present);
                var firstRow = Math.Max(0, at.Row - rowsAround);
                var firstColumn = Math.Max(0, at.Column - columnsAround);
                var lastRow = Math.Max(at.Row, Math.Min(grid.Height - 1, at.Row + rowsAround));
                var lastColumn = Math.Max(at.Column, Math.Min(grid.Width - 1, at.Column + columnsAround));
                var rows = new List<IReadOnlyList<string>>();
                for (var r = firstRow; r <= lastRow; r++)
                    rows.Add(Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => grid[r, c].IsEmpty ? "" : CellValues.Display(grid[r, c])).ToList());
                return new SheetWindow(sheet, cell.ToUpperInvariant(), firstRow, firstColumn, rows, at.Row - firstRow, at.Column - firstColumn);
            } while (reader.NextResult());
            return null;
        }
        catch (Exception ex) when (ex is WorkbookLimitException or InvalidDataException or ExcelReaderException or EndOfStreamException or HeaderException)
        {
            throw new ExtractionException(sheet, $"the workbook cannot be read again: {ex.Message}", ex);
        }
    }
}
