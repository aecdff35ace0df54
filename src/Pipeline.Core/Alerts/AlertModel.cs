namespace Pipeline.Core.Alerts;

/// <summary>Where an alert is in its lifecycle.</summary>
public enum AlertStatus
{
    /// <summary>Raised and not yet escalated.</summary>
    Open,
    /// <summary>Still open, and escalated once.</summary>
    Escalated,
    /// <summary>Closed because the missing data arrived.</summary>
    Resolved,
}

/// <summary>
/// Identifies an alert: at most one open alert exists per key. Keys order by <see cref="Rule"/>, <see cref="Chamber"/>,
/// <see cref="Subject"/> and <see cref="Period"/>, each compared ordinally.
/// </summary>
/// <param name="Rule">The rule id, e.g. a <see cref="DueRule.Id"/>.</param>
/// <param name="Chamber">The chamber of commerce code.</param>
/// <param name="Subject">What is missing, e.g. a KPI id or a document kind.</param>
/// <param name="Period">The period code, e.g. <c>2021-S1</c>.</param>
public sealed record AlertKey(string Rule, string Chamber, string Subject, string Period) : IComparable<AlertKey>
{
    /// <inheritdoc />
    public int CompareTo(AlertKey? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Rule, other.Rule);
        if (c == 0) c = string.CompareOrdinal(Chamber, other.Chamber);
        if (c == 0) c = string.CompareOrdinal(Subject, other.Subject);
        if (c == 0) c = string.CompareOrdinal(Period, other.Period);
        return c;
    }
}

/// <summary>The stored state of one alert.</summary>
/// <param name="Key">The alert's key.</param>
/// <param name="Status">The current status.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="EscalatedAt">When it was escalated, if it was.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
public sealed record AlertState(AlertKey Key, AlertStatus Status, DateTimeOffset RaisedAt, DateTimeOffset? EscalatedAt, DateTimeOffset? ResolvedAt);

/// <summary>What happened to an alert in one evaluation.</summary>
public enum AlertChangeKind
{
    /// <summary>A new alert was opened.</summary>
    Raised,
    /// <summary>An open alert was escalated.</summary>
    Escalated,
    /// <summary>An open or escalated alert was closed.</summary>
    Resolved,
}

/// <summary>One change produced by <see cref="AlertLifecycle.Evaluate"/>.</summary>
/// <param name="Key">The alert's key.</param>
/// <param name="Kind">What happened.</param>
public sealed record AlertChange(AlertKey Key, AlertChangeKind Kind);
