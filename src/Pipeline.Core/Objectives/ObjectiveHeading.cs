using System.Text.RegularExpressions;
using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Core.Objectives;

/// <summary>
/// An objective as its heading or its "code – title" cell prints it: the code in its printed form
/// (<c>OS.01.02</c>, <c>OP 1.1.3</c>, <c>A.1</c>), the level when the words or the code's prefix name it, and the title.
/// </summary>
public sealed record ObjectiveHeading(string Code, ObjectiveLevel? Level, string Title);

/// <summary>
/// Reads an objective heading or a "code – title" cell.
/// </summary>
/// <remarks>
/// <para><b>Shape.</b> <c>[level words] [:] [n.] code [separator] title</c>. Level words (any case, singular or
/// plural): <c>Obiettivo strategico</c>, <c>Strategico</c> → strategic; <c>Area strategica</c>, <c>Ambito
/// strategico</c>, <c>Area</c>, <c>Ambito</c>, <c>Asse</c> → area; <c>Programma</c> → programme; <c>Obiettivo
/// operativo</c>, <c>Operativo</c> → operational; <c>Azione</c> → action; <c>Obiettivo individuale</c> → individual;
/// <c>Obiettivo</c> alone names no level. The separator between code and title is white space, <c>-</c>,
/// <c>–</c>, <c>—</c>, <c>:</c> or <c>.</c>.</para>
/// <para><b>Codes.</b> A prefixed code (<c>OS</c>, <c>OB.S</c>, <c>OBS</c> → strategic; <c>OP</c> → operational;
/// <c>AS</c>, <c>AR</c>, <c>AMB</c> → area, upper case) followed by numbered segments (<c>OS.01.02</c>,
/// <c>OP 1.1.3</c>); an upper-case letter with numbered segments (<c>A.1</c>, <c>A1</c>, <c>B.2.1</c>); numbered
/// segments of one or two digits (three after a prefix) (<c>1</c>, <c>1.1</c>, <c>01.02</c>); after level words only, a lone upper-case
/// letter or a Roman numeral (<c>Area strategica A</c>, <c>Asse II</c>). Level words win over a prefix. The code keeps
/// its printed form with a trailing dot trimmed (<c>1.1.</c> → <c>1.1</c>); a code starting with a letter may stand in
/// brackets (<c>(C5) Ottimizzare …</c>, <c>Obiettivo strategico (A1) “…”</c> → <c>C5</c>, <c>A1</c>).</para>
/// <para><b>Not headings.</b> Without level words or a prefix the title must start with an upper-case letter or a
/// quote, so quantities and references (<c>1.234 imprese</c>, <c>n. 12 eventi</c>, <c>100,00 %</c>,
/// <c>30/06/2021 monitoraggio</c>, <c>2021 – 2023 Piano</c>, <c>D.Lgs. 150/2009</c>) are not headings. A code with
/// no title is returned with an empty title when level words or a prefix name it or it has two segments or more
/// (<c>1.1</c>, <c>Obiettivo 3</c>); a lone number (<c>3</c>) is not a heading. A dotted pair such as <c>1.5</c>
/// alone reads as a code: callers pass heading text, not values.</para>
/// </remarks>
public static partial class ObjectiveHeadingParser
{
    /// <summary>A heading or a "code – title" cell; null when the text does not start with an objective code.</summary>
    public static ObjectiveHeading? Parse(string? text)
    {
        var s = ValueText.Normalize(text);
        if (s.Length == 0) return null;

        ObjectiveLevel? level = null;
        var hasWords = false;
        var words = Words().Match(s);
        if (words.Success)
        {
            hasWords = true;
            level = LevelOf(words);
            s = s[words.Length..];
        }

        var m = (hasWords ? CodeAfterWords() : Code()).Match(s);
        if (!m.Success) return null;
        var code = m.Groups["code"].Value;
        var rest = s[m.Length..];
        var trailingDot = m.Groups["dot"].Success;
        if (rest.Length > 0 && !trailingDot && !SeparatorStart().IsMatch(rest)) return null;

        var prefixLevel = PrefixLevel(m.Groups["pfx"].Value);
        level ??= prefixLevel;
        var title = TitleStart().Replace(rest, "").Trim();
        var named = hasWords || prefixLevel is not null;
        if (title.Length == 0)
            return named || code.Contains('.') || code.Contains(' ') ? new ObjectiveHeading(code, level, "") : null;
        if (!(named ? TitleAfterName() : TitleAlone()).IsMatch(title)) return null;
        return new ObjectiveHeading(code, level, title);
    }

