using Pipeline.Core.Feeds;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Archive;

namespace Pipeline.Warehouse.Feeds;

/// <summary>
/// One registry feed file to load. <see cref="Sha256"/> is of the file's bytes (its identity in the warehouse);
/// <see cref="Practices"/> (for <see cref="FeedKind.Practices"/>) or <see cref="Companies"/> (for
/// <see cref="FeedKind.Companies"/>) are the rows as read, enumerated once, lazily. <see cref="QuarantinedSoFar"/> is
/// called after the rows were enumerated and returns the rows the reader could not read.
/// <see cref="ComputeAfterStaging"/> is called with the new document id once the rows are staged, inside the load
/// transaction (it cannot see the staged rows from another connection: compute from what the stream carried).
/// </summary>
public sealed record FeedLoadRequest(
    string Path,
    string Sha256,
    FeedKind Kind,
    string ChamberCode,
    IEnumerable<PracticeRow>? Practices,
    IEnumerable<CompanyRow>? Companies,
    Func<IReadOnlyList<FeedRowError>> QuarantinedSoFar,
    Func<long, Task<IReadOnlyList<FeedMeasurement>>> ComputeAfterStaging,
    long? RunId = null)
{
    /// <summary>The file's bytes, archived with the load (streamed, never held whole); null: nothing is archived.</summary>
    public ArchiveSource? Source { get; init; }
}

/// <summary>
/// One value computed from a feed for a KPI and a period (a canonical period code: 2021, 2021-S1, …), written as a
/// <c>fact_kpi_measurement</c> row with a lineage row pointing at the feed rows <see cref="RowFrom"/>–<see cref="RowTo"/>.
/// <see cref="Raw"/> is the value as text; <see cref="Metric"/> and <see cref="Parameters"/> say how it was computed,
/// <see cref="Numerator"/> / <see cref="Denominator"/> the counts behind a ratio (null when not a ratio).
/// </summary>
public sealed record FeedMeasurement(
    long KpiId,
    string Period,
    decimal? Value,
    string Raw,
    string Metric,
    string Parameters,
    long? Numerator,
    long? Denominator,
    long RowFrom,
    long RowTo);

/// <summary>
/// What a feed load did: <see cref="LoadOutcome.Unchanged"/> (the same bytes were already loaded; the counts are 0
/// and <see cref="DocumentId"/> is the existing document), <see cref="LoadOutcome.Loaded"/> or
/// <see cref="LoadOutcome.Superseding"/> (with the document that became history).
/// </summary>
public sealed record FeedLoadResult(
    LoadOutcome Outcome,
    long DocumentId,
    long RowsStaged,
    long RowsQuarantined,
    int Measurements,
    long? SupersededDocumentId);

/// <summary>A feed file in the warehouse (a <c>dim_document</c> row with doc_type 'feed').</summary>
public sealed record FeedDocumentInfo(
    long DocumentId,
    string FileName,
    string FilePath,
    string Sha256,
    string Family,
    string ChamberCode,
    string LogicalKey,
    bool IsCurrent);

/// <summary>How feed values are stored in the staging tables.</summary>
internal static class FeedCodes
{
    public const string DocType = "feed";

    /// <summary>"feed-practices" / "feed-companies": dim_document.family of a feed file.</summary>
    public static string Family(FeedKind kind) => "feed-" + kind.ToCode();

    /// <summary>The record kind of a quarantined row: "practice" / "company".</summary>
    public static string RecordKind(FeedKind kind) => kind switch
    {
        FeedKind.Practices => "practice",
        FeedKind.Companies => "company",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The status as printed in the exports: EVASA, SOSPESA, RESPINTA, ANNULLATA, IN LAVORAZIONE.</summary>
    public static string ToText(PracticeStatus status) => status switch
    {
        PracticeStatus.Evasa => "EVASA",
        PracticeStatus.Sospesa => "SOSPESA",
        PracticeStatus.Respinta => "RESPINTA",
        PracticeStatus.Annullata => "ANNULLATA",
        PracticeStatus.InLavorazione => "IN LAVORAZIONE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PracticeStatus ParseStatus(string text) => text switch
    {
        "EVASA" => PracticeStatus.Evasa,
        "SOSPESA" => PracticeStatus.Sospesa,
        "RESPINTA" => PracticeStatus.Respinta,
        "ANNULLATA" => PracticeStatus.Annullata,
        "IN LAVORAZIONE" => PracticeStatus.InLavorazione,
        _ => throw new FormatException($"'{text}' is not a practice status"),
    };
}
