using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Bi;

public enum BiExportFormat { Csv, Parquet }

/// <summary>What one export wrote: the file of each view and its row count.</summary>
public sealed record BiExportedFile(string View, string Path, int Rows);

/// <summary>
/// <c>pipeline export</c>: every view of the BI model to DIR as <c>VIEW.csv</c> or <c>VIEW.parquet</c>, only one
/// chamber's rows when asked (the dimensions without a chamber — periods, calendar — are written whole). Files are
/// written beside their final name and moved in place, so a failed export leaves the previous files intact.
/// </summary>
public sealed class BiExporter(SqlDialect dialect)
{
    /// <exception cref="ArgumentException">the chamber is not in the warehouse</exception>
    public async Task<IReadOnlyList<BiExportedFile>> ExportAsync(string directory, BiExportFormat format, string? chamberCode, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        await using var connection = await dialect.OpenAsync(ct);
        long? chamberId = null;
        if (chamberCode is not null)
            chamberId = await connection.ExecuteScalarAsync<long?>("SELECT chamber_id FROM dim_chamber WHERE code = @code", new { code = chamberCode })
                        ?? throw new ArgumentException($"chamber {chamberCode} has nothing in the warehouse");
        var written = new List<BiExportedFile>();
        foreach (var view in BiViews.All)
        {
            var table = await BiTable.ReadAsync(connection, dialect, view, chamberId, ct);
            var path = Path.Combine(directory, view.Name + (format == BiExportFormat.Csv ? ".csv" : ".parquet"));
            var partial = path + ".partial";
            if (format == BiExportFormat.Csv) await BiCsvWriter.WriteAsync(table, partial, ct);
            else await BiParquetWriter.WriteAsync(table, partial, ct);
            File.Move(partial, path, overwrite: true);
            written.Add(new BiExportedFile(view.Name, path, table.Rows.Count));
        }
        return written;
    }
}
