using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Feeds;

/// <summary>What a purge removed: the superseded feeds whose staged rows went, and how many rows.</summary>
public sealed record StagedRowsPurgeResult(IReadOnlyList<long> Documents, long Rows);

/// <summary>
/// Bounded history of the registry feeds: the staged rows (<c>stg_practice</c>, <c>stg_company</c>) of a feed
/// superseded longer ago than the retention (the loading time of the version that superseded it) are removed and the
/// time recorded on its document (<c>rows_removed_at</c>). Its document, measurements, lineage (file sha256, metric,
/// parameters, counts) and quarantined rows stay; <c>pipeline trace</c> says the rows were removed and when. A current
/// feed keeps its rows however old. Finding nothing to remove reads one partial index (<c>ix_document_feed_rows_kept</c>)
/// and writes nothing. Each feed is removed in its own transaction; two runs removing the same feed at once keep the
/// first time. SQLite reuses the freed pages for the next
/// rows it writes (the file does not shrink, it stops growing); PostgreSQL's autovacuum does the same for its tables.
/// </summary>
public sealed class StagedRowsPurge(SqlDialect dialect, TimeProvider? clock = null)
{
    /// <summary>The retention when none is configured: 30 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Removes the staged rows of every feed superseded more than <paramref name="retention"/> ago: of the chamber
    /// <paramref name="chamberCode"/> (a chamber's run purges its own feeds), or of every chamber when null.
    /// </summary>
    public async Task<StagedRowsPurgeResult> PurgeAsync(TimeSpan retention, string? chamberCode = null, CancellationToken ct = default)
    {
        if (retention < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retention), retention, "a retention is not negative");
        var now = _clock.GetUtcNow();
        var cutoff = dialect.Timestamp(now - retention);
        await using var connection = await dialect.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT d.document_id FROM dim_document d
            JOIN dim_document n ON n.document_id = d.superseded_by_id
            WHERE d.doc_type = 'feed' AND d.rows_removed_at IS NULL AND d.superseded_by_id IS NOT NULL AND n.loaded_at < @cutoff
              AND (@code IS NULL OR d.chamber_id = (SELECT chamber_id FROM dim_chamber WHERE code = @code))
            ORDER BY d.document_id
            """, new { cutoff, code = chamberCode?.Trim().ToUpperInvariant() }, cancellationToken: ct))).ToList();
        long rows = 0;
        foreach (var documentId in due)
        {
            await using var writing = await dialect.Writes.EnterAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // stg_* is keyed (document_id, row_number): each DELETE reads only its feed's rows
            rows += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM stg_practice WHERE document_id = @documentId", new { documentId }, tx, cancellationToken: ct));
            rows += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM stg_company WHERE document_id = @documentId", new { documentId }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE dim_document SET rows_removed_at = @at WHERE document_id = @documentId AND rows_removed_at IS NULL",
                new { documentId, at = dialect.Timestamp(now) }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        return new StagedRowsPurgeResult(due, rows);
    }
}