    /// <summary>
    /// The level named by words alone at the start of the text (<c>Obiettivo strategico</c>, <c>Area strategica</c>,
    /// <c>Ambito strategico</c>, <c>Asse</c>, <c>Programma</c>, <c>Obiettivo operativo</c>, <c>Azione</c>,
    /// <c>Strategico</c>, <c>Operativo</c>, any case, singular or plural), or null (also for <c>Obiettivo</c> alone).
    /// </summary>
    public static ObjectiveLevel? LevelFromWords(string? text)
    {
        var words = Words().Match(ValueText.Normalize(text));
        return words.Success ? LevelOf(words) : null;
    }

    private static ObjectiveLevel? LevelOf(Match words) =>
        words.Groups["area"].Success ? ObjectiveLevel.Area
        : words.Groups["op"].Success ? ObjectiveLevel.Operational
        : words.Groups["ind"].Success ? ObjectiveLevel.Individual
        : words.Groups["str"].Success ? ObjectiveLevel.Strategic
        : words.Groups["prog"].Success ? ObjectiveLevel.Programme
        : words.Groups["act"].Success ? ObjectiveLevel.Action
        : null;

    private static ObjectiveLevel? PrefixLevel(string prefix) => ObjectiveCodes.LevelOfPrefix(prefix);

    [GeneratedRegex(
        @"^(?:(?<area>are[ae]\s+strategic(?:a|he)|ambit[oi]\s+strategic[oi]|are[ae]|ambit[oi]|ass[ei])" +
        @"|(?<op>obiettiv[oi]\s+operativ[oi]|operativ[oi])" +
        @"|(?<ind>obiettiv[oi]\s+individual[ei])" +
        @"|(?<str>obiettiv[oi]\s+strategic[oi]|strategic[oi])" +
        @"|(?<prog>programm[ai])" +
        @"|(?<act>azion[ei])" +
        @"|obiettiv[oi])(?!\p{L})\s*[:\-–—]?\s*(?:(?:n|nr)\s*[.°º]\s*)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Words();

    private const string Segments = @"(?:\.\d{1,2}(?!\d))*";

    private const string CodeShapes =
        @"(?<code>(?<pfx>OB\.?S|OS|OP|OO|AS|AR|AMB)[.\s]?\d{1,3}(?!\d)(?:\.\d{1,3}(?!\d))*" +
        @"|[A-Z]\.?\d{1,2}(?!\d)" + Segments +
        @"|\d{1,2}(?!\d)" + Segments;

    /// <summary>A code that starts with a letter may stand in brackets: "(C5)", "(OS1)".</summary>
    private const string Open = @"^(?<open>\((?=[A-Z]))?";

    private const string Close = @"(?(open)\))";

    [GeneratedRegex(Open + CodeShapes + @")" + Close + @"(?<dot>\.(?!\d))?")]
    private static partial Regex Code();

    [GeneratedRegex(Open + CodeShapes + @"|(?:X|IX|IV|V?I{1,3}|V)(?![\p{L}\d])|[A-Z](?![\p{L}\d]))" + Close + @"(?<dot>\.(?!\d))?")]
    private static partial Regex CodeAfterWords();

    [GeneratedRegex(@"^[\s\-–—:]")]
    private static partial Regex SeparatorStart();

    [GeneratedRegex(@"^[\s\-–—:.]+")]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^[\p{L}""“«'‘(]")]
    private static partial Regex TitleAfterName();

    [GeneratedRegex(@"^(?:\p{Lu}|[""“«'‘]\p{L})")]
    private static partial Regex TitleAlone();
}
