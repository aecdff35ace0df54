using Serilog;
using Serilog.Events;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>
/// Writes one structured log event per alert of the digest, with the properties <c>Chamber</c>, <c>Rule</c>,
/// <c>Subject</c>, <c>Period</c>, <c>Status</c>, <c>Severity</c>, <c>RunId</c> and <c>Reminder</c> (true in the
/// weekly reminder of the alerts still open), at Information (the log file; the console with --verbose); then, at
/// Warning for what is not resolved, one line per status and rule with its count, so a run that raises 77 alerts of
/// one rule prints one line, not 77.
/// </summary>
public sealed class LogChannel(ILogger logger) : IAlertChannel
{
    private readonly ILogger _logger = (logger ?? throw new ArgumentNullException(nameof(logger))).ForContext<LogChannel>();

    /// <inheritdoc />
    public string Name => "log";

    /// <inheritdoc />
    public Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ct.ThrowIfCancellationRequested();
        if (digest.Alerts.Count == 0)
            return Task.FromResult(new ChannelResult(false, 0, $"no alerts for chamber {digest.Chamber}"));

        foreach (var a in digest.Alerts)
        {
            _logger.ForContext("Severity", a.Severity)
                   .ForContext("RunId", digest.RunId)
                   .ForContext("Reminder", digest.Reminder)
                   .ForContext("At", a.At)
                   .Information("Alert {Status} {Rule} for {Chamber}: {Subject} {Period} - {Text}",
                                a.Status, a.Rule, a.Chamber, a.Subject, a.Period, a.Text);
        }
        foreach (var group in digest.Alerts.GroupBy(a => (a.Status, a.Rule)).OrderBy(g => g.Key.Status, StringComparer.Ordinal).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            var resolved = string.Equals(group.Key.Status, "resolved", StringComparison.OrdinalIgnoreCase);
            var first = group.First();
            var example = group.Count() == 1 ? $"{first.Subject} {first.Period}" : $"e.g. {first.Subject} {first.Period}";
            _logger.ForContext("RunId", digest.RunId)
                   .Write(resolved ? LogEventLevel.Information : LogEventLevel.Warning,
                          "Alerts {Status} {Rule} for {Chamber}: {Count} ({Example}; each in the log, on screen with --verbose)",
                          group.Key.Status, group.Key.Rule, digest.Chamber, group.Count(), example);
        }
        return Task.FromResult(new ChannelResult(true, 1, null));
    }
}
