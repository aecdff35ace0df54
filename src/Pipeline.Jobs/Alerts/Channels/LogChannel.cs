using Serilog;
using Serilog.Events;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>
/// Writes one structured log event per alert of the digest, with the properties <c>Chamber</c>, <c>Rule</c>,
/// <c>Subject</c>, <c>Period</c>, <c>Status</c>, <c>Severity</c>, <c>RunId</c> and <c>Reminder</c> (true in the
/// weekly reminder of the alerts still open): resolved alerts at
/// Information, the others at Warning.
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
            var level = string.Equals(a.Status, "resolved", StringComparison.OrdinalIgnoreCase)
                ? LogEventLevel.Information
                : LogEventLevel.Warning;
            _logger.ForContext("Severity", a.Severity)
                   .ForContext("RunId", digest.RunId)
                   .ForContext("Reminder", digest.Reminder)
                   .ForContext("At", a.At)
                   .Write(level, "Alert {Status} {Rule} for {Chamber}: {Subject} {Period} - {Text}",
                          a.Status, a.Rule, a.Chamber, a.Subject, a.Period, a.Text);
        }
        return Task.FromResult(new ChannelResult(true, 1, null));
    }
}
