using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Finds running headers and footers: lines in the top or bottom band of the page whose text (digits ignored)
/// repeats on many pages, and page numbers ("Pagina 3 di 18", "3/18", "- 3 -").
/// </summary>
public static partial class RunningText
{
    /// <summary>
    /// The pages' lines without running headers and footers. A running line stands at the same distance from the
    /// page's top or bottom edge on every page; the same text elsewhere in the band (a table's header that every table
    /// repeats, a table starting at the top of many pages) is content and stays.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<LayoutLine>> Remove(IReadOnlyList<PdfPage> pages, IReadOnlyList<IReadOnlyList<LayoutLine>> lines, double band = 0.1)
    {
        var places = new Dictionary<string, List<(int Page, double Edge)>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var line in lines[p].Where(l => InBand(l, pages[p], band)))
            {
                var key = Key(line);
                if (!places.TryGetValue(key, out var list)) places[key] = list = [];
                if (list.Count == 0 || list[^1].Page != p) list.Add((p, Edge(line, pages[p])));
            }
        // on every page of a two-page document, else on three pages or half of them
        var threshold = pages.Count == 2 ? 2 : Math.Max(3, pages.Count / 2);
        // per text, the usual distance from the edge, when enough pages print it there
        var running = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, list) in places)
        {
            var usual = list.Select(x => x.Edge).Order().ElementAt(list.Count / 2);
            if (list.Count(x => Math.Abs(x.Edge - usual) <= Tolerance) >= threshold) running[key] = usual;
        }
        return lines.Select((pageLines, p) => (IReadOnlyList<LayoutLine>)pageLines
                .Where(l => !(InBand(l, pages[p], band) && (PageNumber().IsMatch(l.Text)
                    || running.TryGetValue(Key(l), out var edge) && Math.Abs(Edge(l, pages[p]) - edge) <= Tolerance)))
                .ToList())
            .ToList();
    }

    private const double Tolerance = 3;

    /// <summary>Distance from the nearer edge: negative from the top, positive from the bottom (pages may differ in height).</summary>
    private static double Edge(LayoutLine line, PdfPage page) =>
        line.Y1 <= page.Height / 2 ? -line.Y0 : page.Height - line.Y1;

    private static bool InBand(LayoutLine line, PdfPage page, double band) =>
        line.Y1 <= page.Height * band || line.Y0 >= page.Height * (1 - band);

    private static string Key(LayoutLine line) => Digits().Replace(line.Key, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:(?:pagina|pag\.?|page|p\.)\s*)?[-–]?\s*\d{1,4}\s*(?:(?:di|of|/)\s*\d{1,4})?\s*[-–]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
