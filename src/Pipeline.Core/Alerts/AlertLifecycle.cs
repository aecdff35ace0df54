namespace Pipeline.Core.Alerts;

/// <summary>Pure alert lifecycle: decides which alerts to raise, escalate and resolve, without side effects.</summary>
public static class AlertLifecycle
{
    /// <summary>
    /// Compares what is due and missing now with the alerts currently open and returns the changes, ordered by key.
    /// <list type="bullet">
    /// <item>A due-and-missing key without an open (Open or Escalated) alert is <see cref="AlertChangeKind.Raised"/>.</item>
    /// <item>An open alert whose key is no longer due-and-missing is <see cref="AlertChangeKind.Resolved"/>.</item>
    /// <item>An <see cref="AlertStatus.Open"/> alert still missing with <c>now − RaisedAt ≥ escalateAfterDays × 24 h</c> is
    /// <see cref="AlertChangeKind.Escalated"/>; an already escalated one is never escalated again.</item>
    /// </list>
    /// Duplicate keys in <paramref name="dueAndMissing"/> count once; states with status
    /// <see cref="AlertStatus.Resolved"/> in <paramref name="open"/> are ignored. Each key gets at most one change.
    /// </summary>
    /// <param name="dueAndMissing">Keys whose data is due and has not arrived.</param>
    /// <param name="open">The stored alerts that are not resolved (resolved ones are tolerated and ignored).</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="escalateAfterDays">Full days (24 hours each) after raising an open alert is escalated; 0 or more.</param>
    /// <exception cref="ArgumentException"><paramref name="open"/> holds two unresolved alerts for the same key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="escalateAfterDays"/> is negative.</exception>
    public static IReadOnlyList<AlertChange> Evaluate(
        IReadOnlyCollection<AlertKey> dueAndMissing,
        IReadOnlyCollection<AlertState> open,
        DateTimeOffset now,
        int escalateAfterDays)
    {
        ArgumentNullException.ThrowIfNull(dueAndMissing);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfNegative(escalateAfterDays);

        var missing = new HashSet<AlertKey>(dueAndMissing);
        var active = new Dictionary<AlertKey, AlertState>();
        foreach (var state in open)
        {
            if (state.Status == AlertStatus.Resolved) continue;
            if (!active.TryAdd(state.Key, state))
                throw new ArgumentException($"two unresolved alerts for {state.Key}", nameof(open));
        }

        var escalateAfter = TimeSpan.FromDays(escalateAfterDays);
        var changes = new List<AlertChange>();
        foreach (var key in missing)
        {
            if (!active.TryGetValue(key, out var state))
                changes.Add(new AlertChange(key, AlertChangeKind.Raised));
            else if (state.Status == AlertStatus.Open && now - state.RaisedAt >= escalateAfter)
                changes.Add(new AlertChange(key, AlertChangeKind.Escalated));
        }
        foreach (var key in active.Keys)
        {
            if (!missing.Contains(key))
                changes.Add(new AlertChange(key, AlertChangeKind.Resolved));
        }
        changes.Sort((a, b) => a.Key.CompareTo(b.Key));
        return changes;
    }
}
