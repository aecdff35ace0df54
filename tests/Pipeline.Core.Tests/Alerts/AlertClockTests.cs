using System.Globalization;
using Pipeline.Core.Alerts;

namespace Pipeline.Core.Tests.Alerts;

public sealed class AlertClockTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    [Fact]
    public void Rome_is_CET_in_winter_and_CEST_in_summer()
    {
        var rome = AlertClock.Rome;
        Assert.Same(rome, AlertClock.Rome);
        Assert.Equal(TimeSpan.FromHours(1), rome.GetUtcOffset(T("2024-01-15T12:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(2), rome.GetUtcOffset(T("2024-07-15T12:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(1), rome.GetUtcOffset(T("2024-03-31T00:59:59Z")));
        Assert.Equal(TimeSpan.FromHours(2), rome.GetUtcOffset(T("2024-03-31T01:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(2), rome.GetUtcOffset(T("2024-10-27T00:59:59Z")));
        Assert.Equal(TimeSpan.FromHours(1), rome.GetUtcOffset(T("2024-10-27T01:00:00Z")));
    }

    [Theory]
    [InlineData("2024-03-30T22:59:59Z", "2024-03-30")]
    [InlineData("2024-03-30T23:00:00Z", "2024-03-31")]
    [InlineData("2024-03-31T21:59:59Z", "2024-03-31")]
    [InlineData("2024-03-31T22:00:00Z", "2024-04-01")]
    [InlineData("2024-10-26T21:59:59Z", "2024-10-26")]
    [InlineData("2024-10-26T22:00:00Z", "2024-10-27")]
    [InlineData("2024-10-27T22:59:59Z", "2024-10-27")]
    [InlineData("2024-10-27T23:00:00Z", "2024-10-28")]
    [InlineData("2021-12-31T23:00:00Z", "2022-01-01")]
    [InlineData("2022-01-01T00:30:00+05:00", "2021-12-31")]
    public void Local_date_in_Rome(string now, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), AlertClock.LocalDate(T(now), AlertClock.Rome));

    [Fact]
    public void Local_date_in_utc_ignores_the_offset_of_the_instant() =>
        Assert.Equal(new DateOnly(2024, 3, 30), AlertClock.LocalDate(T("2024-03-31T00:30:00+01:00"), TimeZoneInfo.Utc));
}
