using Microsoft.VisualBasic.FileIO;
using Parquet;
using Parquet.Schema;
using Pipeline.Core.Bi;
using Pipeline.Warehouse.Bi;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary><c>pipeline export</c> on a real warehouse, once per dialect: every view written as Parquet and as CSV,
/// read back with an independent reader (Parquet.Net's reader, the VB text field parser) equal to the view, the chamber filter applied.</summary>
public abstract class BiExportTests(string dialect)
{
    [Theory]
    [InlineData(null)]
    [InlineData("BA")]
    public async Task Parquet_and_csv_files_read_back_equal_the_views(string? chamber)
    {
        await using var wh = await BiRegionWarehouse.CreateAsync(dialect);
        var dir = Directory.CreateTempSubdirectory("pipeline-bi-export-");
        try
        {
            var parquet = await new BiExporter(wh.Dialect).ExportAsync(Path.Combine(dir.FullName, "p"), BiExportFormat.Parquet, chamber);
            var csv = await new BiExporter(wh.Dialect).ExportAsync(Path.Combine(dir.FullName, "c"), BiExportFormat.Csv, chamber);
            Assert.Equal(BiViews.All.Select(v => v.Name), parquet.Select(f => f.View));
            await using var connection = await wh.Dialect.OpenAsync();
            long? chamberId = chamber is null ? null : await wh.ScalarAsync<long>("SELECT chamber_id FROM dim_chamber WHERE code = @chamber", new { chamber });
            foreach (var view in BiViews.All)
            {
                var table = await BiTable.ReadAsync(connection, wh.Dialect, view, chamberId);
                var expected = table.Rows.Select(r => r.Select(Norm).ToList()).ToList();
                Assert.Equal(expected, await ReadParquetAsync(parquet.Single(f => f.View == view.Name).Path, table.Columns));
                var (header, rows) = ReadCsv(csv.Single(f => f.View == view.Name).Path);
                Assert.Equal(table.Columns, header);
                Assert.Equal(table.Rows.Select(r => r.Select(BiValueText.Format).ToList()).ToList(), rows);
            }
            var valori = parquet.Single(f => f.View == "valori").Rows;
            Assert.Equal(chamber is null ? 13 : 2, valori);
            Assert.Equal(chamber is null ? 12 : 2, parquet.Single(f => f.View == "confronto").Rows);
            if (chamber is not null)
                Assert.Equal(Norm(chamberId), Assert.Single(await ReadParquetAsync(parquet.Single(f => f.View == "camera").Path, ["CameraKey"]))[0]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_chamber_not_in_the_warehouse_is_refused_and_the_previous_files_are_kept()
    {
        await using var wh = await BiWarehouse.TwoChambersAsync(dialect);
        var dir = Directory.CreateTempSubdirectory("pipeline-bi-export-");
        try
        {
            await new BiExporter(wh.Dialect).ExportAsync(dir.FullName, BiExportFormat.Csv, null);
            var before = File.ReadAllText(Path.Combine(dir.FullName, "valori.csv"));
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => new BiExporter(wh.Dialect).ExportAsync(dir.FullName, BiExportFormat.Csv, "ZZ"));
            Assert.Contains("ZZ", ex.Message);
            Assert.Equal(before, File.ReadAllText(Path.Combine(dir.FullName, "valori.csv")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Values compared across readers: numbers as doubles, dates as yyyy-MM-dd, text as is.</summary>
    private static object? Norm(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime or DateOnly => BiValueText.Format(value),
        IConvertible n => BiValueText.Format(Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture)),
        _ => BiValueText.Format(value),
    };

    private static async Task<List<List<object?>>> ReadParquetAsync(string path, IReadOnlyList<string> columns)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var rows = (int)group.RowCount;
        var data = new List<object?[]>();
        foreach (var name in columns)
        {
            var field = fields.Single(f => f.Name == name);
            data.Add(field.ClrType == typeof(long) ? (await Read<long>(group, field, rows)).Select(v => Norm(v)).ToArray()
                : field.ClrType == typeof(double) ? (await Read<double>(group, field, rows)).Select(v => Norm(v)).ToArray()
                : field.ClrType == typeof(DateTime) ? (await Read<DateTime>(group, field, rows)).Select(v => Norm(v)).ToArray()
                : await ReadText(group, field, rows));
        }
        return Enumerable.Range(0, rows).Select(r => data.Select(column => column[r]).ToList()).ToList();
    }

    private static async Task<object?[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var buffer = new T?[rows];
        await group.ReadAsync<T>(field, buffer.AsMemory());
        return buffer.Select(v => (object?)v).ToArray();
    }

    private static async Task<object?[]> ReadText(ParquetRowGroupReader group, DataField field, int rows)
    {
        var buffer = new string?[rows];
        await group.ReadAsync(field, buffer.AsMemory());
        return buffer.Select(v => (object?)v).ToArray();
    }

    private static (List<string> Header, List<List<string>> Rows) ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.TrimWhiteSpace = false;
        var header = parser.ReadFields()!.ToList();
        var rows = new List<List<string>>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!.ToList());
        return (header, rows);
    }
}

public sealed class SqliteBiExportTests() : BiExportTests("sqlite");

public sealed class PostgresBiExportTests() : BiExportTests("postgres");
