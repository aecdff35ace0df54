using Pipeline.Core.Values;

namespace Pipeline.Core.Alerts;

/// <summary>
/// When the value of a period of kind <see cref="Kind"/> is due: by the end of day <see cref="DayOfMonth"/> of the month
/// that is <see cref="MonthsAfterPeriodEnd"/> months after the month the period ends in, plus <see cref="GraceDays"/> days.
/// A <see cref="DayOfMonth"/> beyond the month's length means the month's last day.
/// Examples: half-year values due by 31 July are <c>(Semester, 1, 31, 0)</c>; annual values due by 30 April of the
/// following year are <c>(Year, 4, 30, 0)</c>.
/// </summary>
/// <param name="Id">The rule identifier (used as <see cref="AlertKey.Rule"/>); not blank.</param>
/// <param name="Kind">The kind of period the rule applies to.</param>
/// <param name="MonthsAfterPeriodEnd">0 or more: 0 is the period's own end month.</param>
/// <param name="DayOfMonth">1 to 31.</param>
/// <param name="GraceDays">0 or more days added after the nominal deadline.</param>
public sealed record DueRule(string Id, PeriodKind Kind, int MonthsAfterPeriodEnd, int DayOfMonth, int GraceDays)
{
    /// <summary>The rule identifier; not blank.</summary>
    public string Id { get; init => field = CheckId(value); } = CheckId(Id);

    /// <summary>The kind of period the rule applies to.</summary>
    public PeriodKind Kind { get; init => field = CheckKind(value); } = CheckKind(Kind);

    /// <summary>Months between the period's end month and the deadline month; 0 or more.</summary>
    public int MonthsAfterPeriodEnd { get; init => field = CheckMonths(value); } = CheckMonths(MonthsAfterPeriodEnd);

    /// <summary>Day of the deadline month, 1 to 31, clamped to the month's last day.</summary>
    public int DayOfMonth { get; init => field = CheckDay(value); } = CheckDay(DayOfMonth);

    /// <summary>Days of tolerance after the nominal deadline; 0 or more.</summary>
    public int GraceDays { get; init => field = CheckGrace(value); } = CheckGrace(GraceDays);

    /// <summary>The last local date on which the value of <paramref name="period"/> is still on time, grace included.</summary>
    /// <exception cref="ArgumentException">The period is not of kind <see cref="Kind"/>.</exception>
    public DateOnly DueDate(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Kind != Kind)
            throw new ArgumentException($"rule '{Id}' applies to {Kind} periods, not to {period.Kind} '{period.Code}'", nameof(period));
        var month = new DateOnly(period.End.Year, period.End.Month, 1).AddMonths(MonthsAfterPeriodEnd);
        var day = Math.Min(DayOfMonth, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day).AddDays(GraceDays);
    }

    /// <summary>
    /// True when the date of <paramref name="now"/> in <paramref name="zone"/> is after <see cref="DueDate"/>,
    /// i.e. from local midnight at the start of the day after the due date.
    /// </summary>
    public bool IsOverdue(Period period, DateTimeOffset now, TimeZoneInfo zone) =>
        AlertClock.LocalDate(now, zone) > DueDate(period);

    private static string CheckId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("a due rule needs an id", nameof(Id)) : id;

    private static PeriodKind CheckKind(PeriodKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(Kind), kind, "unknown period kind");

    private static int CheckMonths(int months) =>
        months >= 0 ? months : throw new ArgumentOutOfRangeException(nameof(MonthsAfterPeriodEnd), months, "months after the period end are 0 or more");

    private static int CheckDay(int day) =>
        day is >= 1 and <= 31 ? day : throw new ArgumentOutOfRangeException(nameof(DayOfMonth), day, "a day of month is 1 to 31");

    private static int CheckGrace(int days) =>
        days >= 0 ? days : throw new ArgumentOutOfRangeException(nameof(GraceDays), days, "grace days are 0 or more");
}
