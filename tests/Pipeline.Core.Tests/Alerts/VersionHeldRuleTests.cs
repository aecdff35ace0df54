using System.Globalization;
using Pipeline.Core.Alerts;

namespace Pipeline.Core.Tests.Alerts;

public sealed class VersionHeldRuleTests
{
    [Theory]
    [InlineData("2021-08-15T21:30:00Z", "2021-08-15")]
    [InlineData("2021-08-15T22:30:00Z", "2021-08-16")]   // past midnight in Rome (CEST)
    [InlineData("2021-12-31T23:30:00Z", "2022-01-01")]   // past midnight in Rome (CET)
    public void One_alert_per_held_version_dated_by_the_local_day_it_was_loaded(string loadedAt, string day)
    {
        var held = new HeldDocument(12, "relazione-2021.pdf", DateTimeOffset.Parse(loadedAt, CultureInfo.InvariantCulture),
            ["actuals 20 → 10 (−50 %)", "5 KPI names not matched to a KPI of the plan"]);
        var (key, label, due, message) = VersionHeldRule.Due("CBIS", held, AlertClock.Rome);
        Assert.Equal(new AlertKey("version-held", "CBIS", "doc:12", day), key);
        Assert.Equal("relazione-2021.pdf", label);
        Assert.Equal(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), due);
        Assert.Equal("relazione-2021.pdf: new version held for review, not made current (actuals 20 → 10 (−50 %); 5 KPI names not matched to a KPI of the plan); " +
                     "'pipeline review accept|reject 12' decides", message);
    }
}
