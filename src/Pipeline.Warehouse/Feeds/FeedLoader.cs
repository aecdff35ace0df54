using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Feeds;

/// <summary>
/// Loads one registry feed file in one transaction: a <c>dim_document</c> row (format 'csv', doc_type 'feed'), its rows
/// streamed into <c>stg_practice</c> / <c>stg_company</c> (binary COPY on PostgreSQL, one prepared INSERT on SQLite;
/// the rows are never held in memory), the unreadable rows in <c>quarantine</c>, and the measurements computed from
/// the feed as <c>fact_kpi_measurement</c> rows with lineage. The same bytes twice for a chamber change nothing (for
/// another chamber they are loaded again, as that chamber's feed); a new file with the same logical key
/// (<c>{chamber}|feed|{kind}|{firstYear}-{lastYear}</c>) supersedes the current one, whose measurements stay as
/// history and whose staged rows stay for the retention (<see cref="StagedRowsPurge"/>). The file itself
/// (<see cref="FeedLoadRequest.Source"/>) is archived in the same transaction, streamed (<see cref="SourceArchive"/>).
/// Any failure rolls the whole file back and propagates.
/// </summary>
public sealed class FeedLoader(SqlDialect dialect, TimeProvider? clock = null, SourceArchive? archive = null)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SourceArchive _archive = archive ?? SourceArchive.For(dialect, null, clock ?? TimeProvider.System);

    /// <summary>Loads the feed file of <paramref name="request"/>; see the type summary.</summary>
    /// <exception cref="LoadException">The feed cannot be loaded as a whole (unknown chamber, no dated row, …).</exception>
    public async Task<FeedLoadResult> LoadAsync(FeedLoadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Sha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ChamberCode);
        switch (request.Kind)
        {
            case FeedKind.Practices when request.Practices is null || request.Companies is not null:
                throw new ArgumentException("a practices feed carries Practices rows and no Companies rows", nameof(request));
            case FeedKind.Companies when request.Companies is null || request.Practices is not null:
                throw new ArgumentException("a companies feed carries Companies rows and no Practices rows", nameof(request));
        }
        if (request.Source is { } archived && !string.Equals(archived.Sha256, request.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"the bytes to archive ({archived.Sha256}) are not those loaded ({request.Sha256})", nameof(request));

        // the archive's folder file is written before the write gate: the copy does not hold SQLite's one writer
        await _archive.PrepareAsync(request.Source, ct);
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = new Session(connection, tx, ct);

        var chamberCode = request.ChamberCode.Trim().ToUpperInvariant();
        var chamberId = await session.ScalarAsync<long?>("SELECT chamber_id FROM dim_chamber WHERE code = @chamberCode", new { chamberCode })
            ?? throw new LoadException($"chamber {chamberCode} is not in dim_chamber; run 'pipeline init' first");

        // the same bytes for the same chamber change nothing; for another chamber they are a feed of that chamber,
        // with its own staged rows (not shared: each chamber's history is then removed on its own retention clock)
        var existing = await session.ScalarAsync<long?>(
            "SELECT document_id FROM dim_document WHERE sha256 = @sha AND chamber_id = @chamberId", new { sha = request.Sha256, chamberId });
        if (existing is { } existingId)
        {
            await tx.RollbackAsync(ct);
            return new FeedLoadResult(LoadOutcome.Unchanged, existingId, 0, 0, 0, null);
        }

        // The document row's plan and logical key depend on the years of the rows, known only once they are read; the
        // staged rows need the document id first. So the id is taken now, the rows are streamed (stg_* declare no
        // foreign key: see 0004_feeds.sql), and the document row is written with everything final afterwards.
        var documentId = await ReserveDocumentIdAsync(connection, tx, ct);
        var staging = new FeedStaging(dialect);
        var staged = request.Kind == FeedKind.Practices
            ? await staging.PracticesAsync(connection, tx, documentId, request.Practices!, ct)
            : await staging.CompaniesAsync(connection, tx, documentId, request.Companies!, ct);
        if (staged.FirstYear is not { } firstYear || staged.LastYear is not { } lastYear)
        {
            throw new LoadException(staged.Rows == 0
                ? $"the {request.Kind.ToCode()} feed {Path.GetFileName(request.Path)} has no readable row; nothing to load"
                : $"no row of the {request.Kind.ToCode()} feed {Path.GetFileName(request.Path)} has a date; its years are unknown");
        }

        // The plan adopted for the feed's latest year (the latest-starting one when cycles overlap), else a one-year plan.
        var planId = await session.ScalarAsync<long?>(
                """
                SELECT plan_id FROM dim_plan
                WHERE chamber_id = @chamberId AND cycle_from <= @lastYear AND cycle_to >= @lastYear AND cycle_to > cycle_from
                ORDER BY cycle_from DESC, cycle_to DESC LIMIT 1
                """, new { chamberId, lastYear })
            ?? await session.ScalarAsync<long>(
                """
                INSERT INTO dim_plan (chamber_id, cycle_from, cycle_to) VALUES (@chamberId, @lastYear, @lastYear)
                ON CONFLICT (chamber_id, cycle_from, cycle_to) DO UPDATE SET cycle_to = excluded.cycle_to
                RETURNING plan_id
                """, new { chamberId, lastYear });

        var logicalKey = $"{chamberCode}|{FeedCodes.DocType}|{request.Kind.ToCode()}|{firstYear}-{lastYear}";
        var previous = await session.ScalarAsync<long?>(
            "SELECT document_id FROM dim_document WHERE logical_key = @logicalKey AND is_current", new { logicalKey });
        if (previous is not null)
            await session.ExecuteAsync("UPDATE dim_document SET is_current = FALSE WHERE document_id = @previous", new { previous });
        await session.ExecuteAsync(
            """
            INSERT INTO dim_document (document_id, sha256, source_sha256, chamber_id, plan_id, file_name, file_path, format, family, doc_type,
                                      period_from, period_to, reported_period, logical_key, pages, supersedes_id, is_current, loaded_at, run_id)
            VALUES (@documentId, @Sha256, NULL, @chamberId, @planId, @fileName, @Path, 'csv', @family, @docType,
                    @firstYear, @lastYear, '', @logicalKey, NULL, @previous, TRUE, @loadedAt, @RunId)
            """,
            new
            {
                documentId, request.Sha256, chamberId, planId, fileName = Path.GetFileName(request.Path), request.Path,
                family = FeedCodes.Family(request.Kind), docType = FeedCodes.DocType, firstYear, lastYear, logicalKey, previous,
                loadedAt = dialect.Timestamp(_clock.GetUtcNow()), request.RunId,
            });
        if (previous is not null)
            await session.ExecuteAsync("UPDATE dim_document SET superseded_by_id = @documentId WHERE document_id = @previous", new { documentId, previous });
        if (request.Source is { } source) await _archive.StoreAsync(connection, tx, source, ct);

        var quarantined = request.QuarantinedSoFar();
        await QuarantineAsync(connection, tx, documentId, request, quarantined, ct);

        var measurements = await request.ComputeAfterStaging(documentId);
        var counts = new FeedCounts(request.Sha256, staged.Rows + quarantined.Count, staged.Rows, quarantined.Count);
        await WriteMeasurementsAsync(session, documentId, measurements, counts);

        await tx.CommitAsync(ct);
        return new FeedLoadResult(
            previous is null ? LoadOutcome.Loaded : LoadOutcome.Superseding, documentId, staged.Rows, quarantined.Count, measurements.Count, previous);
    }

    /// <summary>
    /// The id the new dim_document row will get. PostgreSQL: the next value of the identity sequence. SQLite: one more
    /// than the largest id (what SQLite itself would assign); the transaction is BEGIN IMMEDIATE, so no other writer
    /// can take it meanwhile.
    /// </summary>
    private static Task<long> ReserveDocumentIdAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => connection switch
    {
        NpgsqlConnection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('dim_document', 'document_id'))", transaction: tx, cancellationToken: ct)),
        SqliteConnection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(document_id), 0) + 1 FROM dim_document", transaction: tx, cancellationToken: ct)),
        _ => throw new NotSupportedException($"feed loading does not support {connection.GetType().Name}"),
    };

    private readonly record struct FeedCounts(string Sha256, long RowsRead, long RowsStaged, long RowsQuarantined);

    /// <summary>Writes the rows the reader could not read, through one command reused for every row.</summary>
    private async Task QuarantineAsync(
        DbConnection connection, DbTransaction tx, long documentId, FeedLoadRequest request, IReadOnlyList<FeedRowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0) return;
        await using var insert = new PreparedInsert(
            connection, tx, "quarantine", "run_id, document_id, file_path, location, record_kind, reason, raw, created_at");
        var recordKind = FeedCodes.RecordKind(request.Kind);
        var createdAt = dialect.Timestamp(_clock.GetUtcNow());
        foreach (var error in errors)
        {
            insert.Set(0, request.RunId);
            insert.Set(1, documentId);
            insert.Set(2, request.Path);
            insert.Set(3, $"row {error.RowNumber.ToString(CultureInfo.InvariantCulture)}");
            insert.Set(4, recordKind);
            insert.Set(5, error.Reason);
            insert.Set(6, error.Raw);
            insert.Set(7, createdAt);
            await insert.ExecuteAsync(ct);
        }
    }

    private async Task WriteMeasurementsAsync(Session session, long documentId, IReadOnlyList<FeedMeasurement> measurements, FeedCounts counts)
    {
        var periods = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = new HashSet<(long, string)>();
        foreach (var measurement in measurements)
        {
            if (!Period.TryParse(measurement.Period, out var period))
                throw new LoadException($"measurement {measurement.Metric} for KPI {measurement.KpiId} has period '{measurement.Period}', which is not a period code");
            if (!written.Add((measurement.KpiId, period.Code)))
                throw new LoadException($"two measurements for KPI {measurement.KpiId} and period {period.Code} in one feed");
            if (!periods.TryGetValue(period.Code, out var periodId))
            {
                periodId = await PeriodRows.IdAsync(dialect, period, (sql, args) => session.ScalarAsync<long?>(sql, args), session.CancellationToken);
                periods[period.Code] = periodId;
            }
            var detail = JsonSerializer.Serialize(new
            {
                feed_sha256 = counts.Sha256,
                metric = measurement.Metric,
                parameters = measurement.Parameters,
                period = period.Code,
                numerator = measurement.Numerator,
                denominator = measurement.Denominator,
                rows_read = counts.RowsRead,
                rows_staged = counts.RowsStaged,
                rows_quarantined = counts.RowsQuarantined,
            }, Compact);
            var lineageId = await session.ScalarAsync<long>(
                """
                INSERT INTO lineage (document_id, field, kind, page, bbox, sheet, cell, row_from, row_to, raw_text, detail)
                VALUES (@documentId, 'measurement', 'rows', NULL, NULL, NULL, NULL, @RowFrom, @RowTo, @Raw, @detail)
                RETURNING lineage_id
                """,
                new { documentId, measurement.RowFrom, measurement.RowTo, measurement.Raw, detail });
            await session.ExecuteAsync(
                """
                INSERT INTO fact_kpi_measurement (document_id, kpi_id, period_id, value_num, value_flag, value_date, raw, lineage_id)
                VALUES (@documentId, @KpiId, @periodId, @value, NULL, NULL, @Raw, @lineageId)
                """,
                new { documentId, measurement.KpiId, periodId, value = dialect.Number(measurement.Value), measurement.Raw, lineageId });
        }
    }

    /// <summary>The open connection and transaction of one load, for the few statements run once per file.</summary>
    private sealed class Session(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        public CancellationToken CancellationToken => ct;

        public Task<T?> ScalarAsync<T>(string sql, object? args) =>
            connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));

        public Task<int> ExecuteAsync(string sql, object? args) =>
            connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }
}
