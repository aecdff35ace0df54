using System.Globalization;
using Pipeline.Core.Achievement;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Achievement;

/// <summary>
/// One KPI scored under the default (Integra) policy: targets as the seeds print them, parsed by
/// <see cref="TargetExpression"/>, against actuals; every expected score worked out by hand.
/// </summary>
public sealed class KpiAchievementTests
{
    private static readonly AchievementPolicy Integra = AchievementPolicy.Integra;

    private static TargetValue Target(string raw) => TargetExpression.Parse(raw, "2021").Single();

    private static ActualValue N(string number) => new(number, Number: decimal.Parse(number, CultureInfo.InvariantCulture));

    public static TheoryData<string, string, string> NumericCases => new()
    {
        // target as printed, actual, expected score
        { ">= 5,00 N.", "9", "100" },                 // 9 / 5 = 180 %, capped at 100
        { ">= 5,00 N.", "4", "80" },                  // 4 / 5
        { ">= 1.800,00 N.", "1942", "100" },
        { ">= 85%", "82.5", "97.06" },                // 82.5 / 85 = 0.970588… → 97.06
        { ">= 73", "69.8", "95.62" },                 // 003: 69.80 / 73 = 0.956164… → 95.62
        { ">= 3", "2", "66.67" },                     // 2 / 3 = 0.6666… → 66.67 (half away from zero)
        { "Almeno 120", "131", "100" },
        { ">= 0", "0", "100" },                       // a target of 0 is met or not
        { ">= 0", "-1", "0" },
        { "<= 5 gg", "3.8", "100" },                  // within a maximum
        { "<= 5 gg", "6", "80" },                     // over it: (2 − 6 / 5) × 100, Integra's linear penalty
        { "<= 40", "42.88", "92.8" },                 // 003, "Incidenza del personale della funzione istituzionale": (2 − 1.072) × 100
        { "<= 5 gg", "11", "0" },                     // (2 − 2.2) × 100 < 0 → 0
        { "<= 30 gg", "30", "100" },
        { "<= 0", "0", "100" },
        { "<= 0", "2", "0" },
        { "-5,00%", "-6", "100" },                    // a reduction of at least 5 %: -6 <= -5
        { "-5,00%", "-4", "0" },                      // not reduced enough, and the target is not positive
        { "= 100,00 %", "100", "100" },
        { "= 100,00 %", "90", "90" },                 // 100 − |90 − 100| / 100 × 100
        { "= 100,00 %", "110", "90" },
        { "= 0", "0", "100" },
        { "= 0", "3", "0" },
    };

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void Numeric_targets_score_by_their_operator(string target, string actual, string expected)
    {
        var score = KpiAchievement.Score(Target(target), N(actual), Integra);
        Assert.Equal(AchievementStatus.Measured, score.Status);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), score.Value);
        Assert.EndsWith("→ " + ItalianFormat.Number(decimal.Parse(expected, CultureInfo.InvariantCulture)), score.Rule);
    }

    [Fact]
    public void A_bare_value_is_the_value_to_reach_and_only_an_explicit_equals_asks_for_exactly_it()
    {
        // 001 prints "-5,00%" for "Riduzione delle pratiche sospese" and "5" for a count of events: bare values
        Assert.Equal(TargetOperator.Equal, Target("-5,00%").Operator);
        Assert.Equal(100m, KpiAchievement.Score(Target("5"), N("7"), Integra).Value);     // a minimum: 7 / 5 capped
        Assert.Equal(80m, KpiAchievement.Score(Target("5"), N("4"), Integra).Value);      // 4 / 5
        Assert.Equal(90m, KpiAchievement.Score(Target("= 5"), N("5.5"), Integra).Value);  // exactly: 100 − 0.5 / 5 × 100
    }

    [Fact]
    public void The_rule_s_arithmetic_is_written_the_Italian_way()
    {
        Assert.Equal("1.942 / 1.800 × 100 = 107,89, capped at 100 → 100", KpiAchievement.Score(Target(">= 1.800,00 N."), N("1942"), Integra).Rule);
        Assert.Equal("over the maximum: (2 − 5,5 / 5) × 100 → 90", KpiAchievement.Score(Target("<= 5,00 gg"), N("5.5"), Integra).Rule);
    }

    [Fact]
    public void Yes_no_and_deadline_targets_are_met_or_not()
    {
        Assert.Equal(100m, KpiAchievement.Score(Target("SI"), new ActualValue("SI", Flag: true), Integra).Value);
        Assert.Equal(0m, KpiAchievement.Score(Target("SI"), new ActualValue("NO", Flag: false), Integra).Value);
        var deadline = Target("Entro 30/09/2021");
        Assert.Equal(100m, KpiAchievement.Score(deadline, new ActualValue("15/09/2021", Date: new DateOnly(2021, 9, 15)), Integra).Value);
        Assert.Equal(100m, KpiAchievement.Score(deadline, new ActualValue("30/09/2021", Date: new DateOnly(2021, 9, 30)), Integra).Value);
        var late = KpiAchievement.Score(deadline, new ActualValue("01/10/2021", Date: new DateOnly(2021, 10, 1)), Integra);
        Assert.Equal(0m, late.Value);
        Assert.Contains("after the deadline 30/09/2021", late.Rule);
    }

    [Fact]
    public void A_text_target_is_flagged_not_measurable_and_never_guessed()
    {
        var score = KpiAchievement.Score(Target("Avvio gruppi di lavoro"), new ActualValue("avviati", Number: 1), Integra);
        Assert.Equal((AchievementStatus.NotMeasurable, (decimal?)null), (score.Status, score.Value));
    }

    [Fact]
    public void A_missing_actual_is_missing_and_an_actual_of_the_wrong_kind_is_not_measurable()
    {
        Assert.Equal(AchievementStatus.Missing, KpiAchievement.Score(Target(">= 5"), null, Integra).Status);
        Assert.Equal(AchievementStatus.Missing, KpiAchievement.Score(Target(">= 5"), new ActualValue("n.d."), Integra).Status);
        var wrong = KpiAchievement.Score(Target("Entro 30/09/2021"), N("3"), Integra);
        Assert.Equal(AchievementStatus.NotMeasurable, wrong.Status);
    }

    [Fact]
    public void Policies_change_the_cap_and_the_overshoot_rule()
    {
        var uncapped = Integra with { Name = "uncapped", Cap = null };
        Assert.Equal(180m, KpiAchievement.Score(Target(">= 5"), N("9"), uncapped).Value);
        var ratio = Integra with { Name = "ratio", Overshoot = OvershootRule.Ratio };
        Assert.Equal(83.33m, KpiAchievement.Score(Target("<= 5"), N("6"), ratio).Value);    // 5 / 6
        Assert.Equal(45.45m, KpiAchievement.Score(Target("<= 5"), N("11"), ratio).Value);   // 5 / 11 = 0.454545…
        var strict = Integra with { Name = "strict", Overshoot = OvershootRule.Zero };
        Assert.Equal(0m, KpiAchievement.Score(Target("<= 5"), N("5.01"), strict).Value);
        var oneDecimal = Integra with { Name = "one-decimal", Decimals = 1 };
        Assert.Equal(66.7m, KpiAchievement.Score(Target(">= 3"), N("2"), oneDecimal).Value);
    }
}
