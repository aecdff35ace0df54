using Pipeline.Core.Values;

namespace Pipeline.Core.Achievement;

/// <summary>What the score of a KPI in a period is.</summary>
public enum AchievementStatus
{
    /// <summary>Target and actual compared: a score.</summary>
    Measured,
    /// <summary>A target but no actual reported: no score (a roll-up skips it or counts 0, per policy).</summary>
    Missing,
    /// <summary>The target is free text, or target and actual cannot be compared: flagged, never guessed.</summary>
    NotMeasurable,
}

/// <summary>An actual as the warehouse holds it: a number, a yes/no, a date, and the text as read.</summary>
public sealed record ActualValue(string Raw, decimal? Number = null, bool? Flag = null, DateOnly? Date = null)
{
    public bool IsEmpty => Number is null && Flag is null && Date is null;
}

/// <summary>A KPI's score: the value (null unless measured), its status, and the rule applied with its arithmetic.</summary>
public sealed record KpiScore(decimal? Value, AchievementStatus Status, string Rule);

/// <summary>
/// The score of one KPI in one period: the actual compared with the target by the target's operator, under a
/// policy. ≥ and &gt;: actual / target (capped); a target of 0 or below is met or not (100 or 0). ≤ and &lt;: 100 when
/// within the target, else the policy's overshoot rule. An explicit =: 100 when equal, else 100 minus the relative
/// distance; a bare value is the value to reach (a minimum; a maximum when negative, a reduction). Yes/no: 100 when the actual says what the target does. Deadline: 100 when done by the date.
/// Free text: not measurable. No actual: missing.
/// </summary>
public static class KpiAchievement
{
    public static KpiScore Score(TargetValue target, ActualValue? actual, AchievementPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(policy);
        if (target.Operator == TargetOperator.Text)
            return new KpiScore(null, AchievementStatus.NotMeasurable, $"target '{target.Raw}' states no measurable value");
        if (actual is null || actual.IsEmpty)
            return new KpiScore(null, AchievementStatus.Missing, actual is null ? "no actual reported" : $"actual '{actual.Raw}' has no value");

        // A bare value ("5", "100%", "-5,00%") is the value to reach: a growth or count is a minimum, a reduction
        // (a negative value) a maximum. Only an explicit "=" asks for exactly the value.
        if (target.Operator == TargetOperator.Equal && !target.Raw.Contains('=') && target.Number is { } bare)
            return bare < 0 ? AtMost(target with { Operator = TargetOperator.LessOrEqual }, actual, policy) : AtLeast(target with { Operator = TargetOperator.GreaterOrEqual }, actual, policy);

        return target.Operator switch
        {
            TargetOperator.GreaterOrEqual or TargetOperator.Greater => AtLeast(target, actual, policy),
            TargetOperator.LessOrEqual or TargetOperator.Less => AtMost(target, actual, policy),
            TargetOperator.Equal => Exactly(target, actual, policy),
            TargetOperator.Bool => YesNo(target, actual),
            TargetOperator.Date => Deadline(target, actual),
            _ => new KpiScore(null, AchievementStatus.NotMeasurable, $"operator {target.Operator} cannot be scored"),
        };
    }

    /// <summary>A number of the rule's arithmetic, in the human format with up to four decimals (<c>1.942 / 1.800 × 100</c>).</summary>
    private static string N(decimal v) => ItalianFormat.Number(v, 4);

    private static KpiScore Unmatched(TargetValue target, ActualValue actual, string wanted) =>
        new(null, AchievementStatus.NotMeasurable, $"target '{target.Raw}' needs {wanted}; actual '{actual.Raw}' is not one");

    private static KpiScore Capped(decimal raw, string arithmetic, AchievementPolicy policy)
    {
        var capped = policy.Cap is { } cap && raw > cap ? cap : raw;
        var value = policy.Round(Math.Max(0, capped));
        var note = capped < raw ? $" = {N(policy.Round(raw))}, capped at {N(policy.Cap!.Value)}" : "";
        return new KpiScore(value, AchievementStatus.Measured, $"{arithmetic}{note} → {N(value)}");
    }

    private static KpiScore AtLeast(TargetValue target, ActualValue actual, AchievementPolicy policy)
    {
        if (target.Number is not { } t || actual.Number is not { } a) return Unmatched(target, actual, "a number");
        var strict = target.Operator == TargetOperator.Greater;
        var met = strict ? a > t : a >= t;
        if (t <= 0)
            return new KpiScore(met ? 100m : 0m, AchievementStatus.Measured,
                $"target {N(t)} is not positive: {(met ? "met" : "not met")} ({N(a)} {(strict ? ">" : ">=")} {N(t)}) → {(met ? 100 : 0)}");
        return Capped(a / t * 100m, $"{N(a)} / {N(t)} × 100", policy);
    }

    private static KpiScore AtMost(TargetValue target, ActualValue actual, AchievementPolicy policy)
    {
        if (target.Number is not { } t || actual.Number is not { } a) return Unmatched(target, actual, "a number");
        var strict = target.Operator == TargetOperator.Less;
        var met = strict ? a < t : a <= t;
        if (met) return new KpiScore(policy.Round(100m), AchievementStatus.Measured, $"{N(a)} {(strict ? "<" : "<=")} {N(t)}: within the target → 100");
        if (t <= 0 || policy.Overshoot == OvershootRule.Zero)
            return new KpiScore(0m, AchievementStatus.Measured, $"{N(a)} over the maximum {N(t)} → 0");
        return policy.Overshoot == OvershootRule.Ratio
            ? Capped(t / a * 100m, $"over the maximum: {N(t)} / {N(a)} × 100", policy)
            : Capped((2m - a / t) * 100m, $"over the maximum: (2 − {N(a)} / {N(t)}) × 100", policy);
    }

    private static KpiScore Exactly(TargetValue target, ActualValue actual, AchievementPolicy policy)
    {
        if (target.Number is not { } t || actual.Number is not { } a) return Unmatched(target, actual, "a number");
        if (a == t) return new KpiScore(policy.Round(100m), AchievementStatus.Measured, $"{N(a)} = {N(t)} → 100");
        if (t == 0) return new KpiScore(0m, AchievementStatus.Measured, $"{N(a)} is not the target 0 → 0");
        return Capped(100m - Math.Abs(a - t) / Math.Abs(t) * 100m, $"100 − |{N(a)} − {N(t)}| / {N(Math.Abs(t))} × 100", policy);
    }

    private static KpiScore YesNo(TargetValue target, ActualValue actual)
    {
        if (target.Flag is not { } t || actual.Flag is not { } a) return Unmatched(target, actual, "SI or NO");
        return new KpiScore(a == t ? 100m : 0m, AchievementStatus.Measured, $"{(a ? "SI" : "NO")} {(a == t ? "=" : "≠")} {(t ? "SI" : "NO")} → {(a == t ? 100 : 0)}");
    }

    private static KpiScore Deadline(TargetValue target, ActualValue actual)
    {
        if (target.Date is not { } t || actual.Date is not { } a) return Unmatched(target, actual, "a date");
        var met = a <= t;
        return new KpiScore(met ? 100m : 0m, AchievementStatus.Measured,
            $"done {a:dd/MM/yyyy} {(met ? "by" : "after")} the deadline {t:dd/MM/yyyy} → {(met ? 100 : 0)}");
    }
}
