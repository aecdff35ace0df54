namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>One alert to notify: a rule that fired (or stopped firing) for a chamber's subject in a period.</summary>
/// <param name="Rule">The alert rule's name.</param>
/// <param name="Chamber">The chamber of commerce's code (e.g. <c>FG</c>).</param>
/// <param name="Subject">What the rule looked at (a KPI, a feed, …).</param>
/// <param name="Period">The period the alert refers to.</param>
/// <param name="Severity">The rule's severity (e.g. <c>warning</c>, <c>critical</c>).</param>
/// <param name="Status">One of <c>raised</c>, <c>escalated</c>, <c>resolved</c>; in a <see cref="AlertDigest.Reminder"/>,
/// <c>open</c> or <c>escalated</c> (the alert's stored status).</param>
/// <param name="At">When the status change happened (in a reminder: when the alert was raised).</param>
/// <param name="Text">A human-readable description.</param>
public sealed record AlertMessage(string Rule, string Chamber, string Subject, string Period, string Severity, string Status, DateTimeOffset At, string Text);

/// <summary>
/// All the alerts of one chamber in one run, delivered together (never one notification per KPI); or, when
/// <see cref="Reminder"/>, every alert of the chamber still open (the weekly reminder).
/// </summary>
/// <param name="Chamber">The chamber of commerce's code.</param>
/// <param name="Recipients">E-mail addresses to notify (used by channels that address people).</param>
/// <param name="Alerts">The alerts of the run for the chamber.</param>
/// <param name="RunId">The pipeline run that produced them (0 when none, e.g. a reminder).</param>
public sealed record AlertDigest(string Chamber, IReadOnlyList<string> Recipients, IReadOnlyList<AlertMessage> Alerts, long RunId)
{
    /// <summary>True for the weekly reminder of the chamber's alerts still open, false for the changes of a run.</summary>
    public bool Reminder { get; init; }
}

/// <summary>The outcome of delivering a digest through a channel.</summary>
/// <param name="Delivered">Whether the channel accepted the digest.</param>
/// <param name="Attempts">How many delivery attempts were made (0 when the digest was skipped).</param>
/// <param name="Error">A one-line reason when not delivered, otherwise <c>null</c>.</param>
public sealed record ChannelResult(bool Delivered, int Attempts, string? Error);

/// <summary>A way to notify a digest of alerts (log, e-mail, webhook, …).</summary>
public interface IAlertChannel
{
    /// <summary>The channel's short name (e.g. <c>smtp</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Delivers the digest. Delivery failures are reported in the result, never thrown; only cancellation by
    /// <paramref name="ct"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct);
}

/// <summary>Status names and counting shared by channels.</summary>
internal static class AlertStatuses
{
    public static readonly string[] Ordered = ["raised", "open", "escalated", "resolved"];

    /// <summary>Status groups in the canonical order (raised, open, escalated, resolved), then any other status by name.</summary>
    public static IEnumerable<IGrouping<string, AlertMessage>> Grouped(IEnumerable<AlertMessage> alerts) =>
        alerts.GroupBy(a => a.Status.Trim().ToLowerInvariant())
              .OrderBy(g => Array.IndexOf(Ordered, g.Key) is var i && i >= 0 ? i : Ordered.Length)
              .ThenBy(g => g.Key, StringComparer.Ordinal);
}
