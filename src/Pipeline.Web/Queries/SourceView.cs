using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Web.Queries;

/// <summary>
/// One target or actual and the place it was read (<see cref="TracedValue"/>, the lineage row's columns, as
/// <c>pipeline trace</c> reads them), with what the Fonte page adds: its KPI and chamber, and its document's file,
/// family, format, pages and the original a reviewed extraction was made from.
/// </summary>
public sealed class SourceValue : TracedValue
{
    public long KpiId { get; init; }
    public string Kpi { get; init; } = "";
    public string ChamberCode { get; init; } = "";
    public string FilePath { get; init; } = "";
    public string Family { get; init; } = "";
    public string Format { get; init; } = "";
    /// <summary>For a reviewed extraction (JSON): the SHA-256 of the original document it was made from.</summary>
    public string? SourceSha256 { get; init; }
    /// <summary>The original to show and download: the document's own bytes, or the original of a reviewed extraction.</summary>
    public string OriginalSha256 => SourceSha256 ?? DocumentSha256;
    public int? Pages { get; init; }
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
            $"""
            SELECT {TracedValue.Columns},
                   v.kpi_id AS KpiId, v.kpi AS Kpi, v.chamber_code AS ChamberCode, d.file_path AS FilePath, d.family AS Family,
                   d.format AS Format, d.source_sha256 AS SourceSha256, d.pages AS Pages, l.detail AS Detail
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
