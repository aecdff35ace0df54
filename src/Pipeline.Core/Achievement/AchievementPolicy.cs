namespace Pipeline.Core.Achievement;

/// <summary>How a KPI with a "not more than" target (&lt;=, &lt;) scores when its actual is over the target.</summary>
public enum OvershootRule
{
    /// <summary>target / actual × 100: 5 days allowed, 6 taken → 83.33.</summary>
    Ratio,
    /// <summary>(2 − actual / target) × 100, not below 0: 5 days allowed, 6 taken → 80.</summary>
    Linear,
    /// <summary>0 as soon as the actual is over the target.</summary>
    Zero,
}

/// <summary>How a missing actual (the monitoring did not report it) counts in a roll-up.</summary>
public enum MissingActualRule
{
    /// <summary>Left out: the objective is the mean of the KPIs that have a value.</summary>
    Skip,
    /// <summary>Counted as 0.</summary>
    Zero,
}

/// <summary>How a strategic objective combines its own KPIs with its operational objectives.</summary>
public enum StrategicMix
{
    /// <summary>The mean of its operational objectives; its own KPIs only when it has no operational objective.</summary>
    Children,
    /// <summary>Its own KPIs and its operational objectives together, each one item of the mean.</summary>
    Pooled,
    /// <summary>The mean of its own KPIs; its operational objectives only when it has no KPI.</summary>
    OwnKpis,
    /// <summary>
    /// <see cref="AchievementPolicy.OwnKpiShare"/> × the mean of its own KPIs + the rest × the mean of its operational
    /// objectives (Integra: 30 / 70); the one group that has values when the other has none.
    /// </summary>
    Shares,
}

/// <summary>
/// The named rules that turn targets and actuals into achievement figures: per KPI (cap, overshoot of a maximum,
/// rounding) and up the objective tree (weights, missing actuals, the strategic mix). A chamber uses the default
/// <see cref="Integra"/> unless its configuration names another.
/// </summary>
/// <param name="Name">The policy's name, recorded with every computed figure.</param>
/// <param name="Cap">The highest score of a KPI (100); null leaves over-achievement uncapped.</param>
/// <param name="Overshoot">A maximum target exceeded.</param>
/// <param name="Decimals">Figures are shown rounded half away from zero to this many decimals.</param>
/// <param name="Missing">A missing actual in a roll-up.</param>
/// <param name="Mix">A strategic objective with its own KPIs and operational objectives.</param>
/// <param name="OwnKpiShare">With <see cref="StrategicMix.Shares"/>: the share of the strategic objective's own KPIs.</param>
/// <param name="RoundEachLevel">True: each figure is rounded before its parent uses it; false: parents use the
/// unrounded figures and only what is shown is rounded.</param>
public sealed record AchievementPolicy(
    string Name,
    decimal? Cap = 100m,
    OvershootRule Overshoot = OvershootRule.Linear,
    int Decimals = 2,
    MissingActualRule Missing = MissingActualRule.Skip,
    StrategicMix Mix = StrategicMix.Shares,
    decimal OwnKpiShare = 0.30m,
    bool RoundEachLevel = false)
{
    /// <summary>
    /// The rules of Unioncamere's Integra reports (the default), as the Relazione 2021 of Foggia computes its 39
    /// printed figures (docs/achievement.md): a KPI scores actual / target for a minimum, (2 − actual / target) for
    /// a maximum exceeded, capped at 100 per KPI; an operational objective is the mean of its KPIs; a strategic one
    /// 30 % the mean of its own KPIs and 70 % the mean of its operational objectives; an area the mean of its
    /// strategic objectives; the chamber the mean of its areas; unrounded until shown.
    /// </summary>
    public static AchievementPolicy Integra { get; } = new("integra");

    public decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
