using Pipeline.Core.Feeds;

namespace Pipeline.Core.Tests.Feeds;

public sealed class ItalianCalendarTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2011, "2011-04-24")] // Easter Monday falls on 25 April
    [InlineData(2000, "2000-04-23")]
    [InlineData(1818, "1818-03-22")] // the earliest possible date
    [InlineData(2038, "2038-04-25")] // the latest possible date
    public void Easter_sunday_by_the_gregorian_computus(int year, string expected) =>
        Assert.Equal(Day(expected), ItalianCalendar.EasterSunday(year));

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Easter_outside_the_supported_years_is_refused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ItalianCalendar.EasterSunday(year));

    [Theory]
    // every fixed national holiday, in two years
    [InlineData("2021-01-01", true)]
    [InlineData("2021-01-06", true)]
    [InlineData("2021-04-25", true)]
    [InlineData("2021-05-01", true)]
    [InlineData("2021-06-02", true)]
    [InlineData("2021-08-15", true)]
    [InlineData("2021-11-01", true)]
    [InlineData("2021-12-08", true)]
    [InlineData("2021-12-25", true)]
    [InlineData("2021-12-26", true)]
    [InlineData("2022-01-01", true)]
    [InlineData("2022-01-06", true)]
    [InlineData("2022-04-25", true)]
    [InlineData("2022-05-01", true)]
    [InlineData("2022-06-02", true)]
    [InlineData("2022-08-15", true)]
    [InlineData("2022-11-01", true)]
    [InlineData("2022-12-08", true)]
    [InlineData("2022-12-25", true)]
    [InlineData("2022-12-26", true)]
    // Easter Monday
    [InlineData("2019-04-22", true)]
    [InlineData("2021-04-05", true)]
    [InlineData("2022-04-18", true)]
    [InlineData("2024-04-01", true)]
    // Easter Sunday itself, the Tuesday after, and other ordinary days are not national holidays
    [InlineData("2021-04-04", false)]
    [InlineData("2021-04-06", false)]
    [InlineData("2022-04-19", false)]
    [InlineData("2024-03-31", false)]
    [InlineData("2021-12-24", false)]
    [InlineData("2021-12-27", false)]
    [InlineData("2021-12-31", false)]
    [InlineData("2021-08-14", false)]
    [InlineData("2021-01-07", false)]
    [InlineData("2021-06-24", false)] // a patron day is not national
    [InlineData("2021-06-26", false)] // a Saturday is not a holiday
    public void National_holidays(string day, bool expected) =>
        Assert.Equal(expected, ItalianCalendar.IsNationalHoliday(Day(day)));

    [Theory]
    [InlineData("2021-06-21", null, true)]    // Monday
    [InlineData("2021-06-25", null, true)]    // Friday
    [InlineData("2021-06-26", null, false)]   // Saturday
    [InlineData("2021-06-27", null, false)]   // Sunday
    [InlineData("2021-06-02", null, false)]   // Wednesday, Festa della Repubblica
    [InlineData("2021-04-05", null, false)]   // Monday, Easter Monday
    [InlineData("2021-12-24", null, true)]    // Friday, Christmas Eve is a working day
    [InlineData("2021-06-24", null, true)]    // Thursday, no patron
    [InlineData("2021-06-24", "06-24", false)] // Thursday, San Giovanni (Torino, Genova, Firenze)
    [InlineData("2021-04-23", "04-23", false)] // Friday, San Giorgio (Campobasso)
    [InlineData("2021-04-23", null, true)]
    [InlineData("2021-12-07", "12-07", false)] // Tuesday, Sant'Ambrogio (Milano)
    [InlineData("2021-12-07", "04-23", true)]  // another city's patron does not close Milano
    [InlineData("2021-12-07", null, true)]
    [InlineData("2024-02-29", "02-29", false)] // Thursday of a leap year
    [InlineData("2023-02-28", "02-29", true)]  // Tuesday: 29 February does not exist in 2023
    public void Working_days(string day, string? patron, bool expected) =>
        Assert.Equal(expected, ItalianCalendar.IsWorkingDay(Day(day), patron is null ? null : MonthDay.Parse(patron)));
}

public sealed class MonthDayTests
{
    [Theory]
    [InlineData("06-24", 6, 24)]
    [InlineData("04-23", 4, 23)]
    [InlineData("12-07", 12, 7)]
    [InlineData("01-01", 1, 1)]
    [InlineData("02-29", 2, 29)] // valid in a leap year
    [InlineData("12-31", 12, 31)]
    public void Parses_month_and_day(string text, int month, int day)
    {
        var parsed = MonthDay.Parse(text);
        Assert.Equal(new MonthDay(month, day), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("6-24")]
    [InlineData("06/24")]
    [InlineData("0624")]
    [InlineData("24-06")]   // month 24
    [InlineData("00-10")]
    [InlineData("13-01")]
    [InlineData("06-00")]
    [InlineData("02-30")]
    [InlineData("04-31")]
    [InlineData(" 06-24")]
    [InlineData("06-24-2021")]
    [InlineData("ab-cd")]
    public void Rejects_anything_but_a_real_mm_dd(string text)
    {
        var e = Assert.Throws<FormatException>(() => MonthDay.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("MM-DD", e.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(2, 30)]
    [InlineData(6, 31)]
    [InlineData(6, 0)]
    public void Constructor_refuses_days_that_do_not_exist(int month, int day) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthDay(month, day));

    [Theory]
    [InlineData("06-24", "2021-06-24", true)]
    [InlineData("06-24", "1999-06-24", true)]
    [InlineData("06-24", "2021-06-25", false)]
    [InlineData("06-24", "2021-07-24", false)]
    [InlineData("02-29", "2024-02-29", true)]
    [InlineData("02-29", "2023-02-28", false)]
    [InlineData("02-29", "2023-03-01", false)]
    public void Matches_the_same_month_and_day_in_any_year(string monthDay, string date, bool expected) =>
        Assert.Equal(expected, MonthDay.Parse(monthDay).Matches(DateOnly.ParseExact(date, "yyyy-MM-dd")));
}
