using Pipeline.Core.Text;
namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>A run of words on one visual line whose gaps are narrow: one table cell or one phrase.</summary>
public sealed record TextSegment(string Text, double X0, double Y0, double X1, double Y1)
{
    public IReadOnlyList<double> Bbox => [X0, Y0, X1, Y1];
}

/// <summary>
/// One visual line of a page: the words whose vertical extents overlap, left to right, whatever text run they came
/// from (the cells of one table row are separate runs). Its extent and text are computed once, when its words are
/// set: readers ask for them over and over.
/// </summary>
public sealed record LayoutLine
{
    private readonly IReadOnlyList<PdfWord> _words = [];
    private IReadOnlyList<TextSegment>? _segments;
    private string? _key;

    public LayoutLine(int page, IReadOnlyList<PdfWord> words)
    {
        Page = page;
        Words = words;
    }

    public int Page { get; init; }

    public IReadOnlyList<PdfWord> Words
    {
        get => _words;
        init
        {
            _words = value;
            _segments = null;
            _key = null;
            if (value.Count > 0) (X0, Y0, X1, Y1) = Box.Of(value);
            Text = string.Join(' ', value.Select(w => w.Text));
        }
    }

    public double X0 { get; private init; }
    public double X1 { get; private init; }
    /// <summary>
    /// Top and bottom of the line: its words' extent, or the slot the line was given when a table row was stacked
    /// top-aligned (<see cref="Band"/>); the words keep their own boxes either way.
    /// </summary>
    public double Y0 { get; private init; }
    public double Y1 { get; private init; }

    /// <summary>The vertical slot of a line rebuilt from a table row's cells (see <see cref="RowStacker"/>); null for a plain line.</summary>
    public (double Y0, double Y1)? Band
    {
        get => _band;
        init
        {
            _band = value;
            if (value is { } band) (Y0, Y1) = band;
        }
    }

    private readonly (double Y0, double Y1)? _band;
    public string Text { get; private init; } = "";

    /// <summary>The line's comparison key (<see cref="TextKey.Normalize"/> of its text), made once: every family's recognition and reading asks for it.</summary>
    public string Key => _key ??= TextKey.Normalize(Text);
    public IReadOnlyList<double> Bbox => [X0, Y0, X1, Y1];

    /// <summary>Two lines are equal when they are on the same page with the same word list (the cached values follow from it).</summary>
    public bool Equals(LayoutLine? other) => other is not null && Page == other.Page && Equals(Words, other.Words);

    public override int GetHashCode() => HashCode.Combine(Page, Words);

    /// <summary>
    /// The line cut where the horizontal gap between two words is wider than <paramref name="minGap"/> points
    /// (default: 1.5 × the line's text height, wider than any space between words of one phrase).
    /// </summary>
    public IReadOnlyList<TextSegment> Segments(double? minGap = null)
    {
        if (minGap is null) return _segments ??= Cut(Math.Max(4, 1.5 * Words.Average(w => w.Height)));
        return Cut(minGap.Value);
    }

    private List<TextSegment> Cut(double gap)
    {
        var segments = new List<TextSegment>();
        var current = new List<PdfWord> { Words[0] };
        for (var i = 1; i < Words.Count; i++)
        {
            if (Words[i].X0 - current[^1].X1 > gap)
            {
                segments.Add(Segment(current));
                current = [];
            }
            current.Add(Words[i]);
        }
        segments.Add(Segment(current));
        return segments;
    }

    private static TextSegment Segment(List<PdfWord> words) => new(
        string.Join(' ', words.Select(w => w.Text)), words.Min(w => w.X0), words.Min(w => w.Y0), words.Max(w => w.X1), words.Max(w => w.Y1));
}
