namespace Pipeline.Core.Alerts;

/// <summary>Time-zone helpers for alert rules: deadlines are local calendar dates, instants are <see cref="DateTimeOffset"/>.</summary>
public static class AlertClock
{
    private static readonly Lazy<TimeZoneInfo> RomeZone = new(FindRome);

    /// <summary>The Italian time zone (IANA <c>Europe/Rome</c>, or <c>W. Europe Standard Time</c> where only Windows ids exist).</summary>
    /// <exception cref="TimeZoneNotFoundException">Neither id is known to the system.</exception>
    public static TimeZoneInfo Rome => RomeZone.Value;

    /// <summary>The calendar date that <paramref name="now"/> falls on in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    private static TimeZoneInfo FindRome()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        }
    }
}
