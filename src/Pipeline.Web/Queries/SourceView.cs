using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Web.Queries;

/// <summary>One target or actual and the place it was read (a lineage row with its document).</summary>
public sealed class SourceValue
{
    public long LineageId { get; init; }
    public long KpiId { get; init; }
    public string Kpi { get; init; } = "";
    public string ChamberCode { get; init; } = "";
    public string ValueKind { get; init; } = "";
    public string Period { get; init; } = "";
    public string? Operator { get; init; }
    public decimal? Value { get; init; }
    public string? ValueText { get; init; }
    public long DocumentId { get; init; }
    public string FileName { get; init; } = "";
    public string FilePath { get; init; } = "";
    public string DocType { get; init; } = "";
    public string Family { get; init; } = "";
    public string Format { get; init; } = "";
    public string Sha256 { get; init; } = "";
    /// <summary>For a reviewed extraction (JSON): the SHA-256 of the original document it was made from.</summary>
    public string? SourceSha256 { get; init; }
    /// <summary>The original to show and download: the document's own bytes, or the original of a reviewed extraction.</summary>
    public string OriginalSha256 => SourceSha256 ?? Sha256;
    public int? Pages { get; init; }
    public bool IsCurrent { get; init; }
    public string SourceKind { get; init; } = "";
    public int? Page { get; init; }
    public string? Bbox { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }
    public long? RowFrom { get; init; }
    public long? RowTo { get; init; }
    public string? RawText { get; init; }
    public string? Detail { get; init; }
}

/// <summary>The Fonte page and <c>/api/fonti/{id}</c>: a value's source, for a value of a chamber in scope.</summary>
public sealed class SourceView(SqlDialect dialect)
{
    /// <summary>The value with lineage <paramref name="lineageId"/>; null when there is none.</summary>
    /// <exception cref="OutOfScopeException">The value is a chamber's outside <paramref name="scope"/>.</exception>
    public async Task<SourceValue?> LoadAsync(ChamberScope scope, long lineageId, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var value = await connection.QuerySingleOrDefaultAsync<SourceValue>(new CommandDefinition(
            """
            SELECT v.lineage_id AS LineageId, v.kpi_id AS KpiId, v.kpi AS Kpi, v.chamber_code AS ChamberCode, v.value_kind AS ValueKind,
                   v.period AS Period, v.operator AS Operator, v.value AS Value, v.value_text AS ValueText, v.document_id AS DocumentId,
                   v.file_name AS FileName, d.file_path AS FilePath, v.doc_type AS DocType, d.family AS Family, d.format AS Format,
                   v.document_sha256 AS Sha256, d.source_sha256 AS SourceSha256, d.pages AS Pages, v.is_current AS IsCurrent, v.source_kind AS SourceKind, v.page AS Page,
                   v.bbox AS Bbox, v.sheet AS Sheet, v.cell AS Cell, v.row_from AS RowFrom, v.row_to AS RowTo, v.raw_text AS RawText,
                   l.detail AS Detail
            FROM v_kpi_lineage v JOIN dim_document d ON d.document_id = v.document_id JOIN lineage l ON l.lineage_id = v.lineage_id
            WHERE v.lineage_id = @lineageId
            """, new { lineageId }, cancellationToken: ct));
        if (value is null) return null;
        scope.Require(value.ChamberCode);
        return value;
    }

    /// <summary>The rows a feed value counted, filtered (all, numerator, denominator-only; and a text every row shown contains).</summary>
    public async IAsyncEnumerable<CountedFeedRow> FeedRowsAsync(SourceValue value, FeedRowFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (FeedComputation.Parse(value.Detail) is not { } computation || FeedValueRows.MetricOf(computation) is not { } metric) yield break;
        await foreach (var row in new FeedValueRows(dialect).ReadAsync(value.DocumentId, metric, computation, ct))
            if (filter.Keeps(row)) yield return row;
    }
}

/// <summary>Which counted rows of a feed value to show: <c>tutte</c>, <c>numeratore</c>, <c>solo-denominatore</c>; and a text to look for.</summary>
public sealed record FeedRowFilter(string Part, string? Text)
{
    public static IReadOnlyList<string> Parts { get; } = ["tutte", "numeratore", "solo-denominatore"];

    public static FeedRowFilter Of(string? part, string? text) =>
        new(Parts.Contains(part) ? part! : "tutte", string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    public bool Keeps(CountedFeedRow row) =>
        (Part switch
        {
            "numeratore" => row.InNumerator == true,
            "solo-denominatore" => row.InNumerator == false,
            _ => true,
        }) && (Text is null || row.Fields.Any(f => f.Contains(Text, StringComparison.OrdinalIgnoreCase)));
}
