namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>A run of words on one visual line whose gaps are narrow: one table cell or one phrase.</summary>
public sealed record TextSegment(string Text, double X0, double Y0, double X1, double Y1)
{
    public IReadOnlyList<double> Bbox => [X0, Y0, X1, Y1];
}

/// <summary>
/// One visual line of a page: the words whose vertical extents overlap, left to right, whatever poppler block
/// they came from (the cells of one table row are separate blocks).
/// </summary>
public sealed record LayoutLine(int Page, IReadOnlyList<PdfWord> Words)
{
    public double X0 => Words.Min(w => w.X0);
    public double X1 => Words.Max(w => w.X1);

    /// <summary>
    /// Top of the line: its words' top, or the top of the slot the line was given when a table row was stacked
    /// top-aligned (<see cref="Band"/>); the words keep their own boxes either way.
    /// </summary>
    public double Y0 => Band?.Y0 ?? Words.Min(w => w.Y0);
    public double Y1 => Band?.Y1 ?? Words.Max(w => w.Y1);

    /// <summary>The vertical slot of a line rebuilt from a table row's cells (see <see cref="RowStacker"/>); null for a plain line.</summary>
    public (double Y0, double Y1)? Band { get; init; }
    public string Text => string.Join(' ', Words.Select(w => w.Text));
    public IReadOnlyList<double> Bbox => [X0, Y0, X1, Y1];

    /// <summary>
    /// The line cut where the horizontal gap between two words is wider than <paramref name="minGap"/> points
    /// (default: 1.5 × the line's text height, wider than any space between words of one phrase).
    /// </summary>
    public IReadOnlyList<TextSegment> Segments(double? minGap = null)
    {
        var gap = minGap ?? Math.Max(4, 1.5 * Words.Average(w => w.Height));
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
