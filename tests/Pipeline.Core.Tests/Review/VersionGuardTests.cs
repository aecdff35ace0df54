using Pipeline.Core.Review;

namespace Pipeline.Core.Tests.Review;

public sealed class VersionGuardTests
{
    private static VersionCounts V(int kpis, int targets, int actuals, params string[] warnings) => new(kpis, targets, actuals, warnings);

    public static TheoryData<string, VersionCounts?, VersionCounts, int, string[]> Cases => new()
    {
        // the tester's damaged Relazione: half the actuals gone, five garbled KPI names
        { "flipped bytes", V(20, 20, 20), V(20, 20, 10), 5, ["actuals 20 → 10 (−50 %)", "5 KPI names not matched to a KPI of the plan"] },
        // the tester's workbook missing a sheet: 15 of 20 KPIs, no warning
        { "missing sheet", V(20, 20, 20), V(15, 15, 15), 0, ["KPIs 20 → 15 (−25 %)", "targets 20 → 15 (−25 %)", "actuals 20 → 15 (−25 %)"] },
        // the demo's half-year monitoring sent as a PDF then as a workbook: same counts
        { "same document again", V(20, 20, 19), V(20, 20, 19), 0, [] },
        { "one value changed", V(4, 4, 3), V(4, 4, 3), 0, [] },
        { "a version that adds values", V(20, 20, 10), V(20, 40, 20), 0, [] },
        { "loss at the threshold is not held", V(10, 10, 10), V(8, 8, 8), 0, [] },
        { "loss past the threshold", V(10, 10, 10), V(10, 10, 7), 0, ["actuals 10 → 7 (−30 %)"] },
        { "one new KPI", V(20, 20, 20), V(21, 21, 21), 1, ["1 KPI name not matched to a KPI of the plan"] },
        { "a new warning", V(20, 20, 20, "page 3: a table without header"), V(20, 20, 20, "page 3: a table without header", "page 5: 2 cells unread"), 0, ["a new warning: page 5: 2 cells unread"] },
        { "a long warning is cut", V(5, 5, 5), V(5, 5, 5, "page 1: the PDF reader reported " + new string('x', 200)), 0, ["a new warning: page 1: the PDF reader reported " + new string('x', 67) + "…"] },
        { "the same warnings", V(20, 20, 20, "page 3: a table without header"), V(20, 20, 20, "page 3: a table without header"), 0, [] },
        { "warnings of the current version unknown", new VersionCounts(20, 20, 20, null), V(20, 20, 20, "page 5: 2 cells unread"), 0, [] },
        { "first version is never held", null, V(3, 0, 0, "bad"), 3, [] },
        { "a plan without actuals", V(20, 60, 0), V(20, 60, 0), 0, [] },
        { "everything lost", V(20, 20, 20), V(0, 0, 0), 0, ["KPIs 20 → 0 (−100 %)", "targets 20 → 0 (−100 %)", "actuals 20 → 0 (−100 %)"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reasons_of_a_new_version(string _, VersionCounts? current, VersionCounts candidate, int unmatched, string[] expected) =>
        Assert.Equal(expected, VersionGuard.Reasons(current, candidate, unmatched, ReviewThresholds.Default));

    [Fact]
    public void Thresholds_are_settings()
    {
        var lenient = new ReviewThresholds { MaxLossShare = 0.5m, MaxUnmatchedKpis = 5, HoldOnNewWarnings = false };
        Assert.Empty(VersionGuard.Reasons(V(20, 20, 20, "a"), V(20, 20, 10, "a", "b"), 5, lenient));
        var strict = new ReviewThresholds { MaxLossShare = 0m };
        Assert.Equal(["actuals 20 → 19 (−5 %)"], VersionGuard.Reasons(V(20, 20, 20), V(20, 20, 19), 0, strict));
    }
}
