using Pipeline.Warehouse.Archive;

namespace Pipeline.Warehouse.Queries;

/// <summary>One target or actual of a KPI and where it was read (a row of <c>v_kpi_lineage</c>): the row type of a lineage value.</summary>
public class TracedValue
{
    /// <summary>
    /// The columns of a value, from <c>v_kpi_lineage</c> aliased <c>v</c>: every query that reads lineage rows as
    /// values selects these (<c>pipeline trace</c>, the web app's source page, which adds its own).
    /// </summary>
    public const string Columns = """
        v.value_kind AS ValueKind, v.period AS Period, v.operator AS Operator, v.value AS Value, v.value_text AS ValueText,
        v.document_id AS DocumentId, v.file_name AS FileName, v.doc_type AS DocType, v.document_sha256 AS DocumentSha256,
        v.is_current AS IsCurrent, v.lineage_id AS LineageId, v.source_kind AS SourceKind, v.page AS Page, v.bbox AS Bbox,
        v.sheet AS Sheet, v.cell AS Cell, v.row_from AS RowFrom, v.row_to AS RowTo, v.raw_text AS RawText,
        (SELECT rd.review_status FROM dim_document rd WHERE rd.document_id = v.document_id) AS ReviewStatus
        """;

    public string ValueKind { get; init; } = "";
    public string Period { get; init; } = "";
    public string? Operator { get; init; }
    public decimal? Value { get; init; }
    public string? ValueText { get; init; }
    public long DocumentId { get; init; }
    public string FileName { get; init; } = "";
    public string DocType { get; init; } = "";
    public string DocumentSha256 { get; init; } = "";
    public bool IsCurrent { get; init; }
    /// <summary>held or rejected for a version held for review (docs/review.md), else null.</summary>
    public string? ReviewStatus { get; init; }
    /// <summary>current, superseded, held (waiting for review) or rejected.</summary>
    public string Version => IsCurrent ? "current" : ReviewStatus is "held" or "rejected" ? ReviewStatus : "superseded";
    public long LineageId { get; init; }
    public string SourceKind { get; init; } = "";
    public int? Page { get; init; }
    public string? Bbox { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }
    public long? RowFrom { get; init; }
    public long? RowTo { get; init; }
    public string? RawText { get; init; }

    /// <summary>For a value computed from a feed: the metric, its parameters and the row counts (lineage detail, JSON).</summary>
    public string? Detail { get; set; }

    /// <summary>For a value computed from a feed: the staged rows that made it (null once they were removed).</summary>
    public TracedFeedRows? FeedRows { get; set; }

    /// <summary>
    /// For a value computed from a superseded feed: when its staged rows were removed after the retention
    /// (docs/feeds.md); the value, its lineage and <see cref="Detail"/> stay. Null while the rows are there.
    /// </summary>
    public DateTimeOffset? RowsRemovedAt { get; set; }

    /// <summary>
    /// Where the document's bytes are archived (docs/operations.md "Archive"): the original a page or cell is shown
    /// from, and for a feed the file that keeps its rows after the staged ones were removed. Null: not archived (loaded
    /// before the archive, or its entry is missing).
    /// </summary>
    public ArchiveEntry? Archived { get; set; }

    /// <summary>"Foglio1!E12", "p. 9 [56.7,120.2,540.1,131]", "rows 10-42".</summary>
    public string Location => SourceKind switch
    {
        "cell" => $"{Sheet}!{Cell}",
        "page" => Bbox is null ? $"p. {Page}" : $"p. {Page} [{Bbox}]",
        "rows" => RowTo is null || RowTo == RowFrom ? $"row {RowFrom}" : $"rows {RowFrom}-{RowTo}",
        _ => "(no position recorded)",
    };
}
