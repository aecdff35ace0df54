using System.Globalization;
using Pipeline.Core.Alerts;

namespace Pipeline.Core.Tests.Alerts;

public sealed class StaleFeedRuleTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    [Theory]
    [InlineData(7, null, "2024-05-01T00:00:00Z", true)]
    [InlineData(7, "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z", false)]
    [InlineData(7, "2024-05-01T10:00:00Z", "2024-05-08T09:59:59Z", false)]
    [InlineData(7, "2024-05-01T10:00:00Z", "2024-05-08T10:00:00Z", true)]
    [InlineData(7, "2024-05-01T10:00:00Z", "2024-06-01T00:00:00Z", true)]
    [InlineData(7, "2024-05-01T12:00:00+02:00", "2024-05-08T09:59:59Z", false)]
    [InlineData(7, "2024-05-01T12:00:00+02:00", "2024-05-08T12:00:00+02:00", true)]
    [InlineData(1, "2024-03-30T12:00:00Z", "2024-03-31T11:59:59Z", false)]
    [InlineData(1, "2024-03-30T12:00:00Z", "2024-03-31T12:00:00Z", true)]
    [InlineData(1, "2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z", false)]
    public void Stale_when_no_file_or_the_last_is_Days_full_days_old(int days, string? lastFileAt, string now, bool stale)
    {
        var rule = new StaleFeedRule("feed", days);
        Assert.Equal(stale, rule.IsStale(lastFileAt is null ? null : T(lastFileAt), T(now)));
    }

    [Theory]
    [InlineData("feed", 0)]
    [InlineData("feed", -3)]
    [InlineData("", 7)]
    public void Rejects_invalid_rules(string id, int days) =>
        Assert.ThrowsAny<ArgumentException>(() => new StaleFeedRule(id, days));
}
