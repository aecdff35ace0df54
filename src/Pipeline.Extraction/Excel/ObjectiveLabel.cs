using System.Text.RegularExpressions;
using Pipeline.Core.Model;
using Pipeline.Core.Objectives;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// An objective as one cell prints it: optional level words, an optional code, the title.
/// "OBIETTIVO OPERATIVO OP.01.01.01 – Digitalizzazione" → operational, OP.01.01.01, "Digitalizzazione";
/// "OS.01.02 – Semplificazione" → (level from the code prefix) strategic; "1.1 Miglioramento …" → code 1.1;
/// "A.1 …", "A1 …", "B.2.1 …", "1.1.6.A1 …" are codes; a single capital letter is a code only before a dash ("A – …").
/// </summary>
public sealed partial record ObjectiveLabel(ObjectiveLevel? Level, string? Code, string Title)
{
    /// <summary>True when the text started with level words ("Obiettivo strategico", "Azione").</summary>
    public bool HasLevelWords { get; init; }

    public static ObjectiveLabel Parse(string text)
    {
        var rest = text.Trim();
        ObjectiveLevel? level = null;
        var words = LevelWords().Match(rest);
        if (words.Success)
        {
            level = LevelOf(words.Groups["w"].Value);
            rest = rest[words.Length..].Trim();
        }
        var (code, title) = SplitCode(rest);
        level ??= code is null ? null : LevelOfCode(code);
        return new ObjectiveLabel(level, code, title.Length > 0 ? title : code ?? text.Trim()) { HasLevelWords = words.Success };
    }

    /// <summary>"OS.01.02 – Semplificazione" → ("OS.01.02", "Semplificazione"); text without a code → (null, text).</summary>
    public static (string? Code, string Title) SplitCode(string text)
    {
        var m = CodeThenTitle().Match(text.Trim());
        if (!m.Success) return CodeOnly().IsMatch(text.Trim()) && IsCode(text.Trim().TrimEnd('.'), hasSeparator: true) ? (text.Trim().TrimEnd('.'), "") : (null, text.Trim());
        var code = m.Groups["code"].Value.TrimEnd('.');
        var hasSeparator = m.Groups["sep"].Value.Trim().Length > 0 || m.Groups["code"].Value.EndsWith('.');
        return IsCode(code, hasSeparator) ? (code, m.Groups["title"].Value.Trim()) : (null, text.Trim());
    }

    /// <summary>The level a code's prefix names (<see cref="ObjectiveCodes.LevelOfPrefix"/>); else null.</summary>
    public static ObjectiveLevel? LevelOfCode(string code) => ObjectiveCodes.LevelOfPrefix(code);

    private static bool IsCode(string code, bool hasSeparator)
    {
        if (code.Length == 0 || Year().IsMatch(code)) return false;
        var hasDigit = code.Any(char.IsAsciiDigit);
        var hasLetter = code.Any(char.IsAsciiLetter);
        if (!hasDigit) return hasSeparator && code.Length == 1 && char.IsAsciiLetterUpper(code[0]);
        return hasSeparator || code.Contains('.') || code.Contains('-') || hasLetter;
    }

    private static ObjectiveLevel LevelOf(string words)
    {
        var w = Regex.Replace(words.ToLowerInvariant(), @"\s+", " ");
        return w switch
        {
            _ when w.StartsWith("area", StringComparison.Ordinal) || w.StartsWith("ambito", StringComparison.Ordinal) => ObjectiveLevel.Area,
            _ when w.EndsWith("strategico", StringComparison.Ordinal) => ObjectiveLevel.Strategic,
            _ when w.StartsWith("programma", StringComparison.Ordinal) => ObjectiveLevel.Programme,
            _ when w.StartsWith("azion", StringComparison.Ordinal) => ObjectiveLevel.Action,
            _ when w.EndsWith("individuale", StringComparison.Ordinal) => ObjectiveLevel.Individual,
            _ => ObjectiveLevel.Operational,
        };
    }

    [GeneratedRegex(@"^(?<w>area\s+strategica|ambito\s+strategico|obiettivo\s+strategico|obiettivo\s+operativo|obiettivo\s+individuale|obiettivo|programma|azione)(?!\p{L})\s*(?:[:\-–—]\s*)?(?:n\.\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex LevelWords();

    [GeneratedRegex(@"^(?<code>[A-Za-z]{1,4}(?:[.\-]?\d+[A-Za-z]?)?(?:[.\-](?:\d+|[A-Za-z]{1,3}\d*))*\.?|\d+(?:[.\-](?:\d+|[A-Za-z]{1,3}\d*))*\.?)(?<sep>\s+[-–—]\s+|\s*[–—:)]\s*|\s+)(?<title>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex CodeThenTitle();

    [GeneratedRegex(@"^(?:[A-Za-z]{1,4}[.\-]?\d+[A-Za-z]?|\d+)(?:[.\-](?:\d+|[A-Za-z]{1,3}\d*))*\.?$")]
    private static partial Regex CodeOnly();

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex Year();
}
