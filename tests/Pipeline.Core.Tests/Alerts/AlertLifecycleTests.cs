using System.Globalization;
using Pipeline.Core.Alerts;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Alerts;

public sealed class AlertLifecycleTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    private static AlertKey K(string chamber, string period = "2024-S1", string subject = "KPI-1", string rule = "semester") =>
        new(rule, chamber, subject, period);

    private static AlertState Open(AlertKey key, string raisedAt) => new(key, AlertStatus.Open, T(raisedAt), null, null);

    private static AlertState Escalated(AlertKey key, string raisedAt, string escalatedAt) =>
        new(key, AlertStatus.Escalated, T(raisedAt), T(escalatedAt), null);

    private static AlertChange C(AlertKey key, AlertChangeKind kind) => new(key, kind);

    private static IReadOnlyList<AlertChange> Evaluate(AlertKey[] missing, AlertState[] open, string now, int escalateAfterDays = 3) =>
        AlertLifecycle.Evaluate(missing, open, T(now), escalateAfterDays);

    /// <summary>What the storage would do with the changes; test-side only.</summary>
    private static AlertState[] Apply(IEnumerable<AlertState> states, IEnumerable<AlertChange> changes, DateTimeOffset now)
    {
        var byKey = states.Where(s => s.Status != AlertStatus.Resolved).ToDictionary(s => s.Key);
        foreach (var change in changes)
        {
            byKey[change.Key] = change.Kind switch
            {
                AlertChangeKind.Raised => new AlertState(change.Key, AlertStatus.Open, now, null, null),
                AlertChangeKind.Escalated => byKey[change.Key] with { Status = AlertStatus.Escalated, EscalatedAt = now },
                AlertChangeKind.Resolved => byKey[change.Key] with { Status = AlertStatus.Resolved, ResolvedAt = now },
                _ => throw new InvalidOperationException(),
            };
        }
        return byKey.Values.Where(s => s.Status != AlertStatus.Resolved).ToArray();
    }

    [Fact]
    public void Nothing_to_do_when_nothing_is_missing_or_open() =>
        Assert.Empty(Evaluate([], [], "2024-08-01T00:00:00Z"));

    [Fact]
    public void Raises_a_missing_key_without_an_open_alert()
    {
        var a = K("RM");
        Assert.Equal([C(a, AlertChangeKind.Raised)], Evaluate([a], [], "2024-08-01T00:00:00Z"));
    }

    [Fact]
    public void Raises_a_key_once_even_if_listed_twice()
    {
        var a = K("RM");
        Assert.Equal([C(a, AlertChangeKind.Raised)], Evaluate([a, K("RM")], [], "2024-08-01T00:00:00Z"));
    }

    [Fact]
    public void Does_not_raise_twice_while_open_or_escalated()
    {
        var a = K("RM");
        Assert.Empty(Evaluate([a], [Open(a, "2024-08-01T00:00:00Z")], "2024-08-02T00:00:00Z"));
        Assert.Empty(Evaluate([a], [Escalated(a, "2024-08-01T00:00:00Z", "2024-08-04T00:00:00Z")], "2024-08-10T00:00:00Z"));
    }

    [Fact]
    public void Raises_again_when_the_only_stored_alert_is_resolved()
    {
        var a = K("RM");
        var resolved = new AlertState(a, AlertStatus.Resolved, T("2024-08-01T00:00:00Z"), null, T("2024-08-02T00:00:00Z"));
        Assert.Equal([C(a, AlertChangeKind.Raised)], Evaluate([a], [resolved], "2024-08-05T00:00:00Z"));
        Assert.Empty(Evaluate([], [resolved], "2024-08-05T00:00:00Z"));
    }

    [Fact]
    public void Resolves_open_and_escalated_alerts_whose_value_arrived()
    {
        var a = K("MI");
        var b = K("RM");
        Assert.Equal(
            [C(a, AlertChangeKind.Resolved), C(b, AlertChangeKind.Resolved)],
            Evaluate([], [Escalated(b, "2024-08-01T00:00:00Z", "2024-08-04T00:00:00Z"), Open(a, "2024-08-05T00:00:00Z")], "2024-08-06T00:00:00Z"));
    }

    [Fact]
    public void Resolves_rather_than_escalates_when_the_value_arrives_at_the_escalation_boundary()
    {
        var a = K("RM");
        Assert.Equal([C(a, AlertChangeKind.Resolved)], Evaluate([], [Open(a, "2024-08-01T08:00:00Z")], "2024-08-04T08:00:00Z"));
    }

    [Theory]
    [InlineData(3, "2024-08-01T08:00:00Z", "2024-08-04T07:59:59Z", false)]
    [InlineData(3, "2024-08-01T08:00:00Z", "2024-08-04T08:00:00Z", true)]
    [InlineData(3, "2024-08-01T08:00:00Z", "2024-08-20T00:00:00Z", true)]
    [InlineData(3, "2024-08-01T10:00:00+02:00", "2024-08-04T07:59:59Z", false)]
    [InlineData(3, "2024-08-01T10:00:00+02:00", "2024-08-04T08:00:00Z", true)]
    [InlineData(1, "2024-03-30T12:00:00Z", "2024-03-31T11:59:59Z", false)]
    [InlineData(1, "2024-03-30T12:00:00Z", "2024-03-31T12:00:00Z", true)]
    [InlineData(0, "2024-08-01T08:00:00Z", "2024-08-01T08:00:00Z", true)]
    public void Escalates_an_open_alert_after_full_days(int days, string raisedAt, string now, bool escalated)
    {
        var a = K("RM");
        var expected = escalated ? new[] { C(a, AlertChangeKind.Escalated) } : [];
        Assert.Equal(expected, Evaluate([a], [Open(a, raisedAt)], now, days));
    }

    [Fact]
    public void Escalates_only_once()
    {
        var a = K("RM");
        Assert.Empty(Evaluate([a], [Escalated(a, "2024-08-01T08:00:00Z", "2024-08-04T08:00:00Z")], "2024-09-30T00:00:00Z"));
    }

    [Fact]
    public void Orders_changes_by_rule_chamber_subject_and_period()
    {
        var r1 = K("RM", "2024-S1", "KPI-2", "annual");
        var r2 = K("MI", "2024-S1", "KPI-1", "semester");
        var r3 = K("RM", "2023-S2", "KPI-1", "semester");
        var r4 = K("RM", "2024-S1", "KPI-1", "semester");
        var r5 = K("RM", "2024-S1", "KPI-2", "semester");
        var changes = Evaluate(
            [r5, r4, r1],
            [Open(r3, "2024-08-01T00:00:00Z"), Open(r5, "2024-08-01T00:00:00Z"), Open(r2, "2024-08-09T00:00:00Z")],
            "2024-08-10T00:00:00Z");
        Assert.Equal(
            [
                C(r1, AlertChangeKind.Raised),
                C(r2, AlertChangeKind.Resolved),
                C(r3, AlertChangeKind.Resolved),
                C(r4, AlertChangeKind.Raised),
                C(r5, AlertChangeKind.Escalated),
            ],
            changes);
    }

    [Fact]
    public void Rejects_two_unresolved_alerts_for_the_same_key()
    {
        var a = K("RM");
        Assert.Throws<ArgumentException>(() =>
            Evaluate([a], [Open(a, "2024-08-01T00:00:00Z"), Escalated(a, "2024-08-01T00:00:00Z", "2024-08-04T00:00:00Z")], "2024-08-05T00:00:00Z"));
    }

    [Fact]
    public void Rejects_a_negative_escalation_delay() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate([], [], "2024-08-05T00:00:00Z", -1));

    [Fact]
    public void Full_lifecycle_of_a_semester_value_due_by_31_July()
    {
        // S1 2024 values due by 31 July (Rome); RM never sends, MI sends on 2 August, NA sends after escalation.
        var rule = new DueRule("semester", PeriodKind.Semester, 1, 31, 0);
        var period = Period.ForSemester(2024, 1);
        var arrivals = new Dictionary<string, DateTimeOffset>
        {
            ["MI"] = T("2024-08-02T09:00:00Z"),
            ["NA"] = T("2024-08-06T09:00:00Z"),
        };
        AlertKey Key(string chamber) => new(rule.Id, chamber, "KPI-1", period.Code);
        AlertKey[] Missing(DateTimeOffset now) => rule.IsOverdue(period, now, Rome)
            ? new[] { "MI", "NA", "RM" }.Where(c => !arrivals.TryGetValue(c, out var at) || at > now).Select(Key).ToArray()
            : [];

        AlertState[] states = [];
        IReadOnlyList<AlertChange> Step(string iso)
        {
            var now = T(iso);
            var changes = AlertLifecycle.Evaluate(Missing(now), states, now, 3);
            states = Apply(states, changes, now);
            return changes;
        }

        // 31 July 23:59:59 CEST: still on time
        Assert.Empty(Step("2024-07-31T21:59:59Z"));
        // 1 August 00:00 CEST: due and missing everywhere
        Assert.Equal(
            [C(Key("MI"), AlertChangeKind.Raised), C(Key("NA"), AlertChangeKind.Raised), C(Key("RM"), AlertChangeKind.Raised)],
            Step("2024-07-31T22:00:00Z"));
        // an hour later: nothing raised again
        Assert.Empty(Step("2024-07-31T23:00:00Z"));
        // MI's value arrives
        Assert.Equal([C(Key("MI"), AlertChangeKind.Resolved)], Step("2024-08-02T10:00:00Z"));
        // one second short of 3 full days
        Assert.Empty(Step("2024-08-03T21:59:59Z"));
        // exactly 3 days after raising
        Assert.Equal(
            [C(Key("NA"), AlertChangeKind.Escalated), C(Key("RM"), AlertChangeKind.Escalated)],
            Step("2024-08-03T22:00:00Z"));
        // escalated once only
        Assert.Empty(Step("2024-08-05T00:00:00Z"));
        // NA's value arrives: the escalated alert is resolved
        Assert.Equal([C(Key("NA"), AlertChangeKind.Resolved)], Step("2024-08-07T00:00:00Z"));
        Assert.Empty(Step("2024-09-01T00:00:00Z"));
        var remaining = Assert.Single(states);
        Assert.Equal(Key("RM"), remaining.Key);
        Assert.Equal(AlertStatus.Escalated, remaining.Status);
        Assert.Equal(T("2024-07-31T22:00:00Z"), remaining.RaisedAt);
        Assert.Equal(T("2024-08-03T22:00:00Z"), remaining.EscalatedAt);
    }

    [Fact]
    public void Keys_compare_ordinally_field_by_field()
    {
        Assert.True(K("RM", rule: "a").CompareTo(K("AA", rule: "b")) < 0);
        Assert.True(K("MI").CompareTo(K("RM")) < 0);
        Assert.True(K("RM", subject: "KPI-1").CompareTo(K("RM", subject: "KPI-2")) < 0);
        Assert.True(K("RM", "2023").CompareTo(K("RM", "2023-S1")) < 0);
        Assert.True(K("RM", subject: "Z").CompareTo(K("RM", subject: "a")) < 0);
        Assert.Equal(0, K("RM").CompareTo(K("RM")));
        Assert.True(K("RM").CompareTo(null) > 0);
    }
}
