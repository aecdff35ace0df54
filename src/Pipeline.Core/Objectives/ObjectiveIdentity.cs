using System.Text.RegularExpressions;
using Pipeline.Core.Identity;
using Pipeline.Core.Text;

namespace Pipeline.Core.Objectives;

/// <summary>An objective already in the plan, or one a document prints: its level, printed code (if any) and title.</summary>
public sealed record ObjectiveCandidate(long Id, string Level, string? Code, string Title);

/// <summary>
/// The same objective in a Piano, a Relazione and a workbook that prints no codes: by code where both print one,
/// else by title.
/// </summary>
/// <remarks>
/// <para>Only objectives of the same level are compared. Two codes are compared by <see cref="ObjectiveCodes.Key"/>
/// (<c>OS.01</c> is <c>OS.1</c>); an objective with another code is another objective, however alike the titles.</para>
/// <para>Titles are compared by <see cref="TitleKey"/>: a heading prefix the cell repeats (<c>Obiettivo strategico 1 -
/// …</c>, <c>OS.1 – …</c>) dropped, the usual abbreviations written out (<c>PMI</c>, <c>CCIAA</c>, <c>P.A.</c>,
/// <c>amm.ne</c>, <c>R.I.</c>), then case, accents and punctuation ignored (<see cref="TextKey"/>). The same key
/// matches; failing that, the one candidate whose title has the same significant words at or above
/// <see cref="KpiIdentity.SimilarAt"/> (a title cut short or with a word more). Two candidates as close: no match.</para>
/// </remarks>
public static class ObjectiveIdentity
{
    private static readonly (Regex Pattern, string Words)[] Abbreviations =
    [
        (Abbreviation(@"pmi"), "piccole e medie imprese"),
        (Abbreviation(@"c\.?c\.?i\.?a\.?a\.?"), "camera di commercio"),
        (Abbreviation(@"p\.\s?a\.|pa"), "pubblica amministrazione"),
        (Abbreviation(@"amm\.?ne"), "amministrazione"),
        (Abbreviation(@"amm\.?va"), "amministrativa"),
        (Abbreviation(@"amm\.?vo"), "amministrativo"),
        (Abbreviation(@"r\.\s?i\.|ri"), "registro imprese"),
        (Abbreviation(@"suap"), "sportello unico attivita produttive"),
        (Abbreviation(@"ict"), "tecnologie dell informazione"),
    ];

    /// <summary>
    /// The known objective <paramref name="objective"/> is, or null when it is a new one.
    /// </summary>
    public static ObjectiveCandidate? Match(ObjectiveCandidate objective, IEnumerable<ObjectiveCandidate> known)
    {
        var sameLevel = known.Where(k => string.Equals(k.Level, objective.Level, StringComparison.OrdinalIgnoreCase)).ToList();
        var code = CodeKey(objective.Code);
        if (code is not null)
        {
            var byCode = sameLevel.Where(k => CodeKey(k.Code) == code).ToList();
            if (byCode.Count == 1) return byCode[0];
        }
        var compatible = sameLevel.Where(k => code is null || CodeKey(k.Code) is null).ToList();
        var key = TitleKey(objective.Title);
        if (key.Length == 0) return null;
        var byTitle = compatible.Where(k => TitleKey(k.Title) == key).ToList();
        if (byTitle.Count == 1) return byTitle[0];
        if (byTitle.Count > 1) return null;
        var best = compatible
            .Select(k => (Candidate: k, Score: KpiIdentity.Similarity(key, TitleKey(k.Title))))
            .OrderByDescending(x => x.Score)
            .Take(2)
            .ToList();
        if (best.Count == 0 || best[0].Score < KpiIdentity.SimilarAt) return null;
        if (best.Count > 1 && Math.Abs(best[1].Score - best[0].Score) < 1e-9) return null;
        return best[0].Candidate;
    }

    /// <summary>The title as compared: heading prefix dropped, abbreviations written out, normalised.</summary>
    public static string TitleKey(string? title)
    {
        var text = TextKey.Clean(title);
        if (ObjectiveHeadingParser.Parse(text) is { Title.Length: > 0 } heading) text = heading.Title;
        foreach (var (pattern, words) in Abbreviations) text = pattern.Replace(text, words);
        return TextKey.Normalize(text);
    }

    private static string? CodeKey(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var key = ObjectiveCodes.Key(code);
        return key.Length == 0 ? null : key;
    }

    private static Regex Abbreviation(string pattern) =>
        new(@"(?<![\p{L}\d])(?:" + pattern + @")(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
