using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>The groups of a PIRA card's left column (Missione, Programma di spesa, Obiettivo, Indicatore).</summary>
public enum CardGroup { None, Mission, Programme, Objective, Indicator }

/// <summary>The fields of a PIRA card, one per label of its middle column.</summary>
public enum CardField { None, Title, Description, Period, Stakeholders, Responsible, Resources, KpiName, Algorithm, Observed, Expected, Source }

/// <summary>
/// The words of the PIRA layout: row groups, field labels and codes. Labels are matched on normalised words
/// (<see cref="TextKey.Normalize"/>), so case, accents, apostrophes and HTML leftovers do not matter.
/// </summary>
public static partial class PiraVocabulary
{
    /// <summary>Label phrases of the middle column, normalised, with their field.</summary>
    private static readonly (string Phrase, CardField Field)[] Labels =
    [
        ("titolo", CardField.Title),
        ("descrizione", CardField.Description),
        ("arco temporale di realizzazione", CardField.Period),
        ("portatori d interesse", CardField.Stakeholders),
        ("portatori di interesse", CardField.Stakeholders),
        ("centro di responsabilita", CardField.Responsible),
        ("risorse economiche", CardField.Resources),
        ("algoritmo di calcolo", CardField.Algorithm),
        ("valori osservati", CardField.Observed),
        ("valore osservato", CardField.Observed),
        ("baseline", CardField.Observed),
        ("risultati attesi", CardField.Expected),
        ("fonte dei dati", CardField.Source),
        ("fonti dei dati", CardField.Source),
        ("fonte dati", CardField.Source),
        ("fonte", CardField.Source),
    ];

    /// <summary>The group a left-column cell opens: its text starts with the group's word (a word the cell wrapped, "INDICATOR / E", counts).</summary>
    public static CardGroup GroupOf(string text)
    {
        var compact = TextKey.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        if (compact.StartsWith("missione", StringComparison.Ordinal)) return CardGroup.Mission;
        if (compact.StartsWith("programma", StringComparison.Ordinal)) return CardGroup.Programme;
        if (compact.StartsWith("obiettivo", StringComparison.Ordinal)) return CardGroup.Objective;
        if (compact.StartsWith("indicatore", StringComparison.Ordinal)) return CardGroup.Indicator;
        return CardGroup.None;
    }

    /// <summary>
    /// How many of the leading words form a field label, and its field: the longest run of words that is a label
    /// phrase or the start of one (a label wrapped over a page break: "ARCO TEMPORALE DI"). A KPI label is its code
    /// ("KPI", "KPIS", "KPISTD 76") and a parenthesised qualifier right after it ("(Qualità/accessibilità)").
    /// </summary>
    public static (int Words, CardField Field) Label(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return (0, CardField.None);
        if (KpiWord().IsMatch(TextKey.Normalize(words[0])))
        {
            var n = words.Count > 1 && Number().IsMatch(TextKey.Clean(words[1])) ? 2 : 1;
            return (n + Qualifier(words, n), CardField.KpiName);
        }
        int count = 0;
        var field = CardField.None;
        for (var k = 1; k <= words.Count; k++)
        {
            if (TextKey.Normalize(words[k - 1]).Length == 0) break; // punctuation ("-----") is a value
            var key = TextKey.Normalize(string.Join(' ', words.Take(k)));
            var match = Labels.FirstOrDefault(l => l.Phrase == key || l.Phrase.StartsWith(key + " ", StringComparison.Ordinal));
            if (match.Phrase is null) break;
            count = k;
            field = match.Field;
        }
        return (count, field);
    }

    /// <summary>The words of a parenthesised qualifier starting at <paramref name="from"/> ("(Qualità/tempestività)"), 0 when none.</summary>
    private static int Qualifier(IReadOnlyList<string> words, int from)
    {
        if (from >= words.Count || !TextKey.Clean(words[from]).StartsWith('(')) return 0;
        for (var i = from; i < words.Count; i++)
            if (TextKey.Clean(words[i]).EndsWith(')')) return i - from + 1;
        return 0;
    }

    /// <summary>A KPI code at the start of a label or name: "KPISTD 166" (a bare "KPI" is a label, not a code).</summary>
    public static Match KpiCode(string text) => KpiLabel.Code(text);

    /// <summary>The objective code at the start of a title: "(C5) Ottimizzare …" → C5.</summary>
    public static Match ObjectiveCode(string title) => ObjectiveCodePattern().Match(title);

    /// <summary>A mission code: three digits ("032").</summary>
    public static bool IsMissionCode(string text) => MissionCode().IsMatch(text);

    [GeneratedRegex(@"^kpi\w*$")]
    private static partial Regex KpiWord();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\(\s*([A-Z]{1,3}\s*\d{1,2}(?:\.\d+)*)\s*\)\s*")]
    private static partial Regex ObjectiveCodePattern();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex MissionCode();
}
