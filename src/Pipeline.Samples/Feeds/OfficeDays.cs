using Pipeline.Core.Feeds;

namespace Pipeline.Samples.Feeds;

/// <summary>
/// The days the synthetic registry offices work, by <see cref="ItalianCalendar"/> (Monday to Friday, national
/// holidays excluded, no patron day), counted the way <see cref="ProcessingDays"/> counts working days.
/// </summary>
internal static class OfficeDays
{
    public static bool IsWorkingDay(DateOnly date) => ItalianCalendar.IsWorkingDay(date, patron: null);

    /// <summary><paramref name="date"/> when it is a working day, else the first working day after it.</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The working day with exactly <paramref name="days"/> working days d such that <paramref name="date"/> &lt; d ≤
    /// it (for 0, <see cref="NextWorkingDay"/> of the date): what <see cref="ProcessingDays.Count"/> in working days
    /// gives back.
    /// </summary>
    public static DateOnly After(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return NextWorkingDay(date);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }
}
