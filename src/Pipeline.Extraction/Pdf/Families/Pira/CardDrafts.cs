using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>Text gathered for one card field, with where it was printed (the first page it is on, and its box there).</summary>
public sealed class FieldText
{
    private readonly List<string> _parts = [];

    public string Text => string.Join(' ', _parts);
    public int Page { get; private set; }
    public Box? Box { get; private set; }

    public void Add(int page, IReadOnlyList<PdfWord> words)
    {
        if (words.Count == 0) return;
        _parts.Add(string.Join(' ', words.Select(w => w.Text)));
        var box = Layout.Box.Of(words);
        if (Box is null) (Page, Box) = (page, box);
        else if (page == Page) Box = Box.Value.Union(box);
    }
}

/// <summary>An objective card as read so far: opened by its TITOLO row.</summary>
public sealed class ObjectiveDraft(string? mission, int page, Box box)
{
    public string? Mission { get; } = mission;
    public int Page { get; } = page;
    public Box Box { get; } = box;
    public FieldText Title { get; } = new();
    public FieldText Responsible { get; } = new();
}

/// <summary>An indicator of a card as read so far: opened by its KPI row, whose label may hold a code and a qualifier.</summary>
public sealed class KpiDraft(int objective, string label, int page, Box box)
{
    /// <summary>Index of the card's objective among the document's objective drafts.</summary>
    public int Objective { get; } = objective;
    /// <summary>The KPI label as printed: "KPI", "KPISTD 166", "KPISTD 76 (Qualità/accessibilità multicanale)".</summary>
    public string Label { get; } = label;
    public int Page { get; } = page;
    public Box Box { get; } = box;
    public FieldText Name { get; } = new();
    public FieldText Algorithm { get; } = new();
    public FieldText Observed { get; } = new();
    public FieldText Expected { get; } = new();
    public FieldText Source { get; } = new();
}
