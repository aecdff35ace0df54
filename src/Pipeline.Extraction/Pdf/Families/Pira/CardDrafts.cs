using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>Text gathered for one card field, with where it was printed (<see cref="SourceBox"/>: its first page).</summary>
public sealed class FieldText
{
    private readonly List<string> _parts = [];

    public string Text => string.Join(' ', _parts);
    public SourceBox Where { get; } = new();

    public void Add(int page, IReadOnlyList<PdfWord> words)
    {
        if (words.Count == 0) return;
        _parts.Add(string.Join(' ', words.Select(w => w.Text)));
        Where.Add(page, words);
    }
}

/// <summary>An objective card as read so far: opened by its TITOLO row.</summary>
public sealed class ObjectiveDraft(string? mission)
{
    public string? Mission { get; } = mission;
    /// <summary>The TITOLO row and the title's words.</summary>
    public SourceBox Where { get; } = new();
    public FieldText Title { get; } = new();
    public FieldText Responsible { get; } = new();
}

/// <summary>An indicator of a card as read so far: opened by its KPI row, whose label may hold a code and a qualifier.</summary>
public sealed class KpiDraft(int objective, string label, int page)
{
    /// <summary>Index of the card's objective among the document's objective drafts.</summary>
    public int Objective { get; } = objective;
    /// <summary>The KPI label as printed: "KPI", "KPISTD 166", "KPISTD 76 (Qualità/accessibilità multicanale)".</summary>
    public string Label { get; } = label;
    public int Page { get; } = page;
    /// <summary>The KPI row and the name's words.</summary>
    public SourceBox Where { get; } = new();
    public FieldText Name { get; } = new();
    public FieldText Algorithm { get; } = new();
    public FieldText Observed { get; } = new();
    public FieldText Expected { get; } = new();
    public FieldText Source { get; } = new();
}
