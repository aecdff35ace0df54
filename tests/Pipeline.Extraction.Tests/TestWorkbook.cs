using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;
using Pipeline.Extraction;

namespace Pipeline.Extraction.Tests;

/// <summary>A percent-formatted number cell (0.705 shown as 70.5%).</summary>
public sealed record Pct(double Value, string Format = "0.0%");

/// <summary>Builds small workbooks in memory, one trap at a time: rows of values, merges, percent cells.</summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, List<object?[]?> Rows, List<(int R1, int C1, int R2, int C2)> Merges)> _sheets = [];

    public TestWorkbook Sheet(string name, params object?[]?[] rows)
    {
        _sheets.Add((name, rows.ToList(), []));
        return this;
    }

    /// <summary>Merge on the last sheet, zero-based inclusive.</summary>
    public TestWorkbook Merge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        _sheets[^1].Merges.Add((fromRow, fromColumn, toRow, toColumn));
        return this;
    }

    public byte[] Bytes(bool xls = false)
    {
        IWorkbook workbook = xls ? new HSSFWorkbook() : new XSSFWorkbook();
        var formats = new Dictionary<string, ICellStyle>();
        foreach (var (name, rows, merges) in _sheets)
        {
            var sheet = workbook.CreateSheet(name);
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r] is null) continue;
                var row = sheet.CreateRow(r);
                var cells = rows[r]!;
                for (var c = 0; c < cells.Length; c++)
                {
                    switch (cells[c])
                    {
                        case null: break;
                        case string s: row.CreateCell(c).SetCellValue(s); break;
                        case double d: row.CreateCell(c).SetCellValue(d); break;
                        case int i: row.CreateCell(c).SetCellValue(i); break;
                        case bool b: row.CreateCell(c).SetCellValue(b); break;
                        case DateTime dt:
                        {
                            var cell = row.CreateCell(c);
                            cell.SetCellValue(dt);
                            cell.CellStyle = Style(workbook, formats, "dd/mm/yyyy");
                            break;
                        }
                        case Pct p:
                        {
                            var cell = row.CreateCell(c);
                            cell.SetCellValue(p.Value);
                            cell.CellStyle = Style(workbook, formats, p.Format);
                            break;
                        }
                        default: throw new ArgumentException($"unsupported test cell {cells[c]}");
                    }
                }
            }
            foreach (var (r1, c1, r2, c2) in merges) sheet.AddMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }

    public InputFile File(string name = "test.xlsx") => new(name, Bytes(name.EndsWith(".xls", StringComparison.Ordinal)));

    private static ICellStyle Style(IWorkbook workbook, Dictionary<string, ICellStyle> cache, string format)
    {
        if (cache.TryGetValue(format, out var style)) return style;
        style = workbook.CreateCellStyle();
        style.DataFormat = workbook.CreateDataFormat().GetFormat(format);
        return cache[format] = style;
    }
}
