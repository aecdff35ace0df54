using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pipeline.Jobs.Alerts.Channels;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

public sealed class SmtpChannelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 30, 0, TimeSpan.FromHours(1));

    internal static AlertDigest Digest(string chamber = "FO", params string[] recipients) => new(
        chamber,
        recipients.Length == 0 ? ["ufficio.studi@fo.camcom.it", "direzione@fo.camcom.it"] : recipients,
        [
            new AlertMessage("imprese_attive_drop", chamber, "Camera di commercio di Forlì", "2026-Q3", "critical", "raised", T0,
                "Imprese attive in calo del 4,2% rispetto al trimestre precedente (città: Forlì, Cesena)"),
            new AlertMessage("feed_late", chamber, "Feed Movimprese", "2026-10", "warning", "resolved", T0.AddMinutes(5),
                "Feed arrivato con 3 giorni di ritardo; ora è in regola"),
            new AlertMessage("pec_missing", chamber, "PEC imprese", "2026-10", "warning", "raised", T0.AddMinutes(10),
                ".line that starts with a dot = and an equals sign"),
        ],
        RunId: 42);

    private static SmtpSettings Settings(int port, int timeoutMs = 5000) =>
        new("127.0.0.1", port, "pipeline@camcom.test", TimeSpan.FromMilliseconds(timeoutMs));

    [Fact]
    public async Task One_digest_is_one_message_to_all_recipients_with_counts_and_every_alert_line()
    {
        await using var server = new FakeSmtpServer();
        var digest = Digest();

        var result = await new SmtpChannel(Settings(server.Port)).SendAsync(digest, CancellationToken.None);

        Assert.Equal(new ChannelResult(true, 1, null), result);
        var envelope = Assert.Single(server.Messages);
        Assert.Equal("pipeline@camcom.test", envelope.MailFrom);
        Assert.Equal(["ufficio.studi@fo.camcom.it", "direzione@fo.camcom.it"], envelope.RcptTo);
        Assert.Contains("QUIT", server.Commands);

        var (headers, rawBody) = MimeDecoding.Split(envelope.Data);
        Assert.Equal("pipeline@camcom.test", headers["From"]);
        Assert.Equal("ufficio.studi@fo.camcom.it, direzione@fo.camcom.it", headers["To"]);
        Assert.Equal("[Pipeline] FO: 3 alerts (2 raised, 1 resolved)", MimeDecoding.DecodeHeader(headers["Subject"]));
        Assert.True(DateTimeOffset.TryParse(headers["Date"], out var date), headers["Date"]);
        Assert.InRange(DateTimeOffset.Now - date, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
        Assert.Matches(@"^<[^@<>\s]+@camcom\.test>$", headers["Message-ID"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        Assert.Equal("text/plain; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("quoted-printable", headers["Content-Transfer-Encoding"]);
        Assert.All(envelope.Data.Split("\r\n"), l => Assert.True(l.Length <= 78, $"line too long: {l}"));
        Assert.All(envelope.Data, c => Assert.True(c < 128, "raw 8-bit char on the wire"));

        var body = MimeDecoding.DecodeQuotedPrintable(rawBody);
        foreach (var alert in digest.Alerts)
        {
            var line = Assert.Single(body.Split("\r\n"), l => l.Contains(alert.Rule));
            Assert.Contains(alert.Subject, line);
            Assert.Contains(alert.Period, line);
            Assert.Contains(alert.Severity, line);
            Assert.Contains(alert.Text, line);
        }
        Assert.Contains("Camera di commercio di Forlì", body);
        Assert.Contains("città: Forlì, Cesena", body);

        // grouped by status: both raised lines under RAISED, before RESOLVED and its line
        var lines = body.Split("\r\n").ToList();
        int raised = lines.IndexOf("RAISED (2)"), resolved = lines.IndexOf("RESOLVED (1)");
        Assert.True(raised >= 0 && resolved > raised, body);
        Assert.InRange(lines.FindIndex(l => l.Contains("imprese_attive_drop")), raised + 1, resolved - 1);
        Assert.InRange(lines.FindIndex(l => l.Contains("pec_missing")), raised + 1, resolved - 1);
        Assert.True(lines.FindIndex(l => l.Contains("feed_late")) > resolved);
    }

    [Fact]
    public async Task Non_ascii_subject_is_rfc2047_encoded_and_round_trips()
    {
        await using var server = new FakeSmtpServer();
        var digest = Digest("Forlì-Cesena") with { Alerts = Digest().Alerts.Take(1).ToList() };

        var result = await new SmtpChannel(Settings(server.Port)).SendAsync(digest, CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        var (headers, _) = MimeDecoding.Split(Assert.Single(server.Messages).Data);
        Assert.Contains("=?utf-8?", headers["Subject"]); // RFC 2047 encoded words where the text is not ASCII (MimeKit picks B or Q)
        Assert.All(headers["Subject"], c => Assert.True(c < 128, "raw 8-bit char in the subject"));
        Assert.Equal("[Pipeline] Forlì-Cesena: 1 alert (1 raised)", MimeDecoding.DecodeHeader(headers["Subject"]));
    }

    [Fact]
    public async Task Lines_starting_with_a_dot_are_dot_stuffed()
    {
        await using var server = new FakeSmtpServer();
        var alert = Digest().Alerts[0] with { Status = ".pending" };
        var digest = Digest() with { Alerts = [alert] };

        var result = await new SmtpChannel(Settings(server.Port)).SendAsync(digest, CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        // the server removes one leading dot: without stuffing the heading would arrive as "PENDING (1)"
        var body = MimeDecoding.DecodeQuotedPrintable(MimeDecoding.Split(Assert.Single(server.Messages).Data).RawBody);
        Assert.Contains(".PENDING (1)", body.Split("\r\n"));
    }

    [Fact]
    public async Task Rcpt_rejected_with_550_is_not_delivered_and_reports_the_reply()
    {
        await using var server = new FakeSmtpServer(rcptReply: "550 5.1.1 mailbox unavailable");

        var result = await new SmtpChannel(Settings(server.Port)).SendAsync(Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.NotNull(result.Error);
        Assert.Contains("550 5.1.1 mailbox unavailable", result.Error);
        Assert.Contains("RCPT TO:<ufficio.studi@fo.camcom.it>", result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("DATA", server.Commands);
    }

    [Fact]
    public async Task Nothing_listening_is_not_delivered_fast()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var watch = Stopwatch.StartNew();
        var result = await new SmtpChannel(Settings(port, timeoutMs: 10_000)).SendAsync(Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Contains("ConnectionRefused", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Silent_server_times_out_within_the_configured_bound()
    {
        await using var server = new FakeSmtpServer(silent: true);

        var watch = Stopwatch.StartNew();
        var result = await new SmtpChannel(Settings(server.Port, timeoutMs: 300)).SendAsync(Digest(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Contains("timed out after 300 ms", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Digest_without_recipients_or_alerts_is_skipped_without_connecting()
    {
        await using var server = new FakeSmtpServer();
        var channel = new SmtpChannel(Settings(server.Port));

        var noRecipients = await channel.SendAsync(Digest() with { Recipients = [] }, CancellationToken.None);
        var noAlerts = await channel.SendAsync(Digest() with { Alerts = [] }, CancellationToken.None);

        Assert.Equal(new ChannelResult(false, 0, "no recipients for chamber FO"), noRecipients);
        Assert.Equal(new ChannelResult(false, 0, "no alerts for chamber FO"), noAlerts);
        Assert.Empty(server.Commands);
    }
}
