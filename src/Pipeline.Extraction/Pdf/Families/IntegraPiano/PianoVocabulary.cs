using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Families.IntegraPiano;

/// <summary>The levels of an Integra plan's tree, in the order they nest.</summary>
internal enum PianoLevel { Area, Strategic, Programme, Operational, Action }

/// <summary>The words of an Integra plan: its heading labels, table titles, codes and years.</summary>
internal static partial class PianoVocabulary
{
    public static PianoLevel LevelOf(string label)
    {
        var key = TextKey.Normalize(label);
        if (key.StartsWith("area", StringComparison.Ordinal) || key.StartsWith("ambito", StringComparison.Ordinal)) return PianoLevel.Area;
        if (key.StartsWith("obiettivo strategico", StringComparison.Ordinal)) return PianoLevel.Strategic;
        if (key.StartsWith("programma", StringComparison.Ordinal)) return PianoLevel.Programme;
        if (key.StartsWith("obiettivo operativo", StringComparison.Ordinal)) return PianoLevel.Operational;
        return PianoLevel.Action;
    }

    public static string LevelName(PianoLevel level) => level switch
    {
        PianoLevel.Area => "area",
        PianoLevel.Strategic => "strategic",
        PianoLevel.Programme => "programme",
        PianoLevel.Operational => "operational",
        _ => "action",
    };

    /// <summary>A column heading of a report, not of a plan (Consuntivo, realizzato, raggiunto, Risultato).</summary>
    public static bool IsForeignHeading(string word)
    {
        var key = TextKey.Normalize(word);
        return key.StartsWith("consuntiv", StringComparison.Ordinal) || key.StartsWith("realizzat", StringComparison.Ordinal)
            || key.StartsWith("raggiunt", StringComparison.Ordinal) || key == "risultato";
    }

    [GeneratedRegex(@"^(?<label>Area\s+strategica|Ambito\s+strategico|Obiettivo\s+strategico|Programma|Obiettivo\s+operativo|Azione)\s*:\s*(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    public static partial Regex HeadingLabel();

    [GeneratedRegex(@"KPI\s+associati\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex GluedKpiTableTitle();

    [GeneratedRegex(@"^KPI\s+associati\b", RegexOptions.IgnoreCase)]
    public static partial Regex KpiTableTitle();

    [GeneratedRegex(@"^Unit[àa']\s+organizzativ[ae]\b", RegexOptions.IgnoreCase)]
    public static partial Regex OrgUnitsTitle();

    [GeneratedRegex(@"^[\s\-–—_.]+$")]
    public static partial Regex DashesOnly();

    [GeneratedRegex(@"^(?<code>(?:[A-Z]{1,3}|\d{1,3})(?:\.(?:[A-Z]{1,3}|\d{1,3}))*)\.?\s*(?:[-–—:]\s*)?\s(?<title>\S.*)$")]
    public static partial Regex CodeAndTitle();

    [GeneratedRegex(@"Tipologia(?:\s+KPI)?\s*:?\s*(?<t>[A-Za-zÀ-ÿ]+)\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex KpiType();

    [GeneratedRegex(@"\b(?<a>20\d\d)\s*[-–/]\s*(?<b>20\d\d)\b")]
    public static partial Regex PlanYears();

    [GeneratedRegex(@"\b20\d\d\b")]
    public static partial Regex AnyYear();

    [GeneratedRegex(@"\b(?:Anno|ANNO|Target)\s*:?\s*(?<y>(?:19|20)\d\d)\b")]
    public static partial Regex TargetYear();
}
