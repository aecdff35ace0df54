using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// What a document says of itself in its first pages, whatever its layout: the chamber, the plan cycle or reported
/// year, and the type (plan, monitoring, report, PIRA). Dates of updates or acts are not reporting periods.
/// </summary>
public sealed partial record DocumentFacts(string? Chamber, int? CycleFrom, int? CycleTo, int? Year, string Head)
{
    public static DocumentFacts Read(string text)
    {
        var head = text.Length > 20000 ? text[..20000] : text;
        var cycle = PlanCycle.Find(head);
        var year = TitleYear().Match(head) is { Success: true } m ? int.Parse(m.Groups["y"].Value) : MostFrequentYear(head);
        return new DocumentFacts(ChamberResolver.FindInText(head)?.Name, cycle?.From, cycle?.To, cycle is not { } c ? year : year is { } y && y >= c.From && y <= c.To ? y : c.From, head);
    }

    public DocumentType Type(bool hasActuals)
    {
        var head = TextKey.Normalize(Head.Length > 3000 ? Head[..3000] : Head);
        if (head.Contains("relazione sulla performance") || head.Contains("relazione performance")) return DocumentType.Relazione;
        if (head.Contains("monitoraggio")) return DocumentType.Monitoraggio;
        if (head.Contains("piano degli indicatori") || PiraWord().IsMatch(head)) return DocumentType.Pira;
        if (head.Contains("piano della performance") || head.Contains("piano performance")) return hasActuals ? DocumentType.Monitoraggio : DocumentType.Piano;
        return hasActuals ? DocumentType.Monitoraggio : DocumentType.Other;
    }

    private static int? MostFrequentYear(string text)
    {
        var years = YearInText().Matches(DateLike().Replace(text, " ")).Select(m => int.Parse(m.Value)).Where(y => y is >= 2000 and <= 2100).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex YearInText();

    // a full date (an update, an act) names no reporting year
    [GeneratedRegex(@"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"(?:relazione|monitoraggio|rendicontazione)[^\n]{0,60}?\b(?:anno\s+)?(?<y>20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"\bpira\b")]
    private static partial Regex PiraWord();
}
