using Parquet;
using Parquet.Schema;
using Pipeline.Core.Bi;

namespace Pipeline.Warehouse.Bi;

/// <summary>
/// One BI view as a Parquet file (Parquet.Net), one row group. Each column's type follows its values: whole numbers
/// → INT64, other numbers → DOUBLE, dates and timestamps → timestamp, anything else → UTF-8 string; every column is
/// nullable. A column with no value at all is written as a string column.
/// </summary>
public static class BiParquetWriter
{
    public static async Task WriteAsync(BiTable table, string path, CancellationToken ct = default)
    {
        var columns = Enumerable.Range(0, table.Columns.Count)
            .Select(c => Column(table.Columns[c], table.Rows.Select(r => r[c]).ToList()))
            .ToList();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), stream, cancellationToken: ct);
        using var group = writer.CreateRowGroup();
        foreach (var column in columns) await column.Write(group, ct);
    }

    private sealed record TypedColumn(DataField Field, Func<ParquetRowGroupWriter, CancellationToken, Task> Write);

    private static TypedColumn Column(string name, IReadOnlyList<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count > 0 && present.All(v => v is long or int or short or byte))
            return Typed(new DataField<long?>(name), values.Select(v => v is null ? (long?)null : Convert.ToInt64(v)).ToArray());
        if (present.Count > 0 && present.All(v => v is long or int or short or byte or decimal or double or float))
            return Typed(new DataField<double?>(name), values.Select(v => v is null ? (double?)null : Convert.ToDouble(v)).ToArray());
        if (present.Count > 0 && present.All(v => v is DateTime or DateOnly))
            return Typed(new DataField<DateTime?>(name), values.Select(v => v switch
            {
                DateTime t => (DateTime?)DateTime.SpecifyKind(t, DateTimeKind.Utc),
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                _ => null,
            }).ToArray());
        var field = new DataField<string>(name, true);
        var text = values.Select(v => v is null ? null : BiValueText.Format(v)).ToArray();
        return new TypedColumn(field, (group, _) => group.WriteAsync(field, text!));
    }

    private static TypedColumn Typed<T>(DataField field, T?[] data) where T : struct =>
        new(field, (group, ct) => group.WriteAsync<T>(field, data, cancellationToken: ct));
}
