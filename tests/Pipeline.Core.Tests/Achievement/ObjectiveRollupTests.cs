using Pipeline.Core.Achievement;
using Pipeline.Core.Model;

namespace Pipeline.Core.Tests.Achievement;

/// <summary>Roll-ups up the tree under the default policy and its variants; every figure worked out by hand.</summary>
public sealed class ObjectiveRollupTests
{
    private static KpiScore S(decimal value) => new(value, AchievementStatus.Measured, "");
    private static readonly KpiScore Missing = new(null, AchievementStatus.Missing, "no actual");
    private static readonly KpiScore Text = new(null, AchievementStatus.NotMeasurable, "text");

    private static readonly RollupNode[] Tree =
    [
        new("A1", null, ObjectiveLevel.Area),
        new("S1", "A1", ObjectiveLevel.Strategic),
        new("O1", "S1", ObjectiveLevel.Operational),
        new("O2", "S1", ObjectiveLevel.Operational),
        new("A2", null, ObjectiveLevel.Area),
        new("S2", "A2", ObjectiveLevel.Strategic),
    ];

    private static readonly RollupKpi[] Kpis =
    [
        new("O1", S(100)), new("O1", S(80)),          // O1 = 90
        new("O2", S(97.06m)), new("O2", Missing),     // O2 = 97.06 (missing skipped)
        new("S1", S(50)),                             // S1's own KPI
        new("S2", S(100)), new("S2", Text),           // S2 = 100 (not measurable left out)
    ];

    [Fact]
    public void Integra_mixes_a_strategic_objective_30_70_and_takes_plain_means_elsewhere()
    {
        var result = ObjectiveRollup.Compute(Tree, Kpis, AchievementPolicy.Integra);

        Assert.Equal(90m, result.Objectives["O1"].Value);
        Assert.Equal(97.06m, result.Objectives["O2"].Value);
        Assert.Equal(80.47m, result.Objectives["S1"].Value);  // 0.3 × 50 + 0.7 × (90 + 97.06) / 2 = 15 + 65.471 = 80.471
        Assert.Equal(80.47m, result.Objectives["A1"].Value);
        Assert.Equal(100m, result.Objectives["A2"].Value);    // S2 has no operational objective: its KPIs alone
        Assert.Equal(90.24m, result.Chamber.Value);           // (80.471 + 100) / 2 = 90.2355, unrounded until shown → 90.24
        Assert.Equal((5, 4), (result.Objectives["S1"].Kpis, result.Objectives["S1"].KpisMeasured));
        Assert.Equal((7, 5), (result.Chamber.Kpis, result.Chamber.KpisMeasured));
        Assert.Contains("1 without a value left out", result.Objectives["O2"].Rule);
        Assert.StartsWith("30 % × own KPIs", result.Objectives["S1"].Rule);
    }

    [Fact]
    public void Rounding_each_level_rounds_what_the_parents_use()
    {
        // children only: S1 = (90 + 97.06) / 2 = 93.53; chamber = (93.53 + 100) / 2 = 96.765 → 96.77
        var children = AchievementPolicy.Integra with { Mix = StrategicMix.Children };
        Assert.Equal(96.77m, ObjectiveRollup.Compute(Tree, Kpis, children).Chamber.Value);
        // with a third of 100 in O1: O1 = (100 + 80 + 33.333…) / 3 = 71.111…; each level rounded: 71.11 then (71.11 + 97.06) / 2 = 84.085 → 84.09;
        // unrounded: (71.1111… + 97.06) / 2 = 84.0855… → 84.09 as well; the area differs only in what it carries
        var third = Kpis.Append(new RollupKpi("O1", S(33.333333m))).ToArray();
        var each = ObjectiveRollup.Compute(Tree, third, children with { RoundEachLevel = true });
        Assert.Equal(71.11m, each.Objectives["O1"].Value);
        Assert.Equal(84.09m, each.Objectives["S1"].Value);
    }

    [Fact]
    public void Printed_weights_are_used_when_every_item_has_one()
    {
        var result = ObjectiveRollup.Compute([new("O1", null, ObjectiveLevel.Operational)],
            [new("O1", S(100), 30), new("O1", S(50), 70)], AchievementPolicy.Integra);
        Assert.Equal(65m, result.Objectives["O1"].Value);     // (100 × 30 + 50 × 70) / 100
        var partly = ObjectiveRollup.Compute([new("O1", null, ObjectiveLevel.Operational)],
            [new("O1", S(100), 30), new("O1", S(50))], AchievementPolicy.Integra);
        Assert.Equal(75m, partly.Objectives["O1"].Value);     // not every weight printed: equal weights
        Assert.Contains("equal weights", partly.Objectives["O1"].Rule);
    }

    [Fact]
    public void The_strategic_mix_and_the_missing_rule_are_the_policy_s()
    {
        IReadOnlyList<RollupKpi> kpis = [new("O1", S(90)), new("S1", S(60)), new("O2", Missing), new("O2", S(100))];
        var nodes = Tree[..4];
        var pooled = ObjectiveRollup.Compute(nodes, kpis, AchievementPolicy.Integra with { Mix = StrategicMix.Pooled });
        Assert.Equal(83.33m, pooled.Objectives["S1"].Value);  // (60 + 90 + 100) / 3
        var own = ObjectiveRollup.Compute(nodes, kpis, AchievementPolicy.Integra with { Mix = StrategicMix.OwnKpis });
        Assert.Equal(60m, own.Objectives["S1"].Value);
        var zero = ObjectiveRollup.Compute(nodes, kpis, AchievementPolicy.Integra with { Missing = MissingActualRule.Zero });
        Assert.Equal(50m, zero.Objectives["O2"].Value);       // (0 + 100) / 2
        Assert.Equal(67m, zero.Objectives["S1"].Value);       // 0.3 × 60 + 0.7 × (90 + 50) / 2 = 18 + 49
    }

    [Fact]
    public void An_objective_with_nothing_measured_has_no_value_and_a_cycle_is_refused()
    {
        var result = ObjectiveRollup.Compute([new("O1", null, ObjectiveLevel.Operational)], [new("O1", Missing)], AchievementPolicy.Integra);
        Assert.Null(result.Objectives["O1"].Value);
        Assert.Null(result.Chamber.Value);
        Assert.Throws<ArgumentException>(() => ObjectiveRollup.Compute(
            [new("X", "Y", ObjectiveLevel.Operational), new("Y", "X", ObjectiveLevel.Strategic)], [], AchievementPolicy.Integra));
    }
}
