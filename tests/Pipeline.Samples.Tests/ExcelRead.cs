using System.Text;
using ExcelDataReader;
using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>A sheet as ExcelDataReader 3.6.0 returns it: values, number formats of non-empty cells, merges.</summary>
public sealed record SheetRead(string Name, IReadOnlyList<object?[]> Rows, IReadOnlyList<string?[]> Formats, IReadOnlyList<CellRange> Merges)
{
    public object? Value(int row, int column) => row < Rows.Count && column < Rows[row].Length ? Rows[row][column] : null;
    public string? Format(int row, int column) => row < Formats.Count && column < Formats[row].Length ? Formats[row][column] : null;
    public bool IsBlankRow(int row) => row >= Rows.Count || Rows[row].All(v => v is null);
}

public static class ExcelRead
{
    static ExcelRead() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Opens and reads every sheet; exceptions from ExcelDataReader propagate unchanged.</summary>
    public static IReadOnlyList<SheetRead> All(byte[] bytes, string? password = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { Password = password });
        var sheets = new List<SheetRead>();
        do
        {
            var rows = new List<object?[]>();
            var formats = new List<string?[]>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                var rowFormats = new string?[reader.FieldCount];
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    values[c] = reader.GetValue(c);
                    if (values[c] is not null) rowFormats[c] = reader.GetNumberFormatString(c);
                }
                rows.Add(values);
                formats.Add(rowFormats);
            }
            var merges = (reader.MergeCells ?? []).Select(m => new CellRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList();
            sheets.Add(new SheetRead(reader.Name, rows, formats, merges));
        } while (reader.NextResult());
        return sheets;
    }
}
