using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>The granularity of a <see cref="Period"/>.</summary>
public enum PeriodKind
{
    Year,
    Semester,
    Quarter,
    Month,
    Day,
}

/// <summary>
/// A reporting period with its canonical code: <c>2021</c> (year), <c>2021-S1</c> / <c>2021-S2</c> (semester),
/// <c>2021-Q3</c> (quarter), <c>2021-03</c> (month), <c>2021-06-30</c> (a checkpoint day).
/// <see cref="Start"/> and <see cref="End"/> are both inclusive.
/// </summary>
public sealed partial record Period(string Code, PeriodKind Kind, int Year, DateOnly Start, DateOnly End)
{
    /// <summary>Lowest and highest year accepted by the factories and by <see cref="Parse"/>.</summary>
    public const int MinYear = 1900, MaxYear = 2199;

    /// <summary>
    /// Period codes in calendar order, as a reader expects them: by the day each period ends, then the shorter first,
    /// so a year follows its halves (2021-S1, 2021-S2, 2021; a checkpoint 2021-06-30 before 2021-S1; 2021 before
    /// 2022-S1); codes that are no period come last, by text.
    /// </summary>
    public static IComparer<string> CalendarOrder { get; } = Comparer<string>.Create((a, b) =>
    {
        var pa = TryParse(a, out var x) ? x : null;
        var pb = TryParse(b, out var y) ? y : null;
        if (pa is null || pb is null) return pa is null && pb is null ? string.CompareOrdinal(a, b) : pa is null ? 1 : -1;
        var byEnd = pa.End.CompareTo(pb.End);
        if (byEnd != 0) return byEnd;
        var byStart = pb.Start.CompareTo(pa.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(a, b);
    });

    public static Period ForYear(int year)
    {
        CheckYear(year);
        return new Period(Year4(year), PeriodKind.Year, year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <param name="year">The year.</param>
    /// <param name="half">1 for January–June, 2 for July–December.</param>
    public static Period ForSemester(int year, int half)
    {
        CheckYear(year);
        if (half is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(half), half, "a semester is 1 or 2");
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new Period($"{Year4(year)}-S{half}", PeriodKind.Semester, year, start, start.AddMonths(6).AddDays(-1));
    }

    /// <param name="year">The year.</param>
    /// <param name="quarter">1 to 4.</param>
    public static Period ForQuarter(int year, int quarter)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "a quarter is 1 to 4");
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new Period($"{Year4(year)}-Q{quarter}", PeriodKind.Quarter, year, start, start.AddMonths(3).AddDays(-1));
    }

    /// <param name="year">The year.</param>
    /// <param name="month">1 to 12.</param>
    public static Period ForMonth(int year, int month)
    {
        CheckYear(year);
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "a month is 1 to 12");
        var start = new DateOnly(year, month, 1);
        return new Period($"{Year4(year)}-{month:00}", PeriodKind.Month, year, start, start.AddMonths(1).AddDays(-1));
    }

    public static Period ForDay(DateOnly day)
    {
        CheckYear(day.Year);
        return new Period(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PeriodKind.Day, day.Year, day, day);
    }

    /// <summary>Parses a canonical code (see the type summary). Surrounding white space is ignored.</summary>
    /// <exception cref="FormatException">The text is not a canonical period code.</exception>
    public static Period Parse(string code) =>
        TryParse(code, out var period) ? period : throw new FormatException($"'{code}' is not a period code (2021, 2021-S1, 2021-Q3, 2021-03, 2021-06-30)");

    /// <summary>Parses a canonical code (see the type summary); false for anything else, including null.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (code is null) return false;
        var m = Canonical().Match(code.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear) return false;
        if (m.Groups["s"].Success)
            period = ForSemester(year, m.Groups["s"].Value[0] - '0');
        else if (m.Groups["q"].Success)
            period = ForQuarter(year, m.Groups["q"].Value[0] - '0');
        else if (m.Groups["d"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            period = ForDay(new DateOnly(year, month, day));
        }
        else if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = ForMonth(year, month);
        }
        else
            period = ForYear(year);
        return true;
    }

    /// <summary>
    /// The period a checkpoint reports on: a day that is 30 June is that year's first semester, a day that is
    /// 31 December is the year; anything else is returned unchanged. Used for "Valore al 30/06" columns.
    /// </summary>
    public Period ToReportingPeriod() => Kind switch
    {
        PeriodKind.Day when Start.Month == 6 && Start.Day == 30 => ForSemester(Year, 1),
        PeriodKind.Day when Start.Month == 12 && Start.Day == 31 => ForYear(Year),
        _ => this,
    };

    /// <summary>True when <paramref name="day"/> falls within the period (bounds included).</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The canonical code.</summary>
    public override string ToString() => Code;

    private static string Year4(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"a period year is {MinYear} to {MaxYear}");
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:S(?<s>[12])|Q(?<q>[1-4])|(?<m>\d{2})(?:-(?<d>\d{2}))?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();
}
