using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Finds running headers and footers: lines in the top or bottom band of the page whose text (digits ignored)
/// repeats on many pages, and page numbers ("Pagina 3 di 18", "3/18", "- 3 -").
/// </summary>
public static partial class RunningText
{
    /// <summary>The pages' lines without running headers and footers.</summary>
    public static IReadOnlyList<IReadOnlyList<LayoutLine>> Remove(IReadOnlyList<PdfPage> pages, IReadOnlyList<IReadOnlyList<LayoutLine>> lines, double band = 0.1)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var key in lines[p].Where(l => InBand(l, pages[p], band)).Select(Key).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var threshold = Math.Max(3, pages.Count / 2);
        return lines.Select((pageLines, p) => (IReadOnlyList<LayoutLine>)pageLines
                .Where(l => !(InBand(l, pages[p], band) && (PageNumber().IsMatch(l.Text) || counts.GetValueOrDefault(Key(l)) >= threshold)))
                .ToList())
            .ToList();
    }

    private static bool InBand(LayoutLine line, PdfPage page, double band) =>
        line.Y1 <= page.Height * band || line.Y0 >= page.Height * (1 - band);

    private static string Key(LayoutLine line) => Digits().Replace(TextKey.Normalize(line.Text), "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:(?:pagina|pag\.?|page|p\.)\s*)?[-–]?\s*\d{1,4}\s*(?:(?:di|of|/)\s*\d{1,4})?\s*[-–]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
