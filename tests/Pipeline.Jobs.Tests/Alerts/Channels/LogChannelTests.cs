using Pipeline.Jobs.Alerts.Channels;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

public sealed class LogChannelTests
{
    private sealed class MemorySink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];
        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var v) && v is ScalarValue { Value: var value } ? value?.ToString() : null;

    [Fact]
    public async Task Writes_one_structured_event_per_alert()
    {
        var sink = new MemorySink();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var digest = SmtpChannelTests.Digest();

        var result = await new LogChannel(logger).SendAsync(digest, CancellationToken.None);

        Assert.Equal(new ChannelResult(true, 1, null), result);
        var groups = digest.Alerts.GroupBy(a => (a.Status, a.Rule)).ToList();
        Assert.Equal(digest.Alerts.Count + groups.Count, sink.Events.Count);
        for (var i = 0; i < digest.Alerts.Count; i++)
        {
            var alert = digest.Alerts[i];
            var e = sink.Events[i];
            Assert.Equal(alert.Chamber, Scalar(e, "Chamber"));
            Assert.Equal(alert.Rule, Scalar(e, "Rule"));
            Assert.Equal(alert.Subject, Scalar(e, "Subject"));
            Assert.Equal(alert.Period, Scalar(e, "Period"));
            Assert.Equal(alert.Status, Scalar(e, "Status"));
            Assert.Equal(alert.Severity, Scalar(e, "Severity"));
            Assert.Equal("42", Scalar(e, "RunId"));
            Assert.Equal(LogEventLevel.Information, e.Level);
            Assert.Contains(alert.Text, e.RenderMessage());
        }
        // then one line per status and rule with its count: the only warnings, one for each rule not resolved
        var summaries = sink.Events.Skip(digest.Alerts.Count).ToList();
        Assert.Equal(groups.Count(g => g.Key.Status != "resolved"), summaries.Count(e => e.Level == LogEventLevel.Warning));
        foreach (var g in groups)
            Assert.Single(summaries, e => Scalar(e, "Rule") == g.Key.Rule && Scalar(e, "Status") == g.Key.Status && Scalar(e, "Count") == g.Count().ToString());
    }

    [Fact]
    public async Task Many_alerts_of_one_rule_are_one_warning_line()
    {
        var sink = new MemorySink();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var one = SmtpChannelTests.Digest().Alerts.First(a => a.Status != "resolved");
        var digest = SmtpChannelTests.Digest() with { Alerts = Enumerable.Range(0, 77).Select(i => one with { Subject = $"KPI {i}" }).ToList() };

        await new LogChannel(logger).SendAsync(digest, CancellationToken.None);

        var warning = Assert.Single(sink.Events, e => e.Level >= LogEventLevel.Warning);
        Assert.Equal("77", Scalar(warning, "Count"));
        Assert.StartsWith("e.g. KPI 0 ", Scalar(warning, "Example"));
    }

    [Fact]
    public async Task Empty_digest_logs_nothing()
    {
        var sink = new MemorySink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        var result = await new LogChannel(logger).SendAsync(SmtpChannelTests.Digest() with { Alerts = [] }, CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Empty(sink.Events);
    }
}
