using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>One label/value row of a detail card: the lines of its label and of its value, and where they were printed.</summary>
internal sealed class CardRow
{
    public List<string> Label { get; } = [];
    public List<string> Value { get; } = [];
    public SourceBox Box { get; } = new();
    public SourceBox ValueBox { get; } = new();
    /// <summary>The row starts with no known label (prose, a stray line): it is read and dropped.</summary>
    public bool Unknown { get; init; }
    public int Page { get; init; }
}

/// <summary>
/// Groups the lines of the detail cards into label/value rows: a line whose label part starts a known label opens a
/// row, a label wrapped in a narrow column goes on, and lines close below continue the row's label and value.
/// </summary>
internal sealed class CardRows(CardColumns columns)
{
    private CardRow? _row;

    /// <summary>A row with a known label is being read.</summary>
    public bool InKnownRow => _row is { Unknown: false };

    /// <summary>Reads one line; a row it closes goes to <paramref name="finished"/>.</summary>
    public void Read(LayoutLine line, bool close, Action<CardRow> finished)
    {
        var (label, value, straddles) = columns.Split(line);
        // a label wrapped in a narrow column ("Nome" / "indicatore") goes on, though its second line is a label too
        var wrapsLabel = close && !straddles && label.Count > 0 && _row is { Unknown: false } open && open.Label.Count > 0
            && CompletesLabel(TextKey.Normalize(string.Join(' ', open.Label) + " " + string.Join(' ', label.Select(w => w.Text))));
        if (!wrapsLabel && columns.IsRowStart(line))
        {
            if (Finish() is { } done) finished(done);
            _row = new CardRow { Page = line.Page };
        }
        else if (straddles || _row is null || (label.Count > 0 && !close))
        {
            if (Finish() is { } done) finished(done);
            _row = new CardRow { Page = line.Page, Unknown = true };
        }
        var row = _row;
        if (label.Count > 0) row.Label.Add(string.Join(' ', label.Select(w => w.Text)));
        if (value.Count > 0)
        {
            row.Value.Add(string.Join(' ', value.Select(w => w.Text)));
            row.ValueBox.Add(line.Page, value);
        }
        row.Box.Add(line);
    }

    /// <summary>Closes the row being read and returns it, or null when there is none or its label is unknown.</summary>
    public CardRow? Finish()
    {
        var row = _row;
        _row = null;
        return row is { Unknown: false } ? row : null;
    }
}
