using System.Globalization;
using System.Text;
using Pipeline.Core.Bi;

namespace Pipeline.Warehouse.Bi;

/// <summary>One BI view as a CSV file: UTF-8, comma separated, a header row with the view's column names, values as <see cref="BiValueText"/> writes them.</summary>
public static class BiCsvWriter
{
    public static async Task WriteAsync(BiTable table, string path, CancellationToken ct = default)
    {
        await using var stream = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using var csv = CsvHelper.CsvWriter.Create(stream, CsvHelper.CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture });
        await csv.WriteRecordAsync([.. table.Columns], ct);
        foreach (var row in table.Rows)
            await csv.WriteRecordAsync(row.Select(BiValueText.Format).ToArray(), ct);
        await csv.FlushAsync(ct);
    }
}
