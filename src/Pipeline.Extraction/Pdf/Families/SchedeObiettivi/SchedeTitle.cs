using System.Globalization;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// What the title block says: the plan cycle ("PIANO PERFORMANCE 2021/2023"), the document type (a monitoring
/// report, a relazione or a plan), the chamber, the year targets without a year belong to (the year of the
/// "primo semestre" the text speaks of, else the cycle's first) and the period of the monitoring notes.
/// </summary>
internal sealed record SchedeTitle(DocumentInfo Info, string DefaultYear, string MonitoringPeriod)
{
    public static SchedeTitle Read(PdfLayout layout, IReadOnlyList<LayoutLine> lines, string family)
    {
        var firstPage = layout.Pages.Count > 0 ? string.Join(' ', layout.Pages[0].Take(8).Select(l => l.Text)) : "";
        var titleKey = TextKey.Normalize(firstPage);
        int? from = null, to = null;
        var cycle = Cycle().Match(firstPage);
        if (cycle.Success)
        {
            from = int.Parse(cycle.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = cycle.Groups["b"].Value;
            to = b.Length == 2 ? from / 100 * 100 + int.Parse(b, CultureInfo.InvariantCulture) : int.Parse(b, CultureInfo.InvariantCulture);
        }
        else if (Year().Match(firstPage) is { Success: true } y)
            from = to = int.Parse(y.Value, CultureInfo.InvariantCulture);

        var monitoring = titleKey.Contains("monitoraggio", StringComparison.Ordinal);
        var docType = monitoring ? "monitoraggio" : titleKey.Contains("relazione", StringComparison.Ordinal) ? "relazione" : "piano";

        // the half-year a monitoring reports on ("primo semestre 2021"), from the lines that speak of a semester and
        // the line after each (where its year may have wrapped)
        var semesterText = string.Join('\n', lines.Select((l, i) => (l, i))
            .Where(x => x.l.Key.Contains("semestre", StringComparison.Ordinal) || (x.i > 0 && lines[x.i - 1].Key.Contains("semestre", StringComparison.Ordinal)))
            .Select(x => x.l.Text));
        var semesterYears = FirstHalf().Matches(semesterText)
            .Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture))
            .Where(y => from is null || (y >= from && y <= (to ?? from)))
            .GroupBy(y => y).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        var year = semesterYears ?? from ?? DateTime.UtcNow.Year;
        var defaultYear = year.ToString(CultureInfo.InvariantCulture);
        var monitoringPeriod = titleKey.Contains("annual", StringComparison.Ordinal) && !titleKey.Contains("semestral", StringComparison.Ordinal)
            ? defaultYear
            : Period.ForSemester(year, 1).Code;

        var chamber = ChamberResolver.FindInText(string.Join(' ', layout.Pages.Take(3).SelectMany(p => p).Select(l => l.Text)));
        var info = new DocumentInfo
        {
            File = "",
            Sha256 = "",
            Format = "pdf",
            Family = family,
            Chamber = chamber?.Name,
            DocType = docType,
            PeriodFrom = from,
            PeriodTo = to,
        };
        return new SchedeTitle(info, defaultYear, monitoringPeriod);
    }
}
