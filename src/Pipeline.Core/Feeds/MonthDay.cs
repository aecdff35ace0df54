using System.Globalization;

namespace Pipeline.Core.Feeds;

/// <summary>
/// A day of the year without a year, such as a patron saint's day (<c>06-24</c>, San Giovanni). 29 February is
/// accepted and matches only in leap years.
/// </summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "a month is 1 to 12");

    /// <summary>The day of the month, valid for <see cref="Month"/> in a leap year.</summary>
    public int Day { get; } = Day >= 1 && Day <= DateTime.DaysInMonth(LeapYear, Month is >= 1 and <= 12 ? Month : 1)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, $"month {Month} has no day {Day}");

    private const int LeapYear = 2000;

    /// <summary>Parses <c>MM-DD</c>: exactly two digits, a hyphen, two digits (<c>06-24</c>, <c>12-07</c>).</summary>
    /// <exception cref="FormatException">The text is not <c>MM-DD</c>, or the month or the day does not exist.</exception>
    public static MonthDay Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 5 || text[2] != '-' || !IsDigit(text[0]) || !IsDigit(text[1]) || !IsDigit(text[3]) || !IsDigit(text[4]))
            throw new FormatException($"'{text}' is not a day of the year as MM-DD (e.g. 06-24)");
        var month = (text[0] - '0') * 10 + (text[1] - '0');
        var day = (text[3] - '0') * 10 + (text[4] - '0');
        if (month is < 1 or > 12)
            throw new FormatException($"'{text}' is not a day of the year as MM-DD: the month must be 01 to 12");
        var last = DateTime.DaysInMonth(LeapYear, month);
        if (day < 1 || day > last)
            throw new FormatException($"'{text}' is not a day of the year as MM-DD: month {month:00} has days 01 to {last:00}");
        return new MonthDay(month, day);
    }

    /// <summary>True when <paramref name="date"/> falls on this month and day (any year).</summary>
    public bool Matches(DateOnly date) => date.Month == Month && date.Day == Day;

    /// <summary>This day in <paramref name="year"/>, or null when it does not exist there (29 February of a common year).</summary>
    public DateOnly? In(int year) =>
        Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;

    /// <summary>The canonical <c>MM-DD</c> form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}");

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
