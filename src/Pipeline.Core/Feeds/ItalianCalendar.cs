namespace Pipeline.Core.Feeds;

/// <summary>
/// The Italian working calendar used to count processing days: the national holidays (1 January, 6 January,
/// Easter Monday, 25 April, 1 May, 2 June, 15 August, 1 November, 8 December, 25 and 26 December), weekends,
/// and optionally the local patron saint's day.
/// </summary>
public static class ItalianCalendar
{
    /// <summary>Easter Sunday of <paramref name="year"/> by the Gregorian computus (the anonymous algorithm).</summary>
    /// <param name="year">1 to 9999 (the Gregorian rules are applied to every year).</param>
    public static DateOnly EasterSunday(int year)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "a year is 1 to 9999");
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>True for a national holiday (see the type summary); weekends and patron days are not holidays here.</summary>
    public static bool IsNationalHoliday(DateOnly date) =>
        (date.Month, date.Day) switch
        {
            (1, 1) or (1, 6) or (4, 25) or (5, 1) or (6, 2) or (8, 15) or (11, 1) or (12, 8) or (12, 25) or (12, 26) => true,
            (3, _) or (4, _) => date == EasterSunday(date.Year).AddDays(1),
            _ => false,
        };

    /// <summary>True for Monday to Friday when the day is neither a national holiday nor the patron day.</summary>
    /// <param name="date">The day.</param>
    /// <param name="patron">The local patron saint's day, or null when none is observed.</param>
    public static bool IsWorkingDay(DateOnly date, MonthDay? patron) =>
        IsWeekday(date) && !IsNationalHoliday(date) && !(patron is { } p && p.Matches(date));

    /// <summary>The distinct closed days of <paramref name="year"/> (any day of the week): the national holidays plus the patron day.</summary>
    internal static List<DateOnly> ClosedDays(int year, MonthDay? patron)
    {
        var easterMonday = EasterSunday(year).AddDays(1);
        var days = new List<DateOnly>(12)
        {
            new(year, 1, 1), new(year, 1, 6), new(year, 4, 25), new(year, 5, 1), new(year, 6, 2), new(year, 8, 15),
            new(year, 11, 1), new(year, 12, 8), new(year, 12, 25), new(year, 12, 26),
        };
        if (!days.Contains(easterMonday)) days.Add(easterMonday);
        if (patron?.In(year) is { } patronDay && !days.Contains(patronDay)) days.Add(patronDay);
        return days;
    }

    internal static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
