using System.Text.RegularExpressions;

namespace Pipeline.Core.Text;

/// <summary>
/// The label of a KPI in a key/value card ("INDICATORE", "KPI", "KPISTD 166 (Qualità/tempestività)") and the value
/// beside it: the KPI's code is the label's "KPI… n", its name the value, or, when the row has none, the label's
/// parenthesised qualifier. A value that itself starts with a code and a qualifier is read the same way.
/// </summary>
public static partial class KpiLabel
{
    /// <summary>A KPI code at the start of a label or name: "KPISTD 166" (a bare "KPI" is a label, not a code).</summary>
    public static Match Code(string text) => CodePattern().Match(text);

    /// <summary>Whether a word is a bare KPI label ("KPI", "KPIS", "KPISTD"): a label, not part of the name.</summary>
    public static bool IsLabel(string word) => LabelWord().IsMatch(word.Trim());

    /// <summary>The KPI's code and name from its label and value.</summary>
    public static (string? Code, string Name) CodeAndName(string label, string value)
    {
        var (code, qualifier) = Split(label);
        if (value.Length > 0 && code is null && Code(value).Success)
        {
            var (valueCode, rest) = Split(value);
            return (valueCode, rest);
        }
        return (code, value.Length > 0 ? value : qualifier);
    }

    /// <summary>"KPISTD 76 (Qualità/…) rest" → ("KPISTD 76", "rest"), or the qualifier without brackets when nothing follows it.</summary>
    private static (string? Code, string Remainder) Split(string text)
    {
        var m = Code(text);
        var code = m.Success ? Regex.Replace(m.Value, @"\s+", " ").Trim() : null;
        var rest = (m.Success ? text[m.Length..] : KpiWord().Replace(text, "")).Trim();
        if (rest.StartsWith('(') && rest.IndexOf(')') is var close and > 0)
        {
            var after = rest[(close + 1)..].Trim();
            rest = after.Length > 0 ? after : rest[1..close].Trim();
        }
        return (code, rest);
    }

    [GeneratedRegex(@"^KPI\w*\s*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^KPI[A-Z]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"^\s*(?:INDICATORE|KPI\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KpiWord();
}
