namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// The spacing of a document's body text, measured from its own lines, so that readers can tell "the next word
/// of the same phrase" from "the next cell" and "the next line of the same paragraph or cell" from "a new row or
/// paragraph" whatever the font, size and leading.
/// </summary>
/// <param name="WordGap">The space between two words of one phrase (the median gap between neighbouring words of a line).</param>
/// <param name="WrapGap">The blank space between two lines of one paragraph or wrapped cell (bottom of one line to the
/// top of the next; 0 when the text layer's boxes touch): the tightest gap that is frequent in the document.</param>
/// <param name="LineHeight">The median height of a word.</param>
public sealed record TextSpacing(double WordGap, double WrapGap, double LineHeight)
{
    /// <summary>
    /// A horizontal gap wider than this separates two cells or a label from its value, not two words. In a monospaced
    /// font (a space as wide as a letter, over 0.4 of the line height) spaces never stretch, and cells a few points
    /// apart are told from words by a smaller margin.
    /// </summary>
    public double ColumnGap => WordGap + Math.Max(0.5, (IsMonospaced ? 0.08 : 0.15) * LineHeight);

    /// <summary>The body text's spaces are as wide as a letter: a monospaced font such as Courier.</summary>
    public bool IsMonospaced => WordGap > 0.4 * LineHeight;

    public static TextSpacing Measure(IEnumerable<IReadOnlyList<LayoutLine>> pages)
    {
        var heights = new List<double>();
        var wordGaps = new List<double>();
        var lineGaps = new List<double>();
        foreach (var page in pages)
            for (var i = 0; i < page.Count; i++)
            {
                var words = page[i].Words;
                foreach (var w in words) heights.Add(w.Height);
                for (var k = 1; k < words.Count; k++)
                {
                    var gap = words[k].X0 - words[k - 1].X1;
                    if (gap > 0 && gap < words[k].Height) wordGaps.Add(gap);
                }
                if (i == 0) continue;
                var height = page[i - 1].Y1 - page[i - 1].Y0;
                var lineGap = page[i].Y0 - page[i - 1].Y1;
                if (lineGap > -0.5 * height && lineGap < 2 * height) lineGaps.Add(Math.Round(Math.Max(0, lineGap) * 2) / 2);
            }
        var lineHeight = heights.Count > 0 ? Spacings.Median(heights) : 10;
        var wordGap = wordGaps.Count > 0 ? Spacings.Median(wordGaps) : 0.25 * lineHeight;
        return new TextSpacing(wordGap, Spacings.TightestFrequent(lineGaps) ?? 0, lineHeight);
    }
}
