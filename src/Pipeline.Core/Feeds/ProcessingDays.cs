namespace Pipeline.Core.Feeds;

/// <summary>How processing days are counted: every calendar day, or working days only (see <see cref="ItalianCalendar"/>).</summary>
public enum DaysKind
{
    Calendar,
    Working,
}

/// <summary>The processing time of a practice, in days, as the registry's service standards measure it.</summary>
public static class ProcessingDays
{
    /// <summary>
    /// The days after <paramref name="registered"/> up to and including <paramref name="processed"/>: in calendar
    /// days, <c>processed − registered</c>; in working days, the working days <c>d</c> with
    /// <c>registered &lt; d ≤ processed</c>. When <paramref name="netOfSuspension"/> the suspension days are then
    /// subtracted. Never below 0; a practice processed on the day it was registered (or, wrongly, before) takes 0 days.
    /// </summary>
    /// <param name="registered">The day the practice was registered (protocol date).</param>
    /// <param name="processed">The day it was processed (evasion date).</param>
    /// <param name="kind">Calendar or working days.</param>
    /// <param name="patron">The local patron saint's day, a non-working day in working-day counts; null when none.</param>
    /// <param name="suspensionDays">The days the practice was suspended waiting for the applicant (0 or more).</param>
    /// <param name="netOfSuspension">Whether to subtract <paramref name="suspensionDays"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="suspensionDays"/> is negative.</exception>
    public static int Count(DateOnly registered, DateOnly processed, DaysKind kind, MonthDay? patron, int suspensionDays, bool netOfSuspension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(suspensionDays);
        if (processed <= registered) return 0;
        var days = kind switch
        {
            DaysKind.Calendar => processed.DayNumber - registered.DayNumber,
            DaysKind.Working => WorkingDaysAfter(registered, processed, patron),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "calendar or working"),
        };
        if (netOfSuspension) days -= suspensionDays;
        return Math.Max(days, 0);
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="last"/>]; computed per year, not per day.</summary>
    private static int WorkingDaysAfter(DateOnly after, DateOnly last, MonthDay? patron)
    {
        var first = after.AddDays(1);
        var count = Weekdays(first, last);
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var closed in ItalianCalendar.ClosedDays(year, patron))
            {
                if (closed >= first && closed <= last && ItalianCalendar.IsWeekday(closed)) count--;
            }
        }
        return count;
    }

    /// <summary>Monday-to-Friday days in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    private static int Weekdays(DateOnly first, DateOnly last)
    {
        var total = last.DayNumber - first.DayNumber + 1;
        if (total <= 0) return 0;
        var count = total / 7 * 5;
        var mondayBased = ((int)first.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6
        for (var i = 0; i < total % 7; i++)
        {
            if ((mondayBased + i) % 7 < 5) count++;
        }
        return count;
    }
}
