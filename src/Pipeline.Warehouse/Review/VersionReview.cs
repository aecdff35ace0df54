using System.Globalization;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Review;

/// <summary>A version held for review, or decided: the file, the version it would replace, why it was held, the decision.</summary>
public sealed record HeldVersion(
    long DocumentId, string Chamber, string DocType, string FileName, string Sha256, string LogicalKey, string LoadedAt,
    long? CurrentDocumentId, string? CurrentFileName, IReadOnlyList<string> Reasons, string Status, string? ReviewedBy, string? ReviewedAt);

/// <summary>What a decision did: the version decided and, when accepted, the version it superseded.</summary>
public sealed record ReviewDecision(HeldVersion Version, string Status, long? Superseded);

/// <summary>A document reference that names no held version, or more than one; nothing was changed.</summary>
public sealed class ReviewException(string message) : Exception(message);

/// <summary>
/// <c>pipeline review</c>: the versions held for review (docs/review.md) and the decision on one, recorded with who
/// and when. Accept: the held version becomes current and the version that was current is superseded by it (history,
/// as any superseded version); the KPIs it describes take its unit, type, algorithm and source system. Reject: it
/// stays as history, never current. Either way its open <c>version-held</c> alert is resolved. One transaction.
/// </summary>
public sealed class VersionReview(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private const string Select =
        """
        SELECT d.document_id AS DocumentId, c.code AS Chamber, d.doc_type AS DocType, d.file_name AS FileName, d.sha256 AS Sha256,
               d.logical_key AS LogicalKey, d.loaded_at AS LoadedAt, cur.document_id AS CurrentDocumentId, cur.file_name AS CurrentFileName,
               d.review_reasons AS Reasons, d.review_status AS Status, d.reviewed_by AS ReviewedBy, d.reviewed_at AS ReviewedAt
        FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
        LEFT JOIN dim_document cur ON cur.logical_key = d.logical_key AND cur.is_current
        """;

    /// <summary>The versions waiting for a decision (<paramref name="all"/>: the decided ones too), oldest first.</summary>
    public async Task<IReadOnlyList<HeldVersion>> ListAsync(bool all = false, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + (all ? " WHERE d.review_status IS NOT NULL" : " WHERE d.review_status = 'held'") + " ORDER BY d.document_id",
            cancellationToken: ct));
        return rows.Select(r => r.ToVersion()).ToList();
    }

    /// <summary>The held version a reference names: its document id, its file name, or a prefix (8 or more) of its sha256.</summary>
    /// <exception cref="ReviewException">No held version, or several, match.</exception>
    public async Task<HeldVersion> FindAsync(string reference, CancellationToken ct = default)
    {
        var held = await ListAsync(all: false, ct);
        var matches = long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? held.Where(h => h.DocumentId == id).ToList()
            : held.Where(h => string.Equals(h.FileName, reference, StringComparison.OrdinalIgnoreCase) || string.Equals(Path.GetFileName(reference), h.FileName, StringComparison.OrdinalIgnoreCase)
                              || (reference.Length >= 8 && h.Sha256.StartsWith(reference, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ReviewException($"'{reference}' names no version held for review ({held.Count} held; 'pipeline review' lists them)"),
            _ => throw new ReviewException($"'{reference}' names {matches.Count} held versions ({string.Join(", ", matches.Select(m => m.DocumentId))}): give the document id"),
        };
    }

    /// <summary>Accepts (<paramref name="accept"/>) or rejects the held version <paramref name="documentId"/>, recorded as decided by <paramref name="by"/> now.</summary>
    /// <exception cref="ReviewException">The document is not held (decided already, or never held), or (accept) a newer version became current after it was held.</exception>
    public async Task<ReviewDecision> DecideAsync(long documentId, bool accept, string by, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        CommandDefinition Q(string sql, object? args) => new(sql, args, tx, cancellationToken: ct);

        var version = (await connection.QueryAsync<Row>(Q(Select + " WHERE d.document_id = @documentId", new { documentId }))).FirstOrDefault()?.ToVersion();
        if (version is null || version.Status != "held")
            throw new ReviewException(version is null ? $"document {documentId} does not exist" : $"document {documentId} is not held for review (it is {version.Status})");
        var at = dialect.Timestamp(_clock.GetUtcNow());
        var status = accept ? "accepted" : "rejected";
        long? superseded = null;
        if (accept)
        {
            superseded = version.CurrentDocumentId;
            // a clean version that arrived after this one was held is newer: accepting would put an older version back
            if (superseded > documentId)
                throw new ReviewException($"document {documentId} was held before document {superseded} became current: a newer version is current, reject this one");
            if (superseded is not null)
                await connection.ExecuteAsync(Q("UPDATE dim_document SET is_current = FALSE, superseded_by_id = @documentId WHERE document_id = @superseded", new { documentId, superseded }));
            await connection.ExecuteAsync(Q("UPDATE dim_document SET is_current = TRUE, supersedes_id = COALESCE(@superseded, supersedes_id) WHERE document_id = @documentId", new { documentId, superseded }));
            // what the loader would have written on the KPIs had the version not been held
            await connection.ExecuteAsync(Q(
                """
                UPDATE dim_kpi SET
                    unit = COALESCE((SELECT dk.unit FROM doc_kpi dk WHERE dk.document_id = @documentId AND dk.kpi_id = dim_kpi.kpi_id), unit),
                    kpi_type = COALESCE((SELECT dk.kpi_type FROM doc_kpi dk WHERE dk.document_id = @documentId AND dk.kpi_id = dim_kpi.kpi_id), kpi_type),
                    algorithm = COALESCE((SELECT dk.algorithm FROM doc_kpi dk WHERE dk.document_id = @documentId AND dk.kpi_id = dim_kpi.kpi_id), algorithm),
                    source_system = COALESCE((SELECT dk.source_system FROM doc_kpi dk WHERE dk.document_id = @documentId AND dk.kpi_id = dim_kpi.kpi_id), source_system)
                WHERE kpi_id IN (SELECT kpi_id FROM doc_kpi WHERE document_id = @documentId)
                """, new { documentId }));
        }
        await connection.ExecuteAsync(Q(
            "UPDATE dim_document SET review_status = @status, reviewed_by = @by, reviewed_at = @at WHERE document_id = @documentId",
            new { status, by, at, documentId }));
        await connection.ExecuteAsync(Q(
            "UPDATE alert SET status = 'resolved', resolved_at = @at WHERE rule = 'version-held' AND subject = @subject AND status <> 'resolved'",
            new { at, subject = $"doc:{documentId}" }));
        await tx.CommitAsync(ct);
        return new ReviewDecision(version with { Status = status, ReviewedBy = by }, status, superseded);
    }

    private sealed class Row
    {
        public long DocumentId { get; init; }
        public string Chamber { get; init; } = "";
        public string DocType { get; init; } = "";
        public string FileName { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public string LogicalKey { get; init; } = "";
        public object LoadedAt { get; init; } = "";
        public long? CurrentDocumentId { get; init; }
        public string? CurrentFileName { get; init; }
        public string? Reasons { get; init; }
        public string Status { get; init; } = "";
        public string? ReviewedBy { get; init; }
        public object? ReviewedAt { get; init; }

        public HeldVersion ToVersion() => new(DocumentId, Chamber, DocType, FileName, Sha256, LogicalKey, Stamp(LoadedAt)!,
            CurrentDocumentId == DocumentId ? null : CurrentDocumentId, CurrentDocumentId == DocumentId ? null : CurrentFileName,
            (Reasons ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), Status, ReviewedBy, Stamp(ReviewedAt));

        private static string? Stamp(object? value) => value switch
        {
            null => null,
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
