using Pipeline.Core.Feeds;

namespace Pipeline.Core.Tests.Feeds;

public sealed class ProcessingDaysTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    // same-day evasion
    [InlineData("2021-06-14", "2021-06-14", null, 0, 0)]
    // processed before registered (bad data): 0
    [InlineData("2021-06-14", "2021-06-10", null, 0, 0)]
    // Fri 11/6 -> Mon 14/6: Sat 12, Sun 13 not working; Mon 14 is -> 1 working, 3 calendar
    [InlineData("2021-06-11", "2021-06-14", null, 3, 1)]
    // Mon 14/6 -> Fri 18/6: 15, 16, 17, 18 -> 4 and 4
    [InlineData("2021-06-14", "2021-06-18", null, 4, 4)]
    // Mon 23/12/2019 -> Fri 27/12/2019: Tue 24 working, Wed 25 and Thu 26 holidays, Fri 27 working -> 2 working, 4 calendar
    [InlineData("2019-12-23", "2019-12-27", null, 4, 2)]
    // Thu 24/12/2020 -> Mon 28/12/2020: Fri 25 holiday, Sat 26 holiday, Sun 27, Mon 28 working -> 1 working, 4 calendar
    [InlineData("2020-12-24", "2020-12-28", null, 4, 1)]
    // Fri 24/12/2021 -> Mon 27/12/2021: Sat 25, Sun 26, Mon 27 working -> 1 working, 3 calendar
    [InlineData("2021-12-24", "2021-12-27", null, 3, 1)]
    // year end, Thu 30/12/2021 -> Mon 3/1/2022: Fri 31 working, Sat 1/1, Sun 2/1, Mon 3/1 working -> 2 working, 4 calendar
    [InlineData("2021-12-30", "2022-01-03", null, 4, 2)]
    // Easter 2021, Thu 1/4 -> Wed 7/4: Fri 2, Sat 3, Sun 4, Mon 5 (Easter Monday), Tue 6, Wed 7 -> 2, 6, 7 = 3 working, 6 calendar
    [InlineData("2021-04-01", "2021-04-07", null, 6, 3)]
    // 2011: Easter Monday is 25 April. Fri 22/4 -> Tue 26/4: Sat 23, Sun 24, Mon 25 (holiday once), Tue 26 -> 1 working
    [InlineData("2011-04-22", "2011-04-26", null, 4, 1)]
    // Campobasso, San Giorgio: Thu 22/4/2021 -> Mon 26/4/2021: Fri 23 (patron), Sat 24, Sun 25 (also Liberation Day), Mon 26
    [InlineData("2021-04-22", "2021-04-26", null, 4, 2)]
    [InlineData("2021-04-22", "2021-04-26", "04-23", 4, 1)]
    // Milano, Sant'Ambrogio: Mon 6/12/2021 -> Thu 9/12/2021: Tue 7 (patron), Wed 8 (holiday), Thu 9
    [InlineData("2021-12-06", "2021-12-09", null, 3, 2)]
    [InlineData("2021-12-06", "2021-12-09", "12-07", 3, 1)]
    // a patron day on a Sunday changes nothing: 24/6/2018 was a Sunday. Fri 22/6 -> Mon 25/6: Mon 25 only
    [InlineData("2018-06-22", "2018-06-25", "06-24", 3, 1)]
    // patron 29 February: Wed 28/2/2024 -> Fri 1/3/2024: Thu 29 closed, Fri 1 -> 1; in 2023 it does not exist
    [InlineData("2024-02-28", "2024-03-01", "02-29", 2, 1)]
    [InlineData("2023-02-27", "2023-03-01", "02-29", 2, 2)]
    // the whole of 2021: 261 weekdays (365 days from a Friday = 52 weeks + 1 Friday) minus 6 weekday holidays
    // (1/1 Fri, 6/1 Wed, 5/4 Mon, 2/6 Wed, 1/11 Mon, 8/12 Wed) = 255; Sant'Ambrogio (Tue 7/12) takes one more
    [InlineData("2020-12-31", "2021-12-31", null, 365, 255)]
    [InlineData("2020-12-31", "2021-12-31", "12-07", 365, 254)]
    // 2021 and 2022: 2022 has 260 weekdays (from a Saturday: 52 weeks + 1 Saturday) minus 8 weekday holidays
    // (6/1 Thu, 18/4 Mon, 25/4 Mon, 2/6 Thu, 15/8 Mon, 1/11 Tue, 8/12 Thu, 26/12 Mon) = 252; 255 + 252 = 507
    [InlineData("2020-12-31", "2022-12-31", null, 730, 507)]
    public void Counts_days_after_registration_up_to_processing(string registered, string processed, string? patron, int calendar, int working)
    {
        MonthDay? p = patron is null ? null : MonthDay.Parse(patron);
        Assert.Equal(calendar, ProcessingDays.Count(Day(registered), Day(processed), DaysKind.Calendar, p, 0, true));
        Assert.Equal(working, ProcessingDays.Count(Day(registered), Day(processed), DaysKind.Working, p, 0, true));
    }

    [Theory]
    // Mon 1/3/2021 -> Thu 11/3/2021: 10 calendar days; working 2, 3, 4, 5, 8, 9, 10, 11 = 8
    [InlineData(DaysKind.Calendar, 4, true, 6)]    // 10 - 4
    [InlineData(DaysKind.Calendar, 4, false, 10)]  // not netted
    [InlineData(DaysKind.Calendar, 10, true, 0)]   // 10 - 10
    [InlineData(DaysKind.Calendar, 15, true, 0)]   // 10 - 15 floored at 0
    [InlineData(DaysKind.Working, 3, true, 5)]     // 8 - 3
    [InlineData(DaysKind.Working, 3, false, 8)]
    [InlineData(DaysKind.Working, 9, true, 0)]     // 8 - 9 floored at 0
    [InlineData(DaysKind.Working, 0, true, 8)]
    public void Suspension_is_netted_and_floored_at_zero(DaysKind kind, int suspension, bool net, int expected) =>
        Assert.Equal(expected, ProcessingDays.Count(Day("2021-03-01"), Day("2021-03-11"), kind, null, suspension, net));

    [Fact]
    public void Same_day_evasion_with_suspension_is_zero() =>
        Assert.Equal(0, ProcessingDays.Count(Day("2021-03-01"), Day("2021-03-01"), DaysKind.Working, null, 2, true));

    [Fact]
    public void Negative_suspension_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingDays.Count(Day("2021-03-01"), Day("2021-03-11"), DaysKind.Calendar, null, -1, true));
}
