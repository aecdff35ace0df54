using System.Globalization;
using Pipeline.Core.Alerts;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Alerts;

public sealed class DueRuleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [Theory]
    // semesters: half-year values due by 31 July / 31 January
    [InlineData("2021-S1", PeriodKind.Semester, 1, 31, 0, "2021-07-31")]
    [InlineData("2021-S2", PeriodKind.Semester, 1, 31, 0, "2022-01-31")]
    [InlineData("2021-S1", PeriodKind.Semester, 0, 31, 0, "2021-06-30")]
    [InlineData("2021-S2", PeriodKind.Semester, 0, 31, 0, "2021-12-31")]
    [InlineData("2023-S2", PeriodKind.Semester, 2, 31, 0, "2024-02-29")]
    // years: annual values due by 30 April of the next year
    [InlineData("2021", PeriodKind.Year, 4, 30, 0, "2022-04-30")]
    [InlineData("2023", PeriodKind.Year, 2, 31, 0, "2024-02-29")]
    [InlineData("2022", PeriodKind.Year, 2, 29, 0, "2023-02-28")]
    [InlineData("2021", PeriodKind.Year, 12, 31, 0, "2022-12-31")]
    [InlineData("2021", PeriodKind.Year, 13, 15, 0, "2023-01-15")]
    // quarters
    [InlineData("2021-Q1", PeriodKind.Quarter, 2, 31, 0, "2021-05-31")]
    [InlineData("2021-Q4", PeriodKind.Quarter, 2, 31, 0, "2022-02-28")]
    // day 31 in 30-day months
    [InlineData("2024-03", PeriodKind.Month, 1, 31, 0, "2024-04-30")]
    [InlineData("2024-05", PeriodKind.Month, 1, 31, 0, "2024-06-30")]
    [InlineData("2024-08", PeriodKind.Month, 1, 31, 0, "2024-09-30")]
    [InlineData("2024-10", PeriodKind.Month, 1, 31, 0, "2024-11-30")]
    [InlineData("2024-06", PeriodKind.Month, 1, 31, 0, "2024-07-31")]
    [InlineData("2024-04", PeriodKind.Month, 1, 30, 0, "2024-05-30")]
    // February, 2023 and leap 2024
    [InlineData("2023-01", PeriodKind.Month, 1, 29, 0, "2023-02-28")]
    [InlineData("2023-01", PeriodKind.Month, 1, 30, 0, "2023-02-28")]
    [InlineData("2023-01", PeriodKind.Month, 1, 31, 0, "2023-02-28")]
    [InlineData("2023-01", PeriodKind.Month, 1, 28, 0, "2023-02-28")]
    [InlineData("2023-01", PeriodKind.Month, 1, 27, 0, "2023-02-27")]
    [InlineData("2024-01", PeriodKind.Month, 1, 29, 0, "2024-02-29")]
    [InlineData("2024-01", PeriodKind.Month, 1, 30, 0, "2024-02-29")]
    [InlineData("2024-01", PeriodKind.Month, 1, 31, 0, "2024-02-29")]
    [InlineData("2024-01", PeriodKind.Month, 1, 28, 0, "2024-02-28")]
    // due month rolls into the next year
    [InlineData("2021-12", PeriodKind.Month, 1, 15, 0, "2022-01-15")]
    [InlineData("2021-11", PeriodKind.Month, 3, 31, 0, "2022-02-28")]
    // day periods: months counted from the day's month
    [InlineData("2024-02-10", PeriodKind.Day, 0, 31, 0, "2024-02-29")]
    [InlineData("2021-06-30", PeriodKind.Day, 1, 31, 0, "2021-07-31")]
    // grace days crossing a month end
    [InlineData("2021-S1", PeriodKind.Semester, 1, 31, 3, "2021-08-03")]
    [InlineData("2024-03", PeriodKind.Month, 1, 31, 5, "2024-05-05")]
    [InlineData("2023-01", PeriodKind.Month, 1, 28, 1, "2023-03-01")]
    [InlineData("2024-01", PeriodKind.Month, 1, 28, 1, "2024-02-29")]
    [InlineData("2024-01", PeriodKind.Month, 1, 31, 1, "2024-03-01")]
    [InlineData("2021", PeriodKind.Year, 4, 30, 10, "2022-05-10")]
    // grace days crossing a year end
    [InlineData("2021-11", PeriodKind.Month, 1, 31, 1, "2022-01-01")]
    [InlineData("2021-12", PeriodKind.Month, 0, 20, 15, "2022-01-04")]
    [InlineData("2021-S2", PeriodKind.Semester, 0, 31, 31, "2022-01-31")]
    [InlineData("2021-Q3", PeriodKind.Quarter, 3, 31, 40, "2022-02-09")]
    public void Due_date_is_the_clamped_day_of_the_shifted_month_plus_grace(
        string period, PeriodKind kind, int monthsAfter, int dayOfMonth, int graceDays, string expected)
    {
        var rule = new DueRule("r", kind, monthsAfter, dayOfMonth, graceDays);
        Assert.Equal(D(expected), rule.DueDate(Period.Parse(period)));
    }

    [Fact]
    public void Due_date_rejects_a_period_of_another_kind()
    {
        var rule = new DueRule("semester", PeriodKind.Semester, 1, 31, 0);
        Assert.Throws<ArgumentException>(() => rule.DueDate(Period.Parse("2021")));
        Assert.Throws<ArgumentException>(() => rule.DueDate(Period.Parse("2021-06-30")));
    }

    [Theory]
    [InlineData("", PeriodKind.Year, 0, 1, 0)]
    [InlineData(" ", PeriodKind.Year, 0, 1, 0)]
    [InlineData("r", (PeriodKind)99, 0, 1, 0)]
    [InlineData("r", PeriodKind.Year, -1, 1, 0)]
    [InlineData("r", PeriodKind.Year, 0, 0, 0)]
    [InlineData("r", PeriodKind.Year, 0, 32, 0)]
    [InlineData("r", PeriodKind.Year, 0, 1, -1)]
    public void Rejects_invalid_rules(string id, PeriodKind kind, int monthsAfter, int dayOfMonth, int graceDays) =>
        Assert.ThrowsAny<ArgumentException>(() => new DueRule(id, kind, monthsAfter, dayOfMonth, graceDays));

    [Fact]
    public void Rejects_invalid_values_set_through_with()
    {
        var rule = new DueRule("r", PeriodKind.Year, 4, 30, 0);
        Assert.ThrowsAny<ArgumentException>(() => rule with { DayOfMonth = 0 });
        Assert.ThrowsAny<ArgumentException>(() => rule with { GraceDays = -2 });
        Assert.ThrowsAny<ArgumentException>(() => rule with { MonthsAfterPeriodEnd = -1 });
        Assert.Equal(new DateOnly(2022, 4, 29), (rule with { DayOfMonth = 29 }).DueDate(Period.ForYear(2021)));
    }

    [Theory]
    // winter (CET, UTC+1): due 2024-01-31
    [InlineData("2024-01", 0, 31, "2024-01-31", "2024-01-30T23:00:00Z", false)]
    [InlineData("2024-01", 0, 31, "2024-01-31", "2024-01-31T22:59:59Z", false)]
    [InlineData("2024-01", 0, 31, "2024-01-31", "2024-01-31T23:00:00Z", true)]
    // due 2024-03-30, the day before the spring change (still CET)
    [InlineData("2024-02", 1, 30, "2024-03-30", "2024-03-30T22:59:59Z", false)]
    [InlineData("2024-02", 1, 30, "2024-03-30", "2024-03-30T23:00:00Z", true)]
    [InlineData("2024-02", 1, 30, "2024-03-30", "2024-03-31T00:00:00+01:00", true)]
    [InlineData("2024-02", 1, 30, "2024-03-30", "2024-03-30T23:59:59+01:00", false)]
    // due 2024-03-31: clocks go forward at 02:00 CET, so the day ends at 22:00Z
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-03-31T00:59:59Z", false)]
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-03-31T01:00:00Z", false)]
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-03-31T21:59:59Z", false)]
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-03-31T22:00:00Z", true)]
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-03-31T22:30:00Z", true)]
    [InlineData("2024-02", 1, 31, "2024-03-31", "2024-04-01T00:00:00+02:00", true)]
    // due 2024-10-26, the day before the autumn change (still CEST)
    [InlineData("2024-09", 1, 26, "2024-10-26", "2024-10-26T21:59:59Z", false)]
    [InlineData("2024-09", 1, 26, "2024-10-26", "2024-10-26T22:00:00Z", true)]
    // due 2024-10-27: clocks go back at 03:00 CEST, so the day (25 hours) ends at 23:00Z
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-26T22:00:00Z", false)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-27T00:30:00Z", false)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-27T01:30:00Z", false)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-27T22:00:00Z", false)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-27T22:59:59Z", false)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-27T23:00:00Z", true)]
    [InlineData("2024-09", 1, 27, "2024-10-27", "2024-10-28T00:00:00+01:00", true)]
    // summer (CEST, UTC+2): semester values due by 31 July
    [InlineData("2024-01", 6, 31, "2024-07-31", "2024-07-31T21:59:59Z", false)]
    [InlineData("2024-01", 6, 31, "2024-07-31", "2024-07-31T22:00:00Z", true)]
    public void Overdue_from_local_midnight_after_the_due_date_in_Rome(
        string month, int monthsAfter, int dayOfMonth, string expectedDue, string now, bool overdue)
    {
        var rule = new DueRule("monthly", PeriodKind.Month, monthsAfter, dayOfMonth, 0);
        var period = Period.Parse(month);
        Assert.Equal(D(expectedDue), rule.DueDate(period));
        Assert.Equal(overdue, rule.IsOverdue(period, T(now), Rome));
    }

    [Theory]
    [InlineData("2021-S1", "2021-08-03T21:59:59Z", false)]
    [InlineData("2021-S1", "2021-08-03T22:00:00Z", true)]
    [InlineData("2021-S2", "2022-02-03T22:59:59Z", false)]
    [InlineData("2021-S2", "2022-02-03T23:00:00Z", true)]
    public void Overdue_includes_grace_days(string semester, string now, bool overdue)
    {
        var rule = new DueRule("semester", PeriodKind.Semester, 1, 31, 3);
        Assert.Equal(overdue, rule.IsOverdue(Period.Parse(semester), T(now), Rome));
    }

    [Fact]
    public void Overdue_depends_on_the_zone()
    {
        var rule = new DueRule("semester", PeriodKind.Semester, 1, 31, 0);
        var period = Period.ForSemester(2021, 1);
        var now = T("2021-07-31T23:30:00Z");
        Assert.True(rule.IsOverdue(period, now, Rome));
        Assert.False(rule.IsOverdue(period, now, TimeZoneInfo.Utc));
    }
}
