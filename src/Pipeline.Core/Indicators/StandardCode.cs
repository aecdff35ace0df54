using System.Text.RegularExpressions;

namespace Pipeline.Core.Indicators;

/// <summary>Where a standard indicator comes from.</summary>
public enum IndicatorFamily
{
    /// <summary>Unioncamere's Pareto system: <c>C1.1_04</c>, <c>EC19.1</c>.</summary>
    Pareto,
    /// <summary>The PIRA catalogue: <c>KPISTD 166</c>.</summary>
    Pira,
    /// <summary>The union's own list (config/indicators.json).</summary>
    Union,
}

/// <summary>A standard indicator code as printed, in its canonical form, and its family.</summary>
public sealed record StandardCode(string Code, IndicatorFamily Family)
{
    /// <summary>The canonical form of a code as written in configuration or a KPI's code cell (trimmed, upper case, one space in PIRA codes).</summary>
    public static string Canonical(string code) => StandardCodes.Find(code)?.Code ?? code.Trim().ToUpperInvariant();
}

/// <summary>
/// Finds a standard code printed in a KPI's code, name or algorithm: Pareto codes (<c>kpi Pareto: C1.1_04_rev2018</c>
/// gives <c>C1.1_04</c>, the revision left out; <c>Kpi Pareto: EC19.1</c>) and PIRA codes (<c>KPISTD 166</c>). A
/// sub-process number such as <c>C1.1.1</c> is not a code.
/// </summary>
public static partial class StandardCodes
{
    /// <summary>The first standard code in the KPI's code, else its name, else its algorithm; null when none prints one.</summary>
    public static StandardCode? Find(string? code, string? name, string? algorithm) =>
        Find(code) ?? Find(name) ?? Find(algorithm);

    /// <summary>The first standard code in <paramref name="text"/>, or null.</summary>
    public static StandardCode? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var pira = Pira().Match(text);
        var pareto = Pareto().Match(text);
        if (pira.Success && (!pareto.Success || pira.Index < pareto.Index))
            return new StandardCode("KPISTD " + pira.Groups[1].Value.TrimStart('0').PadLeft(1, '0'), IndicatorFamily.Pira);
        return pareto.Success ? new StandardCode(pareto.Groups[1].Value.ToUpperInvariant(), IndicatorFamily.Pareto) : null;
    }

    /// <summary>
    /// <paramref name="name"/> without the standard code it prints: a bracket holding one ("(kpi Pareto: C1.1_04)",
    /// "(KPISTD 225)") or the code itself is removed, so names are compared on their words.
    /// </summary>
    public static string WithoutCode(string name)
    {
        var text = Bracket().Replace(name, m => Find(m.Value) is null ? m.Value : " ");
        text = Label().Replace(Pareto().Replace(Pira().Replace(text, " "), " "), " ");
        return Spaces().Replace(text, " ").Trim(' ', '-', ',', ';');
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\bkpi\s+pareto\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bKPI\s*STD\s*[-_.:]?\s*(\d{1,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pira();

    // C1.1_04 (optionally _rev2018), or EC19.1 / EC19 — never a dotted sub-process number such as C1.1.1
    [GeneratedRegex(@"(?<![\w.])([A-E]\d{1,2}\.\d{1,2}_\d{1,3}|EC\d{1,2}(?:\.\d{1,2})?)(?:_rev\d{4})?(?!\w|\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Pareto();
}

