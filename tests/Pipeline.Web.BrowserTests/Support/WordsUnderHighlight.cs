using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Web.BrowserTests.Support;

/// <summary>One word of a value: where in the text layer the highlight covers it best, and which share of it.</summary>
public sealed record CoveredWord(string Word, TextLayerWord? Best, double Covered);

/// <summary>
/// Does the highlight sit over the value's text? Each word of the value's raw text is looked up in pdf.js's text
/// layer (the words the browser placed on the rendered page, independently of our box); the occurrence the
/// highlight covers most counts, and the highlight must cover at least <see cref="MinimumCovered"/> of its rectangle.
/// </summary>
public static class WordsUnderHighlight
{
    public const double MinimumCovered = 0.8;

    /// <summary>The words of a raw text as the text layer would hold them.</summary>
    public static IReadOnlyList<string> Words(string raw) =>
        raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Share of <paramref name="word"/>'s area inside <paramref name="highlight"/> (0 when apart).</summary>
    public static double Covered(Box word, Box highlight)
    {
        double w = word.HorizontalOverlap(highlight), h = word.VerticalOverlap(highlight);
        var area = word.Width * word.Height;
        return w <= 0 || h <= 0 || area <= 0 ? 0 : w * h / area;
    }

    public static IReadOnlyList<CoveredWord> Check(RenderedSource source, IReadOnlyList<string> words) =>
        words.Select(word =>
        {
            if (source.Highlight is not { } highlight) return new CoveredWord(word, null, 0);
            var best = source.Words.Where(w => w.Word == word).MaxBy(w => Covered(w.Box, highlight));
            return new CoveredWord(word, best, best is null ? 0 : Covered(best.Box, highlight));
        }).ToList();

    /// <summary>The smallest rectangle holding the best occurrence of every word found.</summary>
    public static Box? WordsBox(IReadOnlyList<CoveredWord> covered) =>
        covered.Where(c => c.Best is not null).Select(c => c.Best!.Box).Aggregate((Box?)null, (a, b) => a is { } x ? x.Union(b) : b);
}
