using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

/// <summary>One SMTP transaction the fake server received.</summary>
public sealed record SmtpEnvelope(string Helo, string MailFrom, IReadOnlyList<string> RcptTo, string Data);

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (free port): 220 greeting, 250 to EHLO/HELO/MAIL/RCPT, 354 to DATA,
/// 250 after the dot, 221 to QUIT; records the envelopes and un-dot-stuffed data. <c>rcptReply</c> can
/// override the RCPT reply; <c>silent</c> accepts connections and never speaks.
/// </summary>
public sealed class FakeSmtpServer : LocalTcpServer
{
    private readonly string? _rcptReply;
    private readonly bool _silent;

    public FakeSmtpServer(string? rcptReply = null, bool silent = false)
    {
        _rcptReply = rcptReply;
        _silent = silent;
        Start();
    }

    public ConcurrentQueue<SmtpEnvelope> Messages { get; } = new();
    public ConcurrentQueue<string> Commands { get; } = new();

    protected override async Task ServeAsync(NetworkStream stream, CancellationToken ct)
    {
        if (_silent)
        {
            await Task.Delay(Timeout.Infinite, ct);
            return;
        }
        var reader = new StreamReader(stream, new UTF8Encoding(false), false);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), ct);

        await Reply("220 fake.test ESMTP ready");
        string helo = "", from = "";
        var rcpts = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(ct);
            if (line is null) return;
            Commands.Enqueue(line);
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    helo = line;
                    await Reply("250-fake.test hello");
                    await Reply("250-8BITMIME");
                    await Reply("250 SIZE 1000000");
                    break;
                case "HELO":
                    helo = line;
                    await Reply("250 fake.test");
                    break;
                case "MAIL":
                    from = Angle(line);
                    rcpts.Clear();
                    await Reply("250 2.1.0 ok");
                    break;
                case "RCPT":
                    if (_rcptReply is not null)
                        await Reply(_rcptReply);
                    else
                    {
                        rcpts.Add(Angle(line));
                        await Reply("250 2.1.5 ok");
                    }
                    break;
                case "DATA":
                    await Reply("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (true)
                    {
                        var d = await reader.ReadLineAsync(ct) ?? throw new IOException("eof in DATA");
                        if (d == ".") break;
                        data.Append(d.StartsWith('.') ? d[1..] : d).Append("\r\n");
                    }
                    Messages.Enqueue(new SmtpEnvelope(helo, from, rcpts.ToList(), data.ToString()));
                    await Reply("250 2.0.0 queued");
                    break;
                case "QUIT":
                    await Reply("221 bye");
                    return;
                case "RSET":
                    rcpts.Clear();
                    await Reply("250 ok");
                    break;
                default:
                    await Reply("502 not implemented");
                    break;
            }
        }
    }

    private static string Angle(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>');
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }
}
