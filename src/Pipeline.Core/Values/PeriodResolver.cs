using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>
/// Finds the period named by a label or column header as printed: <c>Anno: 2021</c>, <c>Target 2021:</c>,
/// <c>Consuntivo 2021</c>, <c>I semestre 2021</c>, <c>1° semestre 2021</c>, <c>Valore al 30/06</c>,
/// <c>al 30/06/2021</c>, <c>Risultato atteso al 31/12</c>, <c>2021-S1</c>.
/// </summary>
/// <remarks>
/// Rules, first match wins:
/// <list type="number">
/// <item>The whole text is a canonical code (<see cref="Period.TryParse"/>), ignoring a trailing colon.</item>
/// <item>The whole text is a year written with a thousands separator, as a workbook shows a year typed as a number
/// (<c>2.021</c>, <c>2,021</c>) → that year.</item>
/// <item>A full date, <c>dd/mm/yyyy</c>, <c>dd.mm.yyyy</c>, <c>dd-mm-yyyy</c> (two-digit years are 20yy),
/// ISO <c>yyyy-mm-dd</c>, or <c>30 giugno 2021</c> → that <see cref="PeriodKind.Day"/>.</item>
/// <item>A semester: <c>I</c>/<c>II</c>/<c>1°</c>/<c>2°</c>/<c>primo</c>/<c>secondo</c> followed by
/// <c>sem</c>, <c>sem.</c> or <c>semestre</c>, then an optional year; without a year the context year is used.
/// Quarters (<c>III trimestre 2021</c>) are read the same way. An embedded code (<c>2021-S1</c>) also counts.</item>
/// <item>A day and month without year (<c>al 30/6</c>, <c>31/12</c>, <c>al 30 giugno</c>) → that day of the
/// context year; nothing without a context year.</item>
/// <item>A month name and year (<c>giugno 2021</c>) → that <see cref="PeriodKind.Month"/>.</item>
/// <item>A year range (<c>2021/2023</c>, <c>2021-2023</c>, <c>2021 – 2023</c>, <c>2021/22</c>) is a plan cycle, not a
/// period → null.</item>
/// <item>A year 1950–2099 standing alone as a number → that <see cref="PeriodKind.Year"/> (the first one).</item>
/// </list>
/// A semester, quarter or day-month without its own year takes the first stand-alone year elsewhere in the text
/// (<c>Anno 2021 - I semestre</c>), else the context year; with neither it yields null rather than falling
/// through to a later rule. Dates of legal acts (<c>D.M. 27/03/2013</c>, <c>Decreto legge 31 maggio 2021</c>,
/// <c>delibera n. 12 del 30/06/2021</c>) are not periods. Text with none of these is null.
/// </remarks>
public static partial class PeriodResolver
{
    private static readonly string[] MonthNames =
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

    /// <summary>Reads the period in <paramref name="text"/>; <paramref name="contextYear"/> completes texts without a year.</summary>
    public static Period? Resolve(string? text, int? contextYear = null)
    {
        var s = ValueText.Normalize(text).TrimEnd(':', ';', '.', ',', ' ', '*');
        if (s.Length == 0) return null;
        if (Period.TryParse(s, out var canonical)) return canonical;
        if (ThousandsYear().Match(s) is { Success: true } typed) return Period.ForYear(int.Parse(typed.Groups[1].Value + typed.Groups[2].Value, CultureInfo.InvariantCulture));

        if (FullDate(s) is { } day) return Period.ForDay(day);

        var sem = Semester().Match(s);
        if (sem.Success)
        {
            var year = YearOf(sem.Groups["y"]) ?? OtherYear(s) ?? contextYear;
            return year is { } y && Valid(y) ? Period.ForSemester(y, Ordinal(sem.Groups["n"].Value)) : null;
        }
        var quarter = Quarter().Match(s);
        if (quarter.Success)
        {
            var year = YearOf(quarter.Groups["y"]) ?? OtherYear(s) ?? contextYear;
            return year is { } y && Valid(y) ? Period.ForQuarter(y, Ordinal(quarter.Groups["n"].Value)) : null;
        }
        var code = EmbeddedCode().Match(s);
        if (code.Success && Period.TryParse(code.Value, out var embedded)) return embedded;

        if (DayMonth(s) is { } dm)
        {
            if ((OtherYear(s) ?? contextYear) is not { } y || !Valid(y)) return null;
            return dm.Day <= DateTime.DaysInMonth(y, dm.Month) ? Period.ForDay(new DateOnly(y, dm.Month, dm.Day)) : null;
        }

        var monthYear = MonthYear().Match(s);
        if (monthYear.Success)
            return Period.ForMonth(int.Parse(monthYear.Groups["y"].Value, CultureInfo.InvariantCulture), MonthNumber(monthYear.Groups["mon"].Value));

        if (YearRange().IsMatch(s)) return null;
        return OtherYear(s) is { } single ? Period.ForYear(single) : null;
    }

