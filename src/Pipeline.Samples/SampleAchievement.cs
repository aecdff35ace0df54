using Pipeline.Core.Values;

namespace Pipeline.Samples;

/// <summary>
/// The scores the sample Relazione prints ("Risultato misurato obiettivo"), computed from the oracle by one
/// simple rule, so a test can compare what a reader extracts with what the model says:
/// <list type="bullet">
/// <item>a KPI's degree of achievement is the ratio of actual to target for <c>&gt;=</c>, <c>&gt;</c> and
/// <c>=</c> targets, of target to actual for <c>&lt;=</c> and <c>&lt;</c> targets (100 when the actual is 0),
/// capped at 100; a deadline scores 100 when met on or before its date, a yes/no target 100 when the actual is
/// the target, otherwise 0; a KPI without an actual scores 0;</item>
/// <item>an operational objective scores the mean of its KPIs' degrees weighted by the KPI weights;</item>
/// <item>a strategic objective scores the plain mean of its operational objectives.</item>
/// </list>
/// Scores are percentages rounded to two decimals (half away from zero) only when printed.
/// </summary>
public static class SampleAchievement
{
    /// <summary>The degree of achievement of a KPI in a period, 0–100, unrounded.</summary>
    public static decimal Kpi(SampleKpi kpi, string period)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var actual = kpi.ActualFor(period);
        var target = kpi.Target;
        if (actual is null) return 0;
        return target.Operator switch
        {
            TargetOperator.Date => actual.Date is { } done && target.Date is { } due && done <= due ? 100 : 0,
            TargetOperator.Bool => actual.Flag is { } flag && flag == target.Flag ? 100 : 0,
            TargetOperator.GreaterOrEqual or TargetOperator.Greater or TargetOperator.Equal =>
                actual.Number is { } a && target.Number is { } t && t != 0 ? Math.Min(100, a / t * 100) : 0,
            TargetOperator.LessOrEqual or TargetOperator.Less =>
                actual.Number is { } a && target.Number is { } t ? (a == 0 ? 100 : Math.Min(100, t / a * 100)) : 0,
            _ => 0,
        };
    }

    /// <summary>An operational objective's score: its KPIs' degrees weighted by their weights, unrounded.</summary>
    public static decimal Objective(SamplePlan plan, SampleObjective objective, string period)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var kpis = plan.KpisOf(objective);
        var weights = kpis.Sum(k => k.Weight);
        return weights == 0 ? 0 : kpis.Sum(k => Kpi(k, period) * k.Weight) / weights;
    }

    /// <summary>A strategic objective's score: the mean of its operational objectives, unrounded.</summary>
    public static decimal Strategic(SamplePlan plan, SampleStrategicObjective strategic, string period)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var objectives = plan.ObjectivesOf(strategic);
        return objectives.Count == 0 ? 0 : objectives.Average(o => Objective(plan, o, period));
    }

    /// <summary>A score as it is printed and read back: two decimals.</summary>
    public static decimal Printed(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    /// <summary>The "Valutazione obiettivo" printed next to a score.</summary>
    public static string Judgement(decimal score) => Printed(score) >= 100 ? "Raggiunto" : "Parzialmente raggiunto";
}
