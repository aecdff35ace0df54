using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Core.Feeds;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Feeds;

/// <summary>
/// Streams a feed's rows into <c>stg_practice</c> / <c>stg_company</c> inside the load's transaction: binary COPY on
/// PostgreSQL, one prepared INSERT on SQLite; the rows are never held in memory. Part of <see cref="FeedLoader"/>.
/// </summary>
internal sealed class FeedStaging(SqlDialect dialect)
{
    private const string PracticeColumns =
        "document_id, row_number, protocol, registered, processed, status, fulfilment, suspension_days, office, chamber";

    private const string CompanyColumns =
        "document_id, row_number, province, rea, tax_code_key, name, legal_form, status, registered, ceased, ateco, section, " +
        "section_registered, digital_drawer, drawer_activated";

    /// <summary>How many rows were staged and the years that make the feed's logical key.</summary>
    internal readonly record struct Staged(long Rows, int? FirstYear, int? LastYear);

    public async Task<Staged> PracticesAsync(
        DbConnection connection, DbTransaction tx, long documentId, IEnumerable<PracticeRow> rows, CancellationToken ct)
    {
        long count = 0;
        int? first = null, last = null;
        void Track(PracticeRow row)
        {
            count++;
            var year = row.Registered.Year;
            if (first is null || year < first) first = year;
            if (last is null || year > last) last = year;
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, "stg_practice", PracticeColumns, 10, rows, Track, (copy, row) =>
            {
                copy.Write(documentId);
                copy.Write(row.RowNumber);
                copy.Write(row.Protocol);
                copy.Write(row.Registered);
                copy.Write(row.Processed);
                copy.Write(FeedCodes.ToText(row.Status));
                copy.Write(row.Fulfilment);
                copy.Write(row.SuspensionDays);
                copy.Write(row.Office);
                copy.Write(row.Chamber);
            }, ct);
        }
        else
        {
            await using var insert = new PreparedInsert(connection, tx, "stg_practice", PracticeColumns);
            foreach (var row in rows)
            {
                insert.Set(0, documentId);
                insert.Set(1, row.RowNumber);
                insert.Set(2, row.Protocol);
                insert.Set(3, dialect.Date(row.Registered));
                insert.Set(4, row.Processed is { } processed ? dialect.Date(processed) : null);
                insert.Set(5, FeedCodes.ToText(row.Status));
                insert.Set(6, row.Fulfilment);
                insert.Set(7, row.SuspensionDays);
                insert.Set(8, row.Office);
                insert.Set(9, row.Chamber);
                await insert.ExecuteAsync(ct);
                Track(row);
            }
        }
        return new Staged(count, first, last);
    }

    public async Task<Staged> CompaniesAsync(
        DbConnection connection, DbTransaction tx, long documentId, IEnumerable<CompanyRow> rows, CancellationToken ct)
    {
        long count = 0;
        DateOnly? latest = null;
        void Track(CompanyRow row)
        {
            count++;
            if (row.LatestDate is { } d && (latest is null || d > latest)) latest = d;
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, "stg_company", CompanyColumns, 15, rows, Track, (copy, row) =>
            {
                copy.Write(documentId);
                copy.Write(row.RowNumber);
                copy.Write(row.Province);
                copy.Write(row.ReaNumber);
                copy.Write(row.TaxCodeKey);
                copy.Write(row.Name);
                copy.Write(row.LegalForm);
                copy.Write(row.Status);
                copy.Write(row.Registered);
                copy.Write(row.Ceased);
                copy.Write(row.Ateco);
                copy.Write(row.Section);
                copy.Write(row.SectionRegistered);
                copy.Write(row.DigitalDrawer);
                copy.Write(row.DrawerActivated);
            }, ct);
        }
        else
        {
            await using var insert = new PreparedInsert(connection, tx, "stg_company", CompanyColumns);
            foreach (var row in rows)
            {
                insert.Set(0, documentId);
                insert.Set(1, row.RowNumber);
                insert.Set(2, row.Province);
                insert.Set(3, row.ReaNumber);
                insert.Set(4, row.TaxCodeKey);
                insert.Set(5, row.Name);
                insert.Set(6, row.LegalForm);
                insert.Set(7, row.Status);
                insert.Set(8, row.Registered is { } registered ? dialect.Date(registered) : null);
                insert.Set(9, row.Ceased is { } ceased ? dialect.Date(ceased) : null);
                insert.Set(10, row.Ateco);
                insert.Set(11, row.Section);
                insert.Set(12, row.SectionRegistered is { } section ? dialect.Date(section) : null);
                insert.Set(13, row.DigitalDrawer ? 1L : 0L);
                insert.Set(14, row.DrawerActivated is { } activated ? dialect.Date(activated) : null);
                await insert.ExecuteAsync(ct);
                Track(row);
            }
        }
        var year = latest?.Year;
        return new Staged(count, year, year);
    }

    /// <summary>
    /// Streams rows into a staging table by binary COPY (PostgreSQL). A reader or metric failing mid-file abandons
    /// the COPY instead of completing it half-written; cancellation is checked every 4096 rows.
    /// </summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string columns, short fields, IEnumerable<T> rows,
        Action<T> track, Action<PgBinaryCopyWriter, T> write, CancellationToken ct)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var copy = new PgBinaryCopyWriter(stream);
        try
        {
            long count = 0;
            foreach (var row in rows)
            {
                if ((count++ & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                copy.StartRow(fields);
                write(copy, row);
                track(row);
            }
            await copy.CompleteAsync(ct);
        }
        catch
        {
            await stream.CancelAsync();
            throw;
        }
    }
}
