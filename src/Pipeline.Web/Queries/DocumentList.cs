using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Web.Queries;

/// <summary>One version of a logical document: the file, its place among the versions, why it was held and the decision.</summary>
public sealed class DocumentVersion
{
    public long DocumentId { get; init; }
    public string Chamber { get; init; } = "";
    public string LogicalKey { get; init; } = "";
    public string DocType { get; init; } = "";
    public string Family { get; init; } = "";
    public string Format { get; init; } = "";
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public int? Pages { get; init; }
    public string LoadedAt { get; init; } = "";
    public bool IsCurrent { get; init; }
    public long? SupersedesId { get; init; }
    public string? SupersedesFile { get; init; }
    public long? SupersededById { get; init; }
    public string? ReviewStatus { get; init; }
    public string? ReviewReasons { get; init; }
    public string? ReviewedBy { get; init; }
    public string? ReviewedAt { get; init; }

    /// <summary>current, superseded, held or rejected (as <c>pipeline trace</c> names a version).</summary>
    public string Version => IsCurrent ? "current" : ReviewStatus is "held" or "rejected" ? ReviewStatus : "superseded";
}

/// <summary>The Documenti page and <c>/api/documenti</c>: every version of every logical document of the chambers in scope.</summary>
public sealed class DocumentList(SqlDialect dialect)
{
    public async Task<IReadOnlyList<DocumentVersion>> ListAsync(ChamberScope scope, string? chamber, CancellationToken ct = default)
    {
        if (chamber is not null) scope.Require(chamber);
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<DocumentVersion>(new CommandDefinition(
            """
            SELECT d.document_id AS DocumentId, c.code AS Chamber, d.logical_key AS LogicalKey, d.doc_type AS DocType, d.family AS Family,
                   d.format AS Format, d.file_name AS FileName, d.sha256 AS Sha256, d.pages AS Pages, CAST(d.loaded_at AS TEXT) AS LoadedAt,
                   d.is_current AS IsCurrent, d.supersedes_id AS SupersedesId, s.file_name AS SupersedesFile, d.superseded_by_id AS SupersededById,
                   d.review_status AS ReviewStatus, d.review_reasons AS ReviewReasons, d.reviewed_by AS ReviewedBy, CAST(d.reviewed_at AS TEXT) AS ReviewedAt
            FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            LEFT JOIN dim_document s ON s.document_id = d.supersedes_id
            WHERE (@chamber IS NULL OR c.code = @chamber)
            ORDER BY c.code, d.logical_key, d.document_id
            """, new { chamber }, cancellationToken: ct));
        return scope.Filter(rows, r => r.Chamber);
    }
}
