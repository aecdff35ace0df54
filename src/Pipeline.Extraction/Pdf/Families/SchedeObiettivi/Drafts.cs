using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>An objective being read.</summary>
internal sealed class ObjectiveDraft
{
    public required string Id { get; init; }
    public required string Level { get; init; }
    public string? Code { get; set; }
    public string Title { get; set; } = "";
    public ObjectiveDraft? Parent { get; set; }
    public List<string> OrgUnits { get; } = [];
    public string? Mission { get; set; }
    public string? Programme { get; set; }
    public SourceBox Box { get; } = new();

    public ExtractedObjective ToRecord() => new()
    {
        Id = Id,
        Code = Code,
        Level = Level,
        Title = Title,
        Parent = Parent?.Id,
        OrgUnits = OrgUnits,
        Mission = Mission,
        Programme = Programme,
        Source = Box.ToSource(),
    };
}

/// <summary>A KPI being read, from a table row or a label/value card.</summary>
internal sealed class KpiDraft
{
    public required string Id { get; init; }
    public required ObjectiveDraft Objective { get; init; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Heading { get; set; }
    public string? KpiType { get; set; }
    public string? Algorithm { get; set; }
    public string? Unit { get; set; }
    public string? SourceSystem { get; set; }
    public decimal? Weight { get; set; }
    public string? Frequency { get; set; }
    public string? Responsible { get; set; }
    public RawNumber? Baseline { get; set; }
    public List<ExtractedTarget> Targets { get; } = [];
    public List<ExtractedActual> Actuals { get; } = [];
    public SourceBox Box { get; } = new();

    public string DisplayName => Name ?? Heading ?? "";

    public ExtractedKpi ToRecord() => new()
    {
        Id = Id,
        Objective = Objective.Id,
        Code = Code,
        Name = DisplayName,
        KpiType = KpiType,
        Algorithm = Algorithm,
        Unit = Unit ?? Targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
        SourceSystem = SourceSystem,
        Weight = Weight,
        Frequency = Frequency,
        Responsible = Responsible,
        Baseline = Baseline,
        Targets = Targets,
        Actuals = Actuals,
        Source = Box.ToSource(),
    };
}
