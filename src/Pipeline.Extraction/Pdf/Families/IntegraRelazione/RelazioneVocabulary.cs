using System.Text.RegularExpressions;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>The label and header words of the Integra relazione layout, and tests on lines built from them.</summary>
internal static partial class RelazioneVocabulary
{
    public enum Role { Name, Algorithm, Target, Actual, Deviation, Weight }

    private static readonly Dictionary<string, Role> HeaderWords = new()
    {
        ["indicatore"] = Role.Name, ["indicatori"] = Role.Name, ["kpi"] = Role.Name,
        ["algoritmo"] = Role.Algorithm, ["formula"] = Role.Algorithm,
        ["target"] = Role.Target,
        ["consuntivo"] = Role.Actual, ["realizzato"] = Role.Actual, ["rilevato"] = Role.Actual,
        ["scostamento"] = Role.Deviation,
        ["peso"] = Role.Weight,
    };

    /// <summary>Words that may follow the header line inside the heading cells ("2021", "rispetto al target").</summary>
    private static readonly HashSet<string> HeaderFiller =
        ["rispetto", "al", "target", "anno", "valore", "valori", "atteso", "di", "calcolo", "consuntivo", "u", "m", "unita", "misura"];

    public static readonly Dictionary<string, string> LevelWords = new()
    {
        ["strategico"] = "strategic", ["strategica"] = "strategic",
        ["operativo"] = "operational", ["operativa"] = "operational",
        ["individuale"] = "individual",
        ["programma"] = "programme",
        ["azione"] = "action",
    };

    /// <summary>First words of the label rows of an objective card.</summary>
    public static readonly HashSet<string> CardLabels =
        ["descrizione", "programma", "missione", "unita", "risultato", "valutazione", "peso", "responsabile", "note", "ambito", "prospettiva"];

    public static readonly HashSet<string> OrgUnitLabelWords = ["unita", "organizzative", "organizzativa", "coinvolte", "coinvolta"];

    public static string Key(PdfWord word) => TextKey.Normalize(word.Text);

    public static string Key(string text) => TextKey.Normalize(text);

    public static Role? HeaderRole(PdfWord word) => HeaderWords.TryGetValue(Key(word), out var role) ? role : null;

    /// <summary>A KPI table header: starts with an indicator heading and names both a target and a measured value.</summary>
    public static bool IsKpiHeader(LayoutLine line)
    {
        var first = line.Words.FirstOrDefault(w => Key(w).Length > 0);
        if (first is null || HeaderRole(first) != Role.Name) return false;
        var roles = line.Words.Select(HeaderRole).Where(r => r is not null).ToHashSet();
        return roles.Contains(Role.Target) && roles.Contains(Role.Actual);
    }

    /// <summary>A line that only continues the headings of the row above ("2021", "rispetto al", "target").</summary>
    public static bool IsHeaderContinuation(LayoutLine line) =>
        line.Words.All(w => Year(w.Text) is not null || HeaderFiller.Contains(Key(w)) || Key(w).Length == 0 || HeaderRole(w) is not null);

    /// <summary>The first line of an objective card: "Obiettivo" then a level word or, within three words, a code.</summary>
    public static bool IsCardStart(LayoutLine line)
    {
        if (line.Words.Count < 2 || Key(line.Words[0]) != "obiettivo") return false;
        if (LevelWords.ContainsKey(Key(line.Words[1]))) return true;
        return line.Words.Skip(1).Take(3).Any(w => Code(w) is not null);
    }

    /// <summary>"Obiettivo" alone in the label cell, its level word ("individuale") on the next line below it.</summary>
    public static bool IsWrappedCardStart(IReadOnlyList<LayoutLine> page, int index)
    {
        var line = page[index];
        if (Key(line.Words[0]) != "obiettivo" || index + 1 >= page.Count) return false;
        var next = page[index + 1].Words[0];
        return LevelWords.ContainsKey(Key(next)) && Math.Abs(next.X0 - line.Words[0].X0) < 6
               && (line.Words.Count == 1 || line.Words[1].X0 > next.X1);
    }

    /// <summary>A heading ("OS.01.01 - Title"): one code at the line's start, a dash, then a title.</summary>
    public static bool IsHeading(LayoutLine line)
    {
        var words = line.Words;
        if (Code(words[0]) is null || words.Count < 3) return false;
        if (!IsDash(words[1]) && !words[0].Text.TrimEnd().EndsWith('-')) return false;
        return !words.Skip(1).Any(w => Code(w) is not null);
    }

    public static int? Year(string text)
    {
        var m = YearRegex().Match(TextKey.Clean(text));
        return m.Success ? int.Parse(m.Value) : null;
    }

    public static bool IsMeasuredResult(LayoutLine line)
    {
        if (line.Words.Count < 2) return false;
        return Key(line.Words[0]) == "risultato" && Key(line.Words[1]) is "misurato" or "raggiunto" or "conseguito";
    }

    /// <summary>An objective code as printed (OS.01.02, OP.01.01.03, AS.03), trailing separators ignored.</summary>
    public static string? Code(PdfWord word)
    {
        var text = TextKey.Clean(word.Text).TrimEnd('-', '–', ':', ',');
        return CodeRegex().IsMatch(text) ? text : null;
    }

    public static bool IsDash(PdfWord word) => TextKey.Clean(word.Text) is "-" or "–" or "—" or ":";

    [GeneratedRegex(@"^[A-Z]{1,4}(?:\.\d{1,3}){1,5}$")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^(19|20|21)\d\d$")]
    private static partial Regex YearRegex();
}
