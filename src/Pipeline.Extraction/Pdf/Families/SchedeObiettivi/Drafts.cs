using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>A rectangle on one page grown from the lines and cells that make up a record.</summary>
internal sealed class Box
{
    public int Page { get; private set; }
    private double _x0 = double.MaxValue, _y0 = double.MaxValue, _x1 = double.MinValue, _y1 = double.MinValue;

    public bool IsEmpty => Page == 0;

    public void Add(int page, double x0, double y0, double x1, double y1)
    {
        if (x1 <= x0 && y1 <= y0) return;
        if (Page == 0) Page = page;
        if (page != Page) return; // provenance points at the page where the record starts
        _x0 = Math.Min(_x0, x0);
        _y0 = Math.Min(_y0, y0);
        _x1 = Math.Max(_x1, x1);
        _y1 = Math.Max(_y1, y1);
    }

    public void Add(LayoutLine line) => Add(line.Page, line.X0, line.Y0, line.X1, line.Y1);

    public void Add(int page, IReadOnlyList<PdfWord> words)
    {
        if (words.Count == 0) return;
        Add(page, words.Min(w => w.X0), words.Min(w => w.Y0), words.Max(w => w.X1), words.Max(w => w.Y1));
    }

    public SourceRef? ToSource() => IsEmpty
        ? null
        : SourceRef.ForPage(Page, [Math.Round(_x0, 1), Math.Round(_y0, 1), Math.Round(_x1, 1), Math.Round(_y1, 1)]);
}

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
    public Box Box { get; } = new();

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
    public Box Box { get; } = new();

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
