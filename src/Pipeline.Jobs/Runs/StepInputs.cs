using System.Globalization;
using Pipeline.Core.Achievement;
using Pipeline.Core.Incremental;
using Pipeline.Jobs.Alerts;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Incremental;

namespace Pipeline.Jobs.Runs;

/// <summary>
/// The inputs of a chamber's nightly steps, fingerprinted, and whether each step has to run (docs/operations.md):
/// achievement depends on the chamber's documents and facts, the policy and the year (the years it computes);
/// alerts on the same data, the alert settings, the day (deadlines, escalation, stale feeds) and the sources that
/// failed in this run.
/// </summary>
public sealed class StepInputs(SqlDialect dialect, TimeProvider clock)
{
    private readonly ChamberInputs _store = new(dialect, clock);

    /// <summary>The chamber's data parts, read once per run (the achievement step changes none of them).</summary>
    public Task<IReadOnlyList<(string Name, string Value)>> DataAsync(string chamberCode, CancellationToken ct) => _store.DataAsync(chamberCode, ct);

    public static InputsFingerprint Achievement(IReadOnlyList<(string Name, string Value)> data, AchievementPolicy policy, DateOnly today) =>
        InputsFingerprint.Of([.. data, ("policy", policy.ToString()), ("year", today.Year.ToString(CultureInfo.InvariantCulture))]);

    public static InputsFingerprint Alerts(IReadOnlyList<(string Name, string Value)> data, AlertConfig config, DateOnly today, IEnumerable<string> failedSources) =>
        InputsFingerprint.Of([.. data, ("config", config.EvaluationKey), ("day", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("failed", string.Join('\n', failedSources.Order(StringComparer.Ordinal)))]);

    /// <summary>Whether the step runs for the chamber, against what it last computed from.</summary>
    public async Task<StepDecision> DecideAsync(string chamberCode, string step, InputsFingerprint current, CancellationToken ct) =>
        current.DecideAgainst(await _store.StoredAsync(chamberCode, step, ct));

    /// <summary>Records what the step has just computed from (after it succeeded).</summary>
    public Task StoreAsync(string chamberCode, string step, InputsFingerprint fingerprint, CancellationToken ct) =>
        _store.StoreAsync(chamberCode, step, fingerprint, ct);
}
