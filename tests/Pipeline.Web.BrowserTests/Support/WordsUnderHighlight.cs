using System.Globalization;
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

    /// <summary>Why a rendered value is not shown highlighted over its words; null when it is.</summary>
    public static string? Problem(RenderedSource shown, IReadOnlyList<string> words)
    {
        if (shown.State != "rendered") return $"viewer state '{shown.State}': {shown.Message}";
        if (shown.Highlight is not { } highlight) return "no highlight drawn";
        if (shown.Ink == 0) return $"nothing drawn on the canvas under the highlight {Describe(highlight)}";
        var missing = Check(shown, words).Where(c => c.Covered < MinimumCovered).ToList();
        return missing.Count == 0
            ? null
            : $"highlight {Describe(highlight)}; " + string.Join("; ", missing.Select(c => c.Best is null
                ? $"'{c.Word}' not in the text layer"
                : $"'{c.Word}' at {Describe(c.Best.Box)} (span '{c.Best.SpanText}') covered {c.Covered.ToString("P0", CultureInfo.InvariantCulture)}"));
    }

    public static string Describe(Box b) => FormattableString.Invariant($"[{b.X0:0.#},{b.Y0:0.#},{b.X1:0.#},{b.Y1:0.#}]");
}
