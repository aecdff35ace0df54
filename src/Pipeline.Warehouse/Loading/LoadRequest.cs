using Pipeline.Core.Extraction;
using Pipeline.Core.Review;
using Pipeline.Warehouse.Archive;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// One file to load. <see cref="Sha256"/> is of the bytes read (the file's identity in the warehouse);
/// <see cref="ChamberCode"/> overrides the chamber the document names (<c>--chamber</c>).
/// </summary>
public sealed record LoadRequest(ExtractedDocument Document, string FilePath, string Sha256)
{
    public string? ChamberCode { get; init; }
    public long? RunId { get; init; }
    /// <summary>For a reviewed extraction JSON: the sha256 of the original document it was read from.</summary>
    public string? SourceSha256 { get; init; }
    /// <summary>Manual KPI matches (config/kpi-matches.json): they win over the automatic ones.</summary>
    public IReadOnlyList<KpiManualMatch> KpiMatches { get; init; } = [];
    /// <summary>When a new version is held for review instead of superseding (config/review.json).</summary>
    public ReviewThresholds Review { get; init; } = ReviewThresholds.Default;

    /// <summary>
    /// The bytes loaded (their sha256 is <see cref="Sha256"/>), archived with the load (<see cref="SourceArchive"/>); for
    /// a reviewed extraction, its JSON. Null: nothing is archived (a load made without a file, as tests make them).
    /// </summary>
    public ArchiveSource? Source { get; init; }
}

/// <summary>
/// A KPI a document names <see cref="Name"/> is the KPI <see cref="Kpi"/> (a code or a name) of the chamber's plan —
/// of the plan <see cref="PlanFrom"/>–<see cref="PlanTo"/> when given, of any plan otherwise.
/// </summary>
public sealed record KpiManualMatch(string Chamber, string Name, string Kpi, int? PlanFrom = null, int? PlanTo = null);

public enum LoadOutcome
{
    /// <summary>A document never seen before.</summary>
    Loaded,
    /// <summary>A new version of a document already loaded; the old version became history.</summary>
    Superseding,
    /// <summary>These exact bytes were already loaded; nothing changed.</summary>
    Unchanged,
    /// <summary>A suspect new version: stored, not current, until <c>pipeline review accept</c> (<see cref="LoadResult.HeldReasons"/>).</summary>
    Held,
}

public sealed record LoadResult(
    LoadOutcome Outcome,
    long DocumentId,
    string ChamberCode,
    int Objectives,
    int Kpis,
    int Targets,
    int Actuals,
    int ReportedAchievements,
    int Quarantined,
    long? SupersededDocumentId,
    IReadOnlyList<string> Warnings)
{
    public int FactsWritten => Targets + Actuals + ReportedAchievements;

    /// <summary>Why a held version was held (one reason a line); empty otherwise.</summary>
    public IReadOnlyList<string> HeldReasons { get; init; } = [];

    /// <summary>For a held version: the version that stays current.</summary>
    public long? CurrentDocumentId { get; init; }
}

/// <summary>A document that cannot be loaded as a whole (no chamber, no period, …). Nothing of it was written.</summary>
public sealed class LoadException(string message, Exception? inner = null) : Exception(message, inner);
