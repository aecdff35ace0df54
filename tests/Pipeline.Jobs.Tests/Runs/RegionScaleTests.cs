namespace Pipeline.Jobs.Tests.Runs;

/// <summary>
/// A region's night at scale (issue 13): the achievement step costs a chamber what its own rows cost, whatever the
/// number of chambers already in the warehouse, and a night with nothing changed computes nothing. Twelve sample
/// chambers, each loaded and computed in turn by the real nightly run, on SQLite and PostgreSQL.
/// </summary>
public sealed class RegionScaleTests
{
    public static TheoryData<string> Dialects => new() { "sqlite", "postgres" };

    private const int Chambers = 12;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_achievement_time_per_chamber_does_not_grow_with_the_region_and_a_night_with_no_change_skips_it(string dialect)
    {
        await using var bed = await RegionBed.CreateAsync(dialect, Chambers);
        var day = new DateOnly(2024, 5, 10);
        var first = new List<TimeSpan>();
        foreach (var chamber in bed.Chambers)
        {
            var summary = await bed.Night(day).RunAsync(chamber);
            Assert.Equal("first computation", summary.AchievementStep);
            Assert.True(summary.AchievementPeriods > 0);
            first.Add(summary.Times.Achievement);
        }
        // the first chambers (after the first, which warms the process up) run on an almost empty warehouse, the last on a region; a cost that grew with the
        // region would show as a ratio well over 2 (the old lineage clean-up and view grew several-fold by 12)
        var early = first.Skip(1).Take(3).Average(t => t.TotalMilliseconds);
        var late = first.TakeLast(3).Average(t => t.TotalMilliseconds);
        Assert.True(late <= 2 * early + 25, $"achievement per chamber: chambers 2–4 {early:F0} ms, last three {late:F0} ms ({string.Join(", ", first.Select(t => $"{t.TotalMilliseconds:F0}"))})");

        foreach (var chamber in bed.Chambers)
        {
            var summary = await bed.Night(day).RunAsync(chamber);
            Assert.Equal(("unchanged", "unchanged", 0), (summary.AchievementStep, summary.AlertsStep, summary.AchievementPeriods));
        }
    }
}
