using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>
/// Reads a target cell as printed into one <see cref="TargetValue"/> per period.
/// </summary>
/// <remarks>
/// <para><b>Periods.</b> A cell may hold several periods, each introduced by a label: <c>Anno: 2018</c>,
/// <c>Anno:2021</c>, <c>Anno 2023</c>, <c>Target 2021:</c> (capitalised <c>Anno</c>/<c>ANNO</c>/<c>Target</c>/
/// <c>TARGET</c>, so "nell'anno 2021" in running text is not a label), a semester label followed by a colon
/// (<c>I sem 2020:</c> → <c>2020-S1</c>), a checkpoint followed by a colon (<c>al 30/06/2021:</c> →
/// <c>2021-06-30</c>; <c>al 30/06:</c> in the default period's year), or a bare year 1990–2099 that is followed by a colon
/// (<c>2021: ≥ 80%</c>) or by an operator symbol (<c>2021 ≥ 80%</c>). A bare year that starts the cell, a line,
/// or a fragment after a separator (<c>;</c>, <c>,</c>, a spaced dash) is a label too when a value follows it
/// (<c>2021 80%</c> on its own line) and the cell holds at least one other label. A bare year is never a label
/// after a date's slash or dot or a month name, after a lower-case <c>anno</c>/<c>nel</c>/<c>del</c>/<c>entro</c>/<c>il</c>…, or
/// inside a value (<c>2021</c> alone, <c>≥ 2021 pratiche</c>). Dashes right after a label (<c>Anno:2021---&gt;=12</c>,
/// <c>Anno:2023 --40%</c>, <c>Anno:2022 -100%</c>, <c>Anno:2023—≥2</c>, <c>Target 2021 - 80%</c>) are separators,
/// never a minus sign, except one hyphen glued to a number after a colon (<c>2021: -5%</c> → −5); so are a dash, en dash, semicolon or comma that close a period before the next label
/// (<c>2021: SI - 2022: SI</c>, <c>2021: 5 – 2022: 6</c>). A period whose text is then empty or a no-value marker
/// (<c>---</c>, <c>-</c>, <c>NA</c>, <c>n.d.</c>) has no target and is omitted. Text before the first label is
/// ignored when it is a baseline or a heading (<c>baseline 12</c>, <c>Risultati attesi:</c>) and otherwise read
/// with the default period. Without labels the whole cell is one value with <c>defaultPeriod</c> (which may be
/// null). Line breaks count only to find labels; a value's text has its line breaks as spaces.</para>
/// <para><b>Operators.</b> <c>&gt;=</c> <c>=&gt;</c> <c>≥</c> <c>&lt;=</c> <c>=&lt;</c> <c>≤</c> <c>=</c>
/// <c>&gt;</c> <c>&lt;</c>; no operator is <c>=</c>. Words: <c>almeno</c>, <c>non inferiore a</c>, <c>non meno
/// di</c>, <c>minimo</c>, <c>min</c> → <c>&gt;=</c>; <c>massimo</c>, <c>max</c>, <c>non superiore a</c>,
/// <c>non oltre</c>, <c>fino a</c> → <c>&lt;=</c>; <c>superiore a</c>, <c>maggiore di</c>, <c>oltre</c>,
/// <c>più di</c> → <c>&gt;</c>; <c>inferiore a</c>, <c>minore di</c>, <c>meno di</c> → <c>&lt;</c>;
/// <c>pari a</c>, <c>uguale a</c> → <c>=</c>; an article after the word is skipped (<c>Almeno il 70%</c>). A
/// count marker before an operator is the unit (<c>N &gt;= 12</c> → <c>&gt;=</c> 12, unit <c>N.</c>); other
/// words before an operator symbol are a label when what follows is exactly a number
/// (<c>Obiettivo di qualità dell'Ente=100</c> → <c>=</c> 100).</para>
/// <para><b>Values.</b> A date (<c>30/10/2021</c>, <c>31.12.2021</c>, <c>31 dicembre 2021</c>) with any operator or
/// none, or after <c>Entro</c>, is a deadline: operator <c>date</c>, the operator text stays in Raw. A day and
/// month without a year after <c>Entro</c> or an operator (<c>entro il 31/12</c>) takes the year of the period,
/// else the cell is free text. <c>Entro</c> with a quantity (<c>entro 5 gg</c>) is <c>&lt;=</c>. <c>SI</c>,
/// <c>Sì</c>, <c>si</c>, <c>NO</c>, optionally followed by a parenthesised note, are <c>bool</c>. Numbers follow
/// <see cref="ItalianNumber"/>; a sum <c>a+b(+c…)</c> is added up (<c>&lt;=20gg.+5</c> → <c>&lt;=</c> 25 gg),
/// the unit being the first one printed. After an operator, the words <c>uno</c>…<c>dieci</c> are numbers
/// (<c>Minimo uno al giorno</c> → <c>&gt;=</c> 1). A quantity may be followed by a qualifier that starts with a
/// lower-case word or a parenthesis (<c>5 eventi</c>, <c>1800 (totali nell'anno)</c>, <c>20% sulle
/// neocostituite</c>); anything else after it (a capitalised word, another number: <c>70% 100%</c>) makes the
/// fragment free text. Free text is one value with operator <c>text</c> and no number.</para>
/// <para>Raw is the trimmed text of the value: the fragment after the period label and its separators.</para>
/// </remarks>
public static partial class TargetExpression
{
    /// <summary>Parses a target cell; an empty or no-value cell (<c>-</c>, <c>---</c>, <c>NA</c>, <c>n.d.</c>) gives no values.</summary>
    /// <param name="cellText">The cell as read (line breaks and HTML leftovers allowed).</param>
    /// <param name="defaultPeriod">The period code for values without their own label, or null.</param>
    public static IReadOnlyList<TargetValue> Parse(string? cellText, string? defaultPeriod = null)
    {
        var text = NormalizeLines(cellText);
        if (ValueText.IsBlankMarker(text)) return [];

        var labels = Labels(text);
        if (labels.Count == 0)
            return TargetValueReader.Read(OneLine(text), defaultPeriod) is { } single ? [single] : [];

        var values = new List<TargetValue>();
        var prefix = OneLine(text[..labels[0].Index]);
        if (prefix.Length > 0 && !IgnoredPrefix().IsMatch(prefix) && TargetValueReader.Read(prefix, defaultPeriod) is { } first)
            values.Add(first);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var last = i + 1 == labels.Count;
            var end = last ? text.Length : labels[i + 1].Index;
            var start = label.Index + label.Length;
            // after a colon, one hyphen glued to a number is its sign ("2021: -5%"); any other dash is a separator
            var body = text[start..end];
            var fragment = OneLine(label.Value.EndsWith(':') && SignedNumber().IsMatch(body) ? body : Separators().Replace(body, ""));
            if (!last) fragment = ClosingSeparator().Replace(fragment, "");
            if (ValueText.IsBlankMarker(fragment)) continue;
            var period = label.Groups["y"].Success ? label.Groups["y"].Value
                : label.Groups["cd"].Success ? Checkpoint(label, defaultPeriod)
                : Period.ForSemester(int.Parse(label.Groups["sy"].Value, CultureInfo.InvariantCulture),
                    label.Groups["sn"].Value is "I" or "i" or "1" ? 1 : 2).Code;
            if (TargetValueReader.Read(fragment, period) is { } value) values.Add(value);
        }
        return values;
    }

    /// <summary>The day of a checkpoint label ("al 30/06/2021:"; "al 30/06:" in the default period's year), else the default period.</summary>
    private static string? Checkpoint(Match label, string? defaultPeriod)
    {
        var year = label.Groups["cy"].Success ? label.Groups["cy"].Value : defaultPeriod is { Length: >= 4 } p ? p[..4] : null;
        if (year is null || !int.TryParse(year, CultureInfo.InvariantCulture, out var y)) return defaultPeriod;
        var (month, day) = (int.Parse(label.Groups["cm"].Value, CultureInfo.InvariantCulture), int.Parse(label.Groups["cd"].Value, CultureInfo.InvariantCulture));
        return y is >= Period.MinYear and <= Period.MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month)
            ? Period.ForDay(new DateOnly(y, month, day)).Code
            : defaultPeriod;
    }

    /// <summary>Each line normalized (<see cref="ValueText.Normalize"/>), blank lines dropped, joined with '\n'.</summary>
    private static string NormalizeLines(string? cellText)
    {
        if (string.IsNullOrWhiteSpace(cellText)) return "";
        var lines = LineBreak().Split(cellText)
            .Select(line => ValueText.Normalize(line).Replace("**", "").Trim())
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Trim();

    /// <summary>
    /// The period labels in order. A bare year at the start of the cell, a line or a fragment (no colon, no
    /// operator) counts only when the cell has another label, so <c>2021 – 2023 Piano</c> keeps its years.
    /// </summary>
    private static List<Match> Labels(string text)
    {
        var labels = Label().Matches(text).ToList();
        return labels.Count >= 2 ? labels : labels.Where(l => !l.Groups["start"].Success).ToList();
    }

    private const string Year = @"(?<y>(?:19|20)\d{2})(?!\d)";

    /// <summary>No bare-year label inside a date, a number or running text ("nell'anno 2021:", "entro il 2021").</summary>
    private const string BareYearBefore =
        @"(?<![\p{L}\d'’/])(?<!\d[.,])(?<!\b(?:anno|nel|del|dal|al|entro|il|fine|di|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+)";

    /// <summary>What may follow a bare year that starts a line or fragment: a value, never another bare year.</summary>
    private const string ValueAhead =
        @"(?=[<>=≥≤⩾⩽€+]|-?\d|(?i:s[iìí]|no|entro|almeno|minimo|massimo|max|min)(?!\p{L}))(?!(?:19|20)\d{2}(?![\d%]))";

    [GeneratedRegex(
        @"(?<![\p{L}\d'’])(?:(?:Anno|ANNO|Target|TARGET)\s*:?\s*" + Year + @"(?:\s*:)?" +
        @"|(?:al|Al|AL)\s+(?<cd>\d{1,2})[/.](?<cm>\d{1,2})(?:[/.](?<cy>(?:19|20)\d{2}))?\s*:" +
        @"|(?<sn>II|I|2|1)\s*[°º^]?\s*(?:sem|SEM|Sem)(?:estre|ESTRE|\.)?\s*(?<sy>(?:19|20)\d{2})(?!\d)\s*:" +
        @"|" + BareYearBefore + Year + @"\s*:" +
        @"|" + BareYearBefore + Year + @"(?=\s*(?:[<>=≥≤⩾⩽]))" +
        @"|(?<start>(?<=^|\n|[;,]\s+|\s[-–—]+\s*)" + Year + @"(?:\s*[-–—]+\s*|\s+)" + ValueAhead + "))")]
    private static partial Regex Label();

    [GeneratedRegex(@"\r\n|\r|\n|\u2028|\u2029")]
    private static partial Regex LineBreak();

    /// <summary>A dash, en dash, semicolon or comma closing a period's text before the next label.</summary>
    [GeneratedRegex(@"[\s;,\-–—―‐‑]+$")]
    private static partial Regex ClosingSeparator();

    [GeneratedRegex(@"^(?:base\s?line|valore\s+(?:di\s+)?base|risultat[oi]\s+attes[oi])\b|:$", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoredPrefix();

    [GeneratedRegex(@"^[\s:]*[-–—―‐‑]*[\s:]*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\s*-\d")]
    private static partial Regex SignedNumber();

}
