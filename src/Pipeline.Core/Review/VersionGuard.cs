using System.Globalization;

namespace Pipeline.Core.Review;

/// <summary>What a version of a document holds: its KPIs, targets and actuals, and the warnings its extraction gave.</summary>
/// <param name="Warnings">The extraction's warnings; null when unknown (a version loaded before warnings were kept).</param>
public sealed record VersionCounts(int Kpis, int Targets, int Actuals, IReadOnlyList<string>? Warnings);

/// <summary>
/// When a new version is suspect (config/review.json, docs/review.md): it loses more than <see cref="MaxLossShare"/> of
/// the current version's KPIs, targets or actuals; it has more than <see cref="MaxUnmatchedKpis"/> KPIs the identity
/// matcher could not place on a KPI of the plan (as the versions not held define it); or (<see cref="HoldOnNewWarnings"/>) its extraction gave warnings the current one did not.
/// </summary>
public sealed record ReviewThresholds
{
    public static readonly ReviewThresholds Default = new();

    /// <summary>Share (0–1) of the current version's KPIs, targets or actuals a new version may lose; more is held.</summary>
    public decimal MaxLossShare { get; init; } = 0.2m;

    /// <summary>KPIs of the new version the identity matcher does not place on a KPI of the plan; more is held.</summary>
    public int MaxUnmatchedKpis { get; init; }

    /// <summary>Hold a version whose extraction gave a warning the current version's did not.</summary>
    public bool HoldOnNewWarnings { get; init; } = true;
}

/// <summary>
/// Decides whether a new version of a logical document is suspect: held for review instead of superseding the current
/// version. Pure: the counts come from the warehouse (current) and the extraction (new). A first version (nothing
/// current) is never held. Each reason is one human-readable line ("actuals 20 → 10 (−50 %)").
/// </summary>
public static class VersionGuard
{
    /// <summary>The longest warning quoted in a reason.</summary>
    public const int WarningLength = 100;

    /// <param name="current">The current version, or null when there is none.</param>
    /// <param name="candidate">The new version.</param>
    /// <param name="unmatchedKpis">How many of the new version's KPIs the identity matcher could not place on a KPI of the plan.</param>
    public static IReadOnlyList<string> Reasons(VersionCounts? current, VersionCounts candidate, int unmatchedKpis, ReviewThresholds thresholds)
    {
        if (current is null) return [];
        var reasons = new List<string>();
        Loss("KPIs", current.Kpis, candidate.Kpis);
        Loss("targets", current.Targets, candidate.Targets);
        Loss("actuals", current.Actuals, candidate.Actuals);
        if (unmatchedKpis > thresholds.MaxUnmatchedKpis)
            reasons.Add(unmatchedKpis == 1
                ? "1 KPI name not matched to a KPI of the plan"
                : $"{unmatchedKpis} KPI names not matched to a KPI of the plan");
        if (thresholds.HoldOnNewWarnings && current.Warnings is { } known && candidate.Warnings is { } now)
        {
            var before = known.ToHashSet(StringComparer.Ordinal);
            var added = now.Where(w => !before.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
                reasons.Add(added.Count == 1 ? $"a new warning: {Short(added[0])}" : $"{added.Count} new warnings, the first: {Short(added[0])}");
        }
        return reasons;

        // a reason is one line of a table and an alert: a long warning is cut (the extraction keeps it whole)
        static string Short(string warning) => warning.Length <= WarningLength ? warning : warning[..(WarningLength - 1)].TrimEnd() + "…";

        void Loss(string what, int before, int after)
        {
            if (before <= 0 || after >= before) return;
            var share = (decimal)(before - after) / before;
            if (share > thresholds.MaxLossShare)
                reasons.Add($"{what} {before} → {after} (−{Math.Round(share * 100, 0).ToString(CultureInfo.InvariantCulture)} %)");
        }
    }
}