    /// <summary>The first stand-alone year in the text, ignoring year ranges (plan cycles).</summary>
    private static int? OtherYear(string s)
    {
        var m = Year().Match(YearRange().Replace(s, " "));
        return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True when the date at <paramref name="index"/> dates a legal act (D.M. 27/03/2013, Legge n. 77 del …).</summary>
    private static bool IsLegalReference(string s, int index) => LegalReference().IsMatch(s[..index]);

    /// <summary>The first valid full date in the text (numeric, ISO or with an Italian month name), else null.</summary>
    internal static DateOnly? FullDate(string s)
    {
        foreach (Match m in NumericDate().Matches(s))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["y"].Value.Length == 2) year += 2000;
            if (IsLegalReference(s, m.Index)) continue;
            if (TryDate(year, Int(m.Groups["m"]), Int(m.Groups["d"]), out var date)) return date;
        }
        foreach (Match m in IsoDate().Matches(s))
            if (!IsLegalReference(s, m.Index) && TryDate(Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]), out var date)) return date;
        foreach (Match m in NamedDate().Matches(s))
            if (m.Groups["y"].Success && !IsLegalReference(s, m.Index) && TryDate(Int(m.Groups["y"]), MonthNumber(m.Groups["mon"].Value), Int(m.Groups["d"]), out var date))
                return date;
        return null;
    }

    /// <summary>The first day and month written without a year (<c>30/6</c>, <c>30 giugno</c>), else null.</summary>
    internal static (int Day, int Month)? DayMonth(string s)
    {
        foreach (Match m in NumericDayMonth().Matches(s))
        {
            var (d, mo) = (Int(m.Groups["d"]), Int(m.Groups["m"]));
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(2000, mo)) return (d, mo);
        }
        foreach (Match m in NamedDate().Matches(s))
        {
            if (m.Groups["y"].Success) continue;
            var (d, mo) = (Int(m.Groups["d"]), MonthNumber(m.Groups["mon"].Value));
            if (d >= 1 && d <= DateTime.DaysInMonth(2000, mo)) return (d, mo);
        }
        return null;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (!Valid(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Valid(int year) => year is >= Period.MinYear and <= Period.MaxYear;

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static int? YearOf(Group g) => g.Success ? Int(g) : null;

    private static int MonthNumber(string name)
    {
        var key = name.ToLowerInvariant();
        return Array.FindIndex(MonthNames, n => key.StartsWith(n[..3], StringComparison.Ordinal)) + 1;
    }

    private static int Ordinal(string text) => text.ToLowerInvariant() switch
    {
        "i" or "1" or "primo" => 1,
        "ii" or "2" or "secondo" => 2,
        "iii" or "3" or "terzo" => 3,
        _ => 4,
    };

    private const string MonthPattern =
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})(?<sep>[/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?!\d)(?![/.\-]\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:\bD\.?\s?M\.?|\bD\.?\s?Lgs\.?|\bD\.?\s?P\.?\s?R\.?|\bL\.|\blegge|\bdecreto(?:\s+legge)?|\bdelibera(?:zione)?|\bdetermina(?:zione)?|\bcircolare|\bprot\.?|\bart\.?)\s*(?:n\.?\s*[\d/]+\s*)?,?\s*(?:del\s+|dd\.?\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LegalReference();

    [GeneratedRegex(@"(?<![\d/.\-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d])(?<d>\d{1,2})\s*(?:°|º)?\s+(?<mon>" + MonthPattern + @")(?:\s+(?<y>\d{4}))?(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})\s?/\s?(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex NumericDayMonth();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>II|I|2|1|primo|secondo)\s*(?:°|º|\^|ª)?\s*sem(?:estre|\.)?(?!\p{L})(?:\s*(?:del(?:l')?\s*|anno\s*)?(?<y>(?:19|20)\d{2})(?!\d))?", RegexOptions.IgnoreCase)]
    private static partial Regex Semester();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>III|IV|II|I|1|2|3|4|primo|secondo|terzo|quarto)\s*(?:°|º|\^)?\s*trim(?:estre|\.)?(?!\p{L})(?:\s*(?:del(?:l')?\s*|anno\s*)?(?<y>(?:19|20)\d{2})(?!\d))?", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?<![\d\p{L}])\d{4}-(?:S[12]|Q[1-4])(?![\d\p{L}])")]
    private static partial Regex EmbeddedCode();

    [GeneratedRegex(@"(?<![\d\p{L}])(?<mon>" + MonthPattern + @")\s+(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?:\s*[/\-–—]\s*(?:19|20)\d{2}|/\d{2})(?![\d/])")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^([12])[.,]((?<=1[.,])9[5-9]\d|(?<=2[.,])0\d{2})$")]
    private static partial Regex ThousandsYear();

    [GeneratedRegex(@"(?<![\d.,/\-])(?:19[5-9]\d|20\d{2})(?![\d/]|[.,]\d)")]
    private static partial Regex Year();
}
