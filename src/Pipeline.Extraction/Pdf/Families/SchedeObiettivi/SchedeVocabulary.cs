using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>The words of a "schede obiettivi" document: its card labels, its notes, its headings and its codes.</summary>
internal static partial class SchedeVocabulary
{
    /// <summary>Single-line labels whose value starts after a visible gap: they tell where the value column of a card is.</summary>
    public static readonly string[] AnchorLabels =
    [
        "nome indicatore", "target annuale", "target", "peso indicatore", "peso", "fonte dati", "centro di costo",
        "risultati attesi", "benefici attesi", "baseline", "descrizione", "programma", "algoritmo di calcolo",
        "area organizzativa", "tipologia dell indicatore", "frequenza della rilevazione", "responsabile della rilevazione",
    ];

    /// <summary>Labels that begin a card row (a line whose label part is a prefix of one of these, or starts with one).</summary>
    public static readonly string[] RowLabels =
    [
        "obiettivo strategico", "obiettivo operativo", "programma", "descrizione del progetto", "risultati attesi",
        "benefici attesi", "soggetti coinvolti", "impatto organizzativo", "area organizzativa", "centro di costo",
        "centro di responsabilita", "budget", "kpi operativo", "kpi operativi", "kpi", "indicatore", "nome indicatore",
        "denominazione indicatore", "baseline", "algoritmo di calcolo", "formula", "target annuale", "target",
        "peso indicatore", "peso", "tipologia dell indicatore", "tipologia", "fonte dati", "fonte",
        "responsabile della rilevazione", "frequenza della rilevazione", "unita di misura", "valore di partenza",
    ];

    /// <summary>A half-year or annual monitoring note ("monitoraggio semestrale in linea con target 50% …").</summary>
    public static bool IsNote(string key) =>
        key.StartsWith("monitoraggio semestrale", StringComparison.Ordinal) || key.StartsWith("monitoraggio annuale", StringComparison.Ordinal);

    public static bool StartsWithWords(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && (text.Length == prefix.Length || text[prefix.Length] == ' ');

    /// <summary>The text is a card label or the start of one, word by word.</summary>
    public static bool CompletesLabel(string key) => RowLabels.Any(label => StartsWithWords(label, key));

    /// <summary>The text after the first colon, else after the first <paramref name="words"/> words ("Area strategica: …").</summary>
    public static string AfterColon(string text, int words)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) return TextKey.Clean(text[(colon + 1)..]);
        return TextKey.Clean(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(words)));
    }

    /// <summary>The numbers of a code, without leading zeros ("OP 1.01.2." → "1.1.2"): how codes are compared.</summary>
    public static string CodeKey(string code) => string.Join('.', Digits().Matches(code).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"^\s*obiettivo\s+strategico\s*:\s*(?<code>\d+(?:\.\d+)*)\.?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    public static partial Regex StrategicHeading();

    [GeneratedRegex(@"(?<a>(?:19|20)\d{2})\s*[/\-–]\s*(?<b>(?:19|20)\d{2}|\d{2})(?!\d)")]
    public static partial Regex Cycle();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    public static partial Regex Year();

    [GeneratedRegex(@"(?:primo|1°|1|I)\s+semestre\s+(?:del(?:l'anno)?\s+|dell’anno\s+)?(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    public static partial Regex FirstHalf();

    [GeneratedRegex(@"(?<n>\d{1,3}(?:[.,]\d+)?)\s*%")]
    public static partial Regex Percent();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d+(?:\.\d+)+\.?")]
    public static partial Regex ObjectiveCode();

    [GeneratedRegex(@"(?:\bOP\b\.?\s*)?\d+(?:\.\d+)+\.?", RegexOptions.IgnoreCase)]
    public static partial Regex OperationalCode();

    [GeneratedRegex(@"\d+(?:\.\d+)*\.?\s*-?\s*\d+(?:\.\d+)*\.?")]
    public static partial Regex KpiCode();
}
