using Pipeline.Core.Text;

namespace Pipeline.Core.Values;

/// <summary>
/// What a KPI's unit measures, whatever its spelling, so that two chambers' units can be compared: <c>gg</c>,
/// <c>gg.</c> and <c>Giorni</c> are days; <c>euro</c>, <c>EUR</c> and <c>€</c> are euros; <c>n.</c>, <c>nr</c> and
/// <c>numero</c> are a count; <c>percentuale</c> is <c>%</c>. Working days stay apart from days. A unit it does not
/// know is compared as its normalised text (case, accents, punctuation).
/// </summary>
public static class UnitKey
{
    private static readonly Dictionary<string, string> Synonyms = Build(
        ("%", ["%", "percentuale", "perc", "per cento", "percento", "valore percentuale", "% (percentuale)"]),
        ("‰", ["‰", "per mille"]),
        ("€", ["€", "euro", "eur", "euro (€)", "€ (euro)", "importo in euro"]),
        ("N.", ["n", "n.", "nr", "nr.", "n°", "num", "num.", "numero", "numeri", "numero assoluto", "quantità"]),
        ("giorni", ["gg", "gg.", "giorni", "giorno", "gg solari", "giorni solari", "giorni di calendario"]),
        ("giorni lavorativi", ["gg lavorativi", "gg. lavorativi", "giorni lavorativi", "giorni lav.", "gg lav."]),
        ("ore", ["ore", "ora", "h"]),
        ("mesi", ["mesi", "mese"]),
        ("anni", ["anni", "anno"]),
        ("sì/no", ["si/no", "sì/no", "on/off", "booleano"]));

    /// <summary>The key of <paramref name="unit"/>: its family's name for a known unit, else its normalised text; "" for none.</summary>
    public static string Of(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return "";
        var text = unit.Trim().ToLowerInvariant();
        if (Synonyms.TryGetValue(text, out var key)) return key;
        var normalised = TextKey.Normalize(unit);
        if (normalised.Length == 0) return unit.Trim();
        return Synonyms.TryGetValue(normalised, out key) ? key : normalised;
    }

    /// <summary>Whether two units measure the same thing (both known and with the same key).</summary>
    public static bool Same(string? a, string? b) => Of(a) is { Length: > 0 } x && x == Of(b);

    private static Dictionary<string, string> Build(params (string Key, string[] Spellings)[] families)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, spellings) in families)
            foreach (var spelling in spellings)
            {
                map[spelling.ToLowerInvariant()] = key;
                if (TextKey.Normalize(spelling) is { Length: > 0 } normalised) map.TryAdd(normalised, key);
            }
        return map;
    }
}
