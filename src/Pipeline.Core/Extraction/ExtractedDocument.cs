using Pipeline.Core.Values;

namespace Pipeline.Core.Extraction;

/// <summary>
/// The canonical output of every extractor (contract pipeline.extraction/1). The warehouse loads only this.
/// </summary>
public sealed record ExtractedDocument
{
    public const string SchemaId = "pipeline.extraction/1";

    public string Schema { get; init; } = SchemaId;
    public required DocumentInfo Document { get; init; }
    public IReadOnlyList<ExtractedObjective> Objectives { get; init; } = [];
    public IReadOnlyList<ExtractedKpi> Kpis { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record DocumentInfo
{
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>pdf | xlsx | xls | csv</summary>
    public required string Format { get; init; }
    public required string Family { get; init; }
    /// <summary>Chamber name as found in the document; null when not found.</summary>
    public string? Chamber { get; init; }
    /// <summary>piano | monitoraggio | relazione | pira | other</summary>
    public required string DocType { get; init; }
    public int? PeriodFrom { get; init; }
    public int? PeriodTo { get; init; }
    public int? Pages { get; init; }
}

public sealed record ExtractedObjective
{
    public required string Id { get; init; }
    public string? Code { get; init; }
    /// <summary>area | strategic | programme | operational | action | individual</summary>
    public required string Level { get; init; }
    public required string Title { get; init; }
    public string? Parent { get; init; }
    public decimal? Weight { get; init; }
    public IReadOnlyList<string> OrgUnits { get; init; } = [];
    public string? Mission { get; init; }
    public string? Programme { get; init; }
    public decimal? ReportedAchievement { get; init; }
    public SourceRef? Source { get; init; }
}

public sealed record ExtractedKpi
{
    public required string Id { get; init; }
    public string? Objective { get; init; }
    public string? Code { get; init; }
    public required string Name { get; init; }
    public string? KpiType { get; init; }
    public string? Algorithm { get; init; }
    public string? Unit { get; init; }
    public string? SourceSystem { get; init; }
    public decimal? Weight { get; init; }
    public string? Frequency { get; init; }
    public string? Responsible { get; init; }
    public RawNumber? Baseline { get; init; }
    public IReadOnlyList<ExtractedTarget> Targets { get; init; } = [];
    public IReadOnlyList<ExtractedActual> Actuals { get; init; } = [];
    public decimal? ReportedAchievement { get; init; }
    public SourceRef? Source { get; init; }
}

/// <summary>A raw text and the number read from it (null when it held none).</summary>
public sealed record RawNumber(string Raw, decimal? Value);

/// <summary>One target of a KPI for one period. <see cref="Source"/> is where this value itself was read.</summary>
public sealed record ExtractedTarget(string Period, TargetValue Value, SourceRef? Source = null)
{
    public string Raw => Value.Raw;

    /// <summary>
    /// The KPI's weight for this period when the document prints one weight per period (a plan whose tables have a
    /// "Peso %" column per year); null otherwise (the KPI's own weight applies).
    /// </summary>
    public decimal? Weight { get; init; }
}

/// <summary>
/// One measured value. <see cref="Value"/> is numeric for numbers and percentages; <see cref="Date"/> is set
/// for the date a deadline was met; <see cref="Flag"/> for yes/no results; all null for text results.
/// </summary>
public sealed record ExtractedActual(string Period, string Raw, decimal? Value, SourceRef? Source = null)
{
    public DateOnly? Date { get; init; }
    public bool? Flag { get; init; }
}
