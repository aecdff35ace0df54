using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// The values of a KPI as this layout prints them: target cells holding a baseline and several years
/// ("baseline 12 Anno:2021---&gt;=12 Anno:2022---&gt;=12"), names followed by "Tipologia KPI: efficacia", budget codes.
/// Targets without a year of their own belong to <see cref="DefaultYear"/>.
/// </summary>
internal sealed partial class SchedeValues(string defaultYear)
{
    public string DefaultYear { get; } = defaultYear;

    /// <summary>One target per period of the cell's text; a period already set keeps its first target.</summary>
    public void AddTargets(KpiDraft kpi, string text, SourceRef? source, string? period = null)
    {
        foreach (var value in TargetExpression.Parse(text, period ?? DefaultYear))
        {
            var p = value.Period ?? period ?? DefaultYear;
            if (kpi.Targets.Any(t => t.Period == p)) continue;
            kpi.Targets.Add(new ExtractedTarget(p, value, source));
        }
    }

    /// <summary>The baseline a target cell starts with ("baseline 40% Anno:2021 …"), or null.</summary>
    public static string? LeadingBaseline(string targetText) =>
        BaselinePrefix().Match(targetText) is { Success: true } m ? m.Groups["b"].Value : null;

    public static RawNumber Number(string raw)
    {
        var text = TextKey.Clean(raw);
        var parsed = TargetExpression.Parse(text).FirstOrDefault();
        return new RawNumber(text, parsed?.Number);
    }

    /// <summary>A KPI name and the type printed after it ("… Tipologia KPI:efficacia").</summary>
    public static (string Name, string? Type) SplitType(string text)
    {
        var m = TypeSuffix().Match(text);
        return m.Success ? (TextKey.Clean(text[..m.Index]), m.Groups["t"].Value.ToLowerInvariant()) : (text, null);
    }

    /// <summary>The three-digit mission or programme code of a budget cell ("Missione 032 - …", "Programma 3").</summary>
    public static string? BudgetCode(string value)
    {
        var m = BudgetCodeRegex().Match(value);
        if (!m.Success) return null;
        var digits = m.Groups["d"].Value;
        return digits.Length < 3 ? digits.PadLeft(3, '0') : digits;
    }

    /// <summary>Joins the lines of a target cell; a dash at a line break is a separator ("Anno:2021---" / "&gt;=12"), so no space is put there.</summary>
    public static string JoinTargetLines(IReadOnlyList<string> lines)
    {
        var text = "";
        foreach (var raw in lines)
        {
            var part = raw.Trim();
            if (text.Length == 0) text = part;
            else if (IsDash(text[^1]) || (part.Length > 0 && IsDash(part[0]))) text += part;
            else text += " " + part;
        }
        return text;
    }

    public static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsDash(char c) => c is '-' or '–' or '—' or '―' or '‐' or '‑';

    [GeneratedRegex(@"\s*Tipologia\s*(?:KPI)?\s*:\s*(?<t>\p{L}+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"^\s*base\s?line\s*:?\s*(?<b>.*?)\s*(?=(?:Anno|ANNO|Target|TARGET)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BaselinePrefix();

    [GeneratedRegex(@"(?:\bmissione?\b|\bprogramma\b|\bcod(?:ice)?\b\.?|\bco\.)\s*(?<d>\d{2,3})(?!\d)|^\s*(?<d>\d{2,3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetCodeRegex();
}
