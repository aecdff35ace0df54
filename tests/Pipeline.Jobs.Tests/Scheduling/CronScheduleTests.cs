using System.Globalization;
using Pipeline.Jobs.Scheduling;
using Quartz;
using Quartz.Extensibility;

namespace Pipeline.Jobs.Tests.Scheduling;

/// <summary>
/// The committed schedules of jobs/*.json across the calendar's edges in Europe/Rome, computed (never waited for)
/// from the real Quartz cron in the definition's zone: the nightly run once a day at 01:30 local across both DST
/// changes, month ends, 29 February and the year end; the digest on Monday mornings only; and what Quartz does with
/// a job scheduled inside the hour a DST change skips (spring) or repeats (autumn).
/// In 2027 Rome changes on Sunday 28 March (02:00 CET → 03:00 CEST, 01:00 UTC) and Sunday 31 October (03:00 CEST →
/// 02:00 CET, 01:00 UTC).
/// </summary>
public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);

    private static JobDefinition Committed(string name) =>
        JobDefinitions.FromDirectory(JobDefinitionsTests.JobsDirectory()).Single(d => d.Name == name);

    private static JobDefinition WithCron(string cron) =>
        new("test", JobKind.Nightly, "", cron, Rome, null, RetrySettings.Default);

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant a local day of the definition's zone starts at (midnight exists in Rome on every day).</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Every firing of the definition's cron, in its zone, from the start of local day <paramref name="first"/> to the
    /// end of local day <paramref name="last"/>, as instants carrying the zone's offset at each.
    /// </summary>
    private static List<DateTimeOffset> Firings(JobDefinition definition, DateOnly first, DateOnly last)
    {
        var cron = new CronExpression(definition.Cron, definition.TimeZone);
        Assert.Equal(definition.TimeZone.Id, cron.TimeZone.Id);
        var end = StartOf(last.AddDays(1), definition.TimeZone);
        var firings = new List<DateTimeOffset>();
        for (var at = cron.GetNextValidTimeAfter(StartOf(first, definition.TimeZone).AddTicks(-1));
             at is { } t && t < end;
             at = cron.GetNextValidTimeAfter(t))
            firings.Add(TimeZoneInfo.ConvertTime(t, definition.TimeZone));
        return firings;
    }

    /// <summary>The same firings, computed by Quartz's trigger utilities from the trigger <see cref="ScheduleSync"/> stores.</summary>
    private static List<DateTimeOffset> TriggerFirings(JobDefinition definition, DateOnly first, DateOnly last)
    {
        var from = StartOf(first, definition.TimeZone);
        var trigger = ScheduleSync.CronTriggerOf(definition, ScheduleSync.KeyOf(definition, "CBIS"))
            .GetTriggerBuilder().StartAt(from).Build();   // stored triggers start now; start this one at the window
        Assert.Equal(definition.TimeZone.Id, Assert.IsAssignableFrom<ICronTrigger>(trigger).TimeZone.Id);
        return TriggerFireTimes.ComputeBetween(trigger, null, from, StartOf(last.AddDays(1), definition.TimeZone).AddTicks(-1))
            .Select(t => TimeZoneInfo.ConvertTime(t, definition.TimeZone)).ToList();
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }

    private static string Local(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    // ---- the nightly run

    public static TheoryData<string, string, string> CalendarEdges => new()
    {
        { "spring DST change (Sun 28 Mar 2027, 02:00 → 03:00)", "2027-03-26", "2027-03-30" },
        { "autumn DST change (Sun 31 Oct 2027, 03:00 → 02:00)", "2027-10-29", "2027-11-02" },
        { "31 January → 1 February", "2027-01-30", "2027-02-02" },
        { "28 February → 1 March, non-leap 2027", "2027-02-27", "2027-03-02" },
        { "28 → 29 February → 1 March, leap 2028", "2028-02-27", "2028-03-02" },
        { "30 April → 1 May (a 30-day month)", "2027-04-29", "2027-05-02" },
        { "31 December 2027 → 1 January 2028", "2027-12-30", "2028-01-02" },
    };

    [Theory]
    [MemberData(nameof(CalendarEdges))]
    public void Nightly_fires_exactly_once_per_local_day_at_0130_across(string edge, string first, string last)
    {
        var nightly = Committed("nightly");
        var (from, to) = (Day(first), Day(last));

        var firings = Firings(nightly, from, to);

        Assert.True(Days(from, to).SequenceEqual(firings.Select(f => DateOnly.FromDateTime(f.DateTime))),
            $"{edge}: firings {string.Join(", ", firings.Select(Local))}");
        Assert.All(firings, f => Assert.Equal(new TimeSpan(1, 30, 0), f.TimeOfDay));
        Assert.All(firings, f => Assert.Equal(Rome.GetUtcOffset(f.UtcDateTime), f.Offset));
        Assert.Equal(firings, TriggerFirings(nightly, from, to));   // the stored trigger agrees with the cron
    }

    [Fact]
    public void Nightly_fires_on_29_February_2028_and_on_no_29_February_in_2027()
    {
        var nightly = Committed("nightly");

        var leap = Firings(nightly, Day("2028-02-28"), Day("2028-03-01"));
        var common = Firings(nightly, Day("2027-02-28"), Day("2027-03-01"));

        Assert.Equal(["2028-02-28 01:30:00 +01:00", "2028-02-29 01:30:00 +01:00", "2028-03-01 01:30:00 +01:00"], leap.Select(Local));
        Assert.Equal(["2027-02-28 01:30:00 +01:00", "2027-03-01 01:30:00 +01:00"], common.Select(Local));
    }

    [Fact]
    public void Nightly_fires_23_hours_apart_across_the_spring_change_and_25_across_the_autumn_change()
    {
        var nightly = Committed("nightly");

        var spring = Firings(nightly, Day("2027-03-27"), Day("2027-03-29"));
        var autumn = Firings(nightly, Day("2027-10-30"), Day("2027-11-01"));

        // 01:30 on the change day is still before the change (02:00 / 03:00), so the short or long gap is the next one
        Assert.Equal(["2027-03-27T00:30:00Z", "2027-03-28T00:30:00Z", "2027-03-28T23:30:00Z"], spring.Select(t => t.UtcDateTime.ToString("s") + "Z"));
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(23)], [spring[1] - spring[0], spring[2] - spring[1]]);
        Assert.Equal([Cet, Cet, Cest], spring.Select(t => t.Offset));

        Assert.Equal(["2027-10-29T23:30:00Z", "2027-10-30T23:30:00Z", "2027-11-01T00:30:00Z"], autumn.Select(t => t.UtcDateTime.ToString("s") + "Z"));
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(25)], [autumn[1] - autumn[0], autumn[2] - autumn[1]]);
        Assert.Equal([Cest, Cest, Cet], autumn.Select(t => t.Offset));
    }

    [Fact]
    public void Nightly_fires_365_times_in_2027_and_366_in_2028_all_at_0130_local()
    {
        var nightly = Committed("nightly");

        var y2027 = Firings(nightly, Day("2027-01-01"), Day("2027-12-31"));
        var y2028 = Firings(nightly, Day("2028-01-01"), Day("2028-12-31"));

        Assert.Equal(365, y2027.Count);
        Assert.Equal(366, y2028.Count);
        Assert.All(y2027.Concat(y2028), f => Assert.Equal(new TimeSpan(1, 30, 0), f.TimeOfDay));
        Assert.Equal(y2027.Count, y2027.Select(f => f.Date).Distinct().Count());
        Assert.Equal(y2028.Count, y2028.Select(f => f.Date).Distinct().Count());
    }

    // ---- the weekly digest

    public static TheoryData<string, string, string, int> DigestWindows => new()
    {
        { "spring DST change", "2027-03-15", "2027-04-11", 4 },    // Mondays 15, 22 (CET), 29 Mar, 5 Apr (CEST)
        { "autumn DST change", "2027-10-18", "2027-11-14", 4 },    // Mondays 18, 25 Oct (CEST), 1, 8 Nov (CET)
        { "year end", "2027-12-20", "2028-01-09", 3 },              // Mondays 20, 27 Dec 2027, 3 Jan 2028
    };

    [Theory]
    [MemberData(nameof(DigestWindows))]
    public void Digest_fires_on_Mondays_at_0800_local_only_across(string edge, string first, string last, int mondays)
    {
        var digest = Committed("digest");
        var (from, to) = (Day(first), Day(last));

        var firings = Firings(digest, from, to);

        Assert.True(Days(from, to).Where(d => d.DayOfWeek == DayOfWeek.Monday).SequenceEqual(firings.Select(f => DateOnly.FromDateTime(f.DateTime))),
            $"{edge}: firings {string.Join(", ", firings.Select(Local))}");
        Assert.Equal(mondays, firings.Count);
        Assert.All(firings, f => Assert.Equal((DayOfWeek.Monday, new TimeSpan(8, 0, 0)), (f.DayOfWeek, f.TimeOfDay)));
        Assert.Equal(firings, TriggerFirings(digest, from, to));
    }

    [Fact]
    public void Digest_moves_from_0700_to_0600_UTC_over_the_spring_change_keeping_0800_local()
    {
        var firings = Firings(Committed("digest"), Day("2027-03-22"), Day("2027-03-29"));

        Assert.Equal(["2027-03-22 08:00:00 +01:00", "2027-03-29 08:00:00 +02:00"], firings.Select(Local));
        Assert.Equal([7, 6], firings.Select(f => f.UtcDateTime.Hour));
        Assert.Equal(TimeSpan.FromHours(7 * 24 - 1), firings[1] - firings[0]);
    }

    // ---- a job inside the hour a DST change skips or repeats (documented behaviour of Quartz 4.7.3)
    // The committed nightly runs at 01:30 because 02:00-03:00 local is the hour Rome's DST changes skip or repeat.

    [Fact]
    public void A_0230_job_on_the_spring_change_day_fires_once_late_at_0300_CEST_the_instant_the_clocks_jump_to()
    {
        var job = WithCron("0 30 2 * * ?");

        var firings = Firings(job, Day("2027-03-27"), Day("2027-03-29"));

        // 02:30 does not exist on 28 March: Quartz does not skip the day, it fires where the clocks land (03:00 CEST)
        Assert.Equal(["2027-03-27 02:30:00 +01:00", "2027-03-28 03:00:00 +02:00", "2027-03-29 02:30:00 +02:00"], firings.Select(Local));
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:00:00Z", CultureInfo.InvariantCulture), firings[1]);
        Assert.Equal(firings, TriggerFirings(job, Day("2027-03-27"), Day("2027-03-29")));
    }

    [Fact]
    public void Every_job_in_the_skipped_spring_hour_fires_at_0300_CEST_together_with_a_0300_job()
    {
        var day = Day("2027-03-28");

        var at0200 = Firings(WithCron("0 0 2 * * ?"), day, day);
        var at0259 = Firings(WithCron("0 59 2 * * ?"), day, day);
        var at0300 = Firings(WithCron("0 0 3 * * ?"), day, day);

        Assert.Equal(["2027-03-28 03:00:00 +02:00"], at0200.Select(Local));
        Assert.Equal(["2027-03-28 03:00:00 +02:00"], at0259.Select(Local));
        Assert.Equal(["2027-03-28 03:00:00 +02:00"], at0300.Select(Local));
    }

    [Fact]
    public void A_0230_job_on_the_autumn_change_day_fires_once_at_the_first_0230_CEST_not_at_the_repeated_0230_CET()
    {
        var job = WithCron("0 30 2 * * ?");

        var firings = Firings(job, Day("2027-10-30"), Day("2027-11-01"));

        Assert.Equal(["2027-10-30 02:30:00 +02:00", "2027-10-31 02:30:00 +02:00", "2027-11-01 02:30:00 +01:00"], firings.Select(Local));
        Assert.Equal(DateTimeOffset.Parse("2027-10-31T00:30:00Z", CultureInfo.InvariantCulture), firings[1]);
        Assert.DoesNotContain(DateTimeOffset.Parse("2027-10-31T01:30:00Z", CultureInfo.InvariantCulture), firings);
        Assert.Equal(TimeSpan.FromHours(25), firings[2] - firings[1]);
        Assert.Equal(firings, TriggerFirings(job, Day("2027-10-30"), Day("2027-11-01")));
    }

    [Fact]
    public void A_0230_job_first_computed_inside_the_repeated_autumn_hour_fires_at_the_second_0230_CET()
    {
        var cron = new CronExpression("0 30 2 * * ?", Rome);
        DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

        // both 02:30 readings match the expression; only the walk from one firing to the next skips the repeat
        Assert.True(cron.IsSatisfiedBy(Utc("2027-10-31T00:30:00Z")));
        Assert.True(cron.IsSatisfiedBy(Utc("2027-10-31T01:30:00Z")));
        Assert.Equal(Utc("2027-11-01T01:30:00Z"), cron.GetNextValidTimeAfter(Utc("2027-10-31T00:30:00Z")));   // after the first 02:30 CEST
        Assert.Equal(Utc("2027-11-01T01:30:00Z"), cron.GetNextValidTimeAfter(Utc("2027-10-31T00:45:00Z")));   // 02:45 CEST
        // a trigger (re)scheduled from 02:00 CET onwards, e.g. by a node starting then, gets the repeated 02:30 CET
        Assert.Equal(Utc("2027-10-31T01:30:00Z"), cron.GetNextValidTimeAfter(Utc("2027-10-31T01:00:00Z")));   // 02:00 CET
        Assert.Equal("2027-10-31 02:30:00 +01:00", Local(TimeZoneInfo.ConvertTime(Utc("2027-10-31T01:30:00Z"), Rome)));
    }

    [Fact]
    public void The_committed_nightly_at_0130_is_clear_of_both_change_hours()
    {
        var nightly = Committed("nightly");

        var firings = Firings(nightly, Day("2027-03-28"), Day("2027-03-28")).Concat(Firings(nightly, Day("2027-10-31"), Day("2027-10-31"))).ToList();

        Assert.Equal(["2027-03-28 01:30:00 +01:00", "2027-10-31 01:30:00 +02:00"], firings.Select(Local));
        Assert.All(firings, f => Assert.False(Rome.IsInvalidTime(f.DateTime) || Rome.IsAmbiguousTime(f.DateTime), Local(f)));
    }
}
