using NPOI.HSSF.Record;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;

namespace Pipeline.Samples;

/// <summary>Writes sheets as a BIFF8 .xls workbook with NPOI HSSF (number formats, bold titles, merged cells).</summary>
public static class XlsWriter
{
    /// <summary>The user name stored in the workbook's WriteAccess record (NPOI would store the machine's user).</summary>
    public const string Author = "Pipeline.Samples";

    public static byte[] Write(IReadOnlyList<RenderedSheet> sheets, IReadOnlyList<double> columnWidths)
    {
        if (sheets.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        var workbook = new HSSFWorkbook();
        // Not through Workbook.WriteAccess: on a new workbook that getter adds a second record with the machine's user.
        foreach (var record in workbook.Workbook.Records)
            if (record is WriteAccessRecord writeAccess) writeAccess.Username = Author;
        var styles = new Dictionary<(string Format, bool Bold), ICellStyle>();
        var format = workbook.CreateDataFormat();
        IFont? boldFont = null;

        ICellStyle StyleFor(WrittenCell cell)
        {
            var key = (cell.NumberFormat, cell.Bold);
            if (styles.TryGetValue(key, out var style)) return style;
            style = workbook.CreateCellStyle();
            if (cell.NumberFormat != WrittenCell.General) style.DataFormat = format.GetFormat(cell.NumberFormat);
            if (cell.Bold)
            {
                if (boldFont is null)
                {
                    boldFont = workbook.CreateFont();
                    boldFont.Boldweight = (short)FontBoldWeight.Bold;
                }
                style.SetFont(boldFont);
            }
            styles[key] = style;
            return style;
        }

        foreach (var rendered in sheets)
        {
            var sheet = workbook.CreateSheet(rendered.Name);
            if (rendered.HeaderRow is not null)
                for (var c = 0; c < columnWidths.Count; c++) sheet.SetColumnWidth(c, (int)(columnWidths[c] * 256));
            foreach (var cell in rendered.Cells)
            {
                var row = sheet.GetRow(cell.Row) ?? sheet.CreateRow(cell.Row);
                var target = row.CreateCell(cell.Column);
                switch (cell.Value)
                {
                    case string text: target.SetCellValue(text); break;
                    case double number: target.SetCellValue(number); break;
                    case DateTime date: target.SetCellValue(date); break;
                    default: throw new ArgumentException($"{rendered.Name}!{cell.Reference}: unsupported value type {cell.Value.GetType().Name}");
                }
                if (cell.NumberFormat != WrittenCell.General || cell.Bold) target.CellStyle = StyleFor(cell);
            }
            foreach (var merge in rendered.Merges)
                sheet.AddMergedRegion(new CellRangeAddress(merge.FromRow, merge.ToRow, merge.FromColumn, merge.ToColumn));
        }

        using var buffer = new MemoryStream();
        workbook.Write(buffer);
        return buffer.ToArray();
    }
}
