using Pipeline.Jobs.Achievement;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Review;

namespace Pipeline.Jobs.Review;

/// <summary>A decision on a held version and what follows it: the chamber's achievement computed again after an acceptance.</summary>
public sealed record DecisionOutcome(ReviewDecision Decision, int PeriodsRecomputed);

/// <summary>
/// The decision on a version held for review (docs/review.md), as <c>pipeline review accept|reject</c> and the web
/// app's Documenti page take it: recorded with who and when (<see cref="VersionReview"/>); an accepted version is
/// current at once and the chamber's achievement already computed is computed again under its policy.
/// </summary>
public static class HeldVersionDecision
{
    /// <exception cref="ReviewException">The document is not held, or a newer version became current after it was held.</exception>
    public static async Task<DecisionOutcome> DecideAsync(SqlDialect dialect, string configDirectory, long documentId, bool accept, string by, CancellationToken ct = default)
    {
        var decision = await new VersionReview(dialect).DecideAsync(documentId, accept, by, ct);
        if (!accept) return new DecisionOutcome(decision, 0);
        var policy = AchievementPolicies.FromDirectory(configDirectory).For(decision.Version.Chamber);
        var periods = await new ChamberAchievement(dialect, TimeProvider.System).RecomputeAsync(decision.Version.Chamber, policy, ct);
        return new DecisionOutcome(decision, periods);
    }
}
