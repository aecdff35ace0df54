using Pipeline.Core.Achievement;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Ingest;
using Pipeline.Samples;
using Pipeline.Warehouse.Review;

namespace Pipeline.Jobs.Tests.Runs;

/// <summary>
/// A night recomputes a chamber's achievement and evaluates its alerts only when something they depend on changed
/// since the chamber's last computation — its documents or feeds, the policy, the alert settings, the year, the day,
/// its failed sources — on SQLite and PostgreSQL, with the real nightly run on a region of sample chambers.
/// </summary>
public sealed class ProportionalNightTests
{
    public static TheoryData<string> Dialects => new() { "sqlite", "postgres" };

    private static readonly DateOnly Day = new(2024, 5, 10);

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Each_input_a_step_depends_on_makes_it_run_again_and_nothing_else_does(string dialect)
    {
        await using var bed = await RegionBed.CreateAsync(dialect, 2);
        var (a, b) = (bed.Chambers[0], bed.Chambers[1]);

        var first = await bed.Night(Day).RunAsync(a);
        Assert.Equal(("first computation", "first computation"), (first.AchievementStep, first.AlertsStep));
        Assert.True(first.AchievementPeriods > 0);
        Assert.True(first.Alerts.Raised > 0, "the sample's 2022 and 2023 values are overdue on the day");
        await bed.Night(Day).RunAsync(b);
        const string computed = "SELECT COUNT(*) FROM fact_kpi_achievement WHERE basis = 'computed'";
        const string rules = "SELECT COUNT(*) FROM lineage WHERE kind = 'rule'";
        var (facts, lineage) = (await bed.ScalarAsync(computed), await bed.ScalarAsync(rules));

        // nothing changed: both steps skipped, the figures and the open alerts as they were
        var again = await bed.Night(Day).RunAsync(a);
        Assert.Equal(("unchanged", "unchanged"), (again.AchievementStep, again.AlertsStep));
        Assert.Equal((0, 0, first.Alerts.Raised), (again.AchievementPeriods, again.Alerts.Raised, again.Alerts.Open));
        Assert.Equal((facts, lineage), (await bed.ScalarAsync(computed), await bed.ScalarAsync(rules)));

        // the next day: deadlines and escalations move, the figures do not
        var nextDay = await bed.Night(Day.AddDays(1)).RunAsync(a);
        Assert.Equal(("unchanged", "changed: day"), (nextDay.AchievementStep, nextDay.AlertsStep));

        // another policy (configuration): achievement only
        var uncapped = AchievementPolicy.Integra with { Cap = null };
        var policy = await bed.Night(Day.AddDays(1), uncapped).RunAsync(a);
        Assert.Equal(("changed: policy", "unchanged"), (policy.AchievementStep, policy.AlertsStep));
        Assert.True(policy.AchievementPeriods > 0);

        // other alert settings (configuration): alerts only
        var settings = AlertConfig.FromDirectory(RegionBed.RepositoryConfig());
        var later = settings with { EscalateAfterDays = settings.EscalateAfterDays + 5 };
        var alerts = await bed.Night(Day.AddDays(1), uncapped, later).RunAsync(a);
        Assert.Equal(("unchanged", "changed: config"), (alerts.AchievementStep, alerts.AlertsStep));

        // a new feed version with its measurements: both
        bed.AddPracticeFeed(a, "pratiche-registro-imprese.csv", 400, 5);
        var fed = await bed.Night(Day.AddDays(1), uncapped, later).RunAsync(a);
        Assert.Equal(1, fed.Ingest.Count(FileStatus.New));
        Assert.StartsWith("changed: documents", fed.AchievementStep);
        Assert.StartsWith("changed: documents", fed.AlertsStep);

        // a new year: the years achievement computes change
        var newYear = await bed.Night(new DateOnly(2025, 1, 10), uncapped, later).RunAsync(a);
        Assert.Equal(("changed: year", "changed: day"), (newYear.AchievementStep, newYear.AlertsStep));

        // the other chamber saw none of it: unchanged on its day
        var other = await bed.Night(Day).RunAsync(b);
        Assert.Equal(("unchanged", "unchanged"), (other.AchievementStep, other.AlertsStep));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_source_that_starts_or_stops_failing_makes_the_alerts_run_again(string dialect)
    {
        await using var bed = await RegionBed.CreateAsync(dialect, 1);
        var chamber = bed.Chambers[0];
        await bed.Night(Day).RunAsync(chamber);

        var broken = Path.Combine(bed.FolderOf(chamber), "monitoraggio-rotto.xlsx");
        await File.WriteAllTextAsync(broken, "not a workbook");
        var failing = await bed.Night(Day).RunAsync(chamber);
        Assert.Equal(1, failing.Ingest.Count(FileStatus.Failed));
        Assert.Equal(("unchanged", "changed: failed"), (failing.AchievementStep, failing.AlertsStep));
        Assert.Equal(1, failing.Alerts.Raised);

        var stillFailing = await bed.Night(Day).RunAsync(chamber);
        Assert.Equal(("unchanged", "unchanged"), (stillFailing.AchievementStep, stillFailing.AlertsStep));

        File.Delete(broken);
        var fixedNight = await bed.Night(Day).RunAsync(chamber);
        Assert.Equal(("unchanged", "changed: failed"), (fixedNight.AchievementStep, fixedNight.AlertsStep));
        Assert.Equal(1, fixedNight.Alerts.Resolved);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_held_version_accepted_is_computed_from_on_the_next_night(string dialect)
    {
        await using var bed = await RegionBed.CreateAsync(dialect, 1);
        var chamber = bed.Chambers[0];
        await bed.Night(Day).RunAsync(chamber);

        // a new version of the half-year workbook missing a sheet: held, not current
        var workbook = await File.ReadAllBytesAsync(Path.Combine(bed.FolderOf(chamber), Path.GetFileName(SampleGenerator.FirstHalfXlsx)));
        var damaged = DamagedCopies.WithoutSheet(workbook, SampleRegion.Molise().StrategicObjectives[^1].SheetName);
        await File.WriteAllBytesAsync(Path.Combine(bed.FolderOf(chamber), "v2-" + Path.GetFileName(SampleGenerator.FirstHalfXlsx)), damaged);
        var holding = await bed.Night(Day).RunAsync(chamber);
        var held = holding.Ingest.Files.Single(f => f.Status == FileStatus.Held).Load!;
        var quiet = await bed.Night(Day).RunAsync(chamber);
        Assert.Equal(("unchanged", "unchanged"), (quiet.AchievementStep, quiet.AlertsStep));

        // accepted (the review command computes at once; a night after it computes from the accepted version too)
        await new VersionReview(bed.Warehouse.Dialect).DecideAsync(held.DocumentId, accept: true, "tester");
        var accepted = await bed.Night(Day).RunAsync(chamber);
        Assert.Equal(("changed: documents", "changed: documents"), (accepted.AchievementStep, accepted.AlertsStep));
        Assert.True(accepted.AchievementPeriods > 0);
    }
}
