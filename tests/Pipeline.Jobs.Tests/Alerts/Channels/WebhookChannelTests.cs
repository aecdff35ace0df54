using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Pipeline.Jobs.Alerts.Channels;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

public sealed class WebhookChannelTests
{
    private static readonly TimeSpan Tiny = TimeSpan.FromMilliseconds(10);

    private static HttpClient Client() => new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Posts_the_digest_as_snake_case_json()
    {
        await using var server = new FakeHttpServer(200);
        using var client = Client();
        var digest = SmtpChannelTests.Digest();

        var result = await new WebhookChannel(client, server.Url, firstDelay: Tiny).SendAsync(digest, CancellationToken.None);

        Assert.Equal(new ChannelResult(true, 1, null), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/alerts", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(["chamber", "run_id", "alerts"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("FO", root.GetProperty("chamber").GetString());
        Assert.Equal(42, root.GetProperty("run_id").GetInt64());
        var alerts = root.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(digest.Alerts.Count, alerts.Count);
        for (var i = 0; i < alerts.Count; i++)
        {
            var expected = digest.Alerts[i];
            var a = alerts[i];
            Assert.Equal(["rule", "chamber", "subject", "period", "severity", "status", "at", "text"], a.EnumerateObject().Select(p => p.Name));
            Assert.Equal(expected.Rule, a.GetProperty("rule").GetString());
            Assert.Equal(expected.Chamber, a.GetProperty("chamber").GetString());
            Assert.Equal(expected.Subject, a.GetProperty("subject").GetString());
            Assert.Equal(expected.Period, a.GetProperty("period").GetString());
            Assert.Equal(expected.Severity, a.GetProperty("severity").GetString());
            Assert.Equal(expected.Status, a.GetProperty("status").GetString());
            Assert.Equal(expected.At, a.GetProperty("at").GetDateTimeOffset());
            Assert.Equal(expected.Text, a.GetProperty("text").GetString());
        }
        Assert.Equal("Camera di commercio di Forlì", alerts[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Retries_503s_then_delivers_on_the_third_attempt()
    {
        await using var server = new FakeHttpServer(503, 503, 200);
        using var client = Client();

        var result = await new WebhookChannel(client, server.Url, attempts: 3, firstDelay: Tiny).SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.Equal(new ChannelResult(true, 3, null), result);
        Assert.Equal(3, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Retries_429()
    {
        await using var server = new FakeHttpServer(429, 200);
        using var client = Client();

        var result = await new WebhookChannel(client, server.Url, firstDelay: Tiny).SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.Equal(new ChannelResult(true, 2, null), result);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts_with_the_last_status()
    {
        await using var server = new FakeHttpServer(500, 502, 503, 200);
        using var client = Client();

        var result = await new WebhookChannel(client, server.Url, attempts: 3, firstDelay: Tiny).SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Contains("HTTP 503", result.Error);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        await using var server = new FakeHttpServer(400, 200);
        using var client = Client();

        var result = await new WebhookChannel(client, server.Url, attempts: 3, firstDelay: Tiny).SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("HTTP 400", result.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported_without_throwing()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var client = Client();

        var watch = Stopwatch.StartNew();
        var result = await new WebhookChannel(client, new Uri($"http://127.0.0.1:{port}/x"), attempts: 3, firstDelay: Tiny)
            .SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.NotNull(result.Error);
        Assert.Contains("ConnectionError", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Backoff_doubles_from_the_first_delay()
    {
        await using var server = new FakeHttpServer(503);
        using var client = Client();
        var delay = TimeSpan.FromMilliseconds(150);

        var watch = Stopwatch.StartNew();
        var result = await new WebhookChannel(client, server.Url, attempts: 3, firstDelay: delay).SendAsync(SmtpChannelTests.Digest(), CancellationToken.None);

        Assert.Equal(3, result.Attempts);
        // waits 150 ms then 300 ms
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(440), $"took {watch.Elapsed}");
    }
}
