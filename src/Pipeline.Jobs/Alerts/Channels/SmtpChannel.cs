using System.Globalization;
using System.Net.Mail;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>How to reach the SMTP relay.</summary>
/// <param name="Host">The relay's host name or address.</param>
/// <param name="Port">The relay's port (465 means implicit TLS when <paramref name="UseSsl"/> is set).</param>
/// <param name="From">The sender address (envelope and <c>From</c> header).</param>
/// <param name="Timeout">Bound on the whole exchange (connect to QUIT).</param>
/// <param name="UseSsl">TLS: implicit on port 465, otherwise STARTTLS (required to be offered by the server).</param>
/// <param name="User">User for AUTH PLAIN, if the relay requires authentication.</param>
/// <param name="Password">Password for AUTH PLAIN.</param>
public sealed record SmtpSettings(string Host, int Port, string From, TimeSpan Timeout, bool UseSsl = false, string? User = null, string? Password = null);

/// <summary>
/// Sends one plain-text UTF-8 e-mail per digest to all its recipients, over a minimal SMTP client
/// (EHLO/HELO, optional STARTTLS and AUTH PLAIN, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT).
/// The body is quoted-printable, the subject RFC 2047 encoded when not ASCII. Refused connections, timeouts
/// and 4xx/5xx replies give <c>Delivered=false</c> with a one-line error.
/// </summary>
public sealed class SmtpChannel : IAlertChannel
{
    private readonly SmtpSettings _settings;

    /// <summary>Creates the channel.</summary>
    public SmtpChannel(SmtpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Port);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Timeout.Ticks, nameof(settings.Timeout));
        _settings = settings;
    }

    /// <inheritdoc />
    public string Name => "smtp";

    /// <inheritdoc />
    public async Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ct.ThrowIfCancellationRequested();
        if (digest.Recipients.Count == 0)
            return new ChannelResult(false, 0, $"no recipients for chamber {digest.Chamber}");
        if (digest.Alerts.Count == 0)
            return new ChannelResult(false, 0, $"no alerts for chamber {digest.Chamber}");

        MailAddress from;
        List<MailAddress> to;
        try
        {
            from = new MailAddress(_settings.From);
            to = digest.Recipients.Select(r => new MailAddress(r)).ToList();
        }
        catch (FormatException ex)
        {
            return new ChannelResult(false, 0, OneLine($"invalid address: {ex.Message}"));
        }

        var message = MailComposer.Compose(digest, from, to, DateTimeOffset.Now);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            await TransmitAsync(from.Address, to.Select(a => a.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), message, timeout.Token);
            return new ChannelResult(true, 1, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            return Fail($"timed out after {_settings.Timeout.TotalMilliseconds:0} ms");
        }
        catch (SmtpReplyException ex)
        {
            return Fail(ex.Message);
        }
        catch (SocketException ex)
        {
            return Fail($"cannot connect: {ex.SocketErrorCode} ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or AuthenticationException or ObjectDisposedException)
        {
            return Fail($"{ex.GetType().Name}: {ex.Message}");
        }

        ChannelResult Fail(string error) =>
            new(false, 1, OneLine($"smtp {_settings.Host}:{_settings.Port}: {error}"));
    }

    private async Task TransmitAsync(string from, IReadOnlyList<string> recipients, string message, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_settings.Host, _settings.Port, ct);
        Stream stream = tcp.GetStream();
        await using var registration = ct.Register(() => tcp.Dispose());
        try
        {
            var implicitTls = _settings.UseSsl && _settings.Port == 465;
            if (implicitTls)
                stream = await StartTlsAsync(stream, ct);

            var session = new Session(stream);
            await session.ExpectAsync(null, 220, ct);
            var extensions = await GreetAsync(session, ct);

            if (_settings.UseSsl && !implicitTls)
            {
                if (!extensions.Contains("STARTTLS"))
                    throw new SmtpReplyException("STARTTLS required but not offered by the server");
                await session.ExpectAsync("STARTTLS", 220, ct);
                stream = await StartTlsAsync(stream, ct);
                session = new Session(stream);
                extensions = await GreetAsync(session, ct);
            }

            if (_settings.User is not null)
            {
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{_settings.User}\0{_settings.Password}"));
                await session.ExpectAsync($"AUTH PLAIN {token}", 235, ct, logAs: "AUTH PLAIN ***");
            }

            await session.ExpectAsync($"MAIL FROM:<{from}>", 250, ct);
            foreach (var rcpt in recipients)
                await session.ExpectAsync($"RCPT TO:<{rcpt}>", 250, ct, alsoOk: 251);
            await session.ExpectAsync("DATA", 354, ct);
            await session.WriteRawAsync(DotStuff(message) + ".\r\n", ct);
            await session.ExpectAsync(null, 250, ct, logAs: "end of DATA");
            try
            {
                await session.ExpectAsync("QUIT", 221, ct);
            }
            catch (Exception ex) when (ex is SmtpReplyException or IOException)
            {
                // the message is accepted; a sloppy QUIT does not undo that
            }
        }
        finally
        {
            if (!ReferenceEquals(stream, tcp.GetStream()))
                await stream.DisposeAsync();
        }
    }

    private static async Task<HashSet<string>> GreetAsync(Session session, CancellationToken ct)
    {
        var name = System.Net.Dns.GetHostName();
        var (code, lines) = await session.CommandAsync($"EHLO {name}", ct);
        if (code != 250)
        {
            (code, lines) = await session.CommandAsync($"HELO {name}", ct);
            if (code != 250)
                throw SmtpReplyException.From("HELO", code, lines);
            return [];
        }
        return lines.Skip(1)
                    .Select(l => l.Split(' ', 2)[0].ToUpperInvariant())
                    .ToHashSet(StringComparer.Ordinal);
    }

    private async Task<Stream> StartTlsAsync(Stream inner, CancellationToken ct)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _settings.Host }, ct);
        return ssl;
    }

    /// <summary>Doubles a leading dot on every line (RFC 5321 §4.5.2); the message always ends with CRLF.</summary>
    private static string DotStuff(string message)
    {
        var sb = new StringBuilder(message.Length + 16);
        foreach (var line in message.Split("\r\n"))
        {
            if (line.StartsWith('.'))
                sb.Append('.');
            sb.Append(line).Append("\r\n");
        }
        // Split leaves a trailing empty entry when the message ends with CRLF: drop its extra CRLF
        if (message.EndsWith("\r\n", StringComparison.Ordinal))
            sb.Length -= 2;
        return sb.ToString();
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    /// <summary>Line-oriented SMTP exchange over a stream (ASCII commands, multi-line replies).</summary>
    private sealed class Session(Stream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, false, 1024, leaveOpen: true);

        public async Task WriteRawAsync(string text, CancellationToken ct)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            await stream.FlushAsync(ct);
        }

        public async Task<(int Code, List<string> Lines)> CommandAsync(string? command, CancellationToken ct)
        {
            if (command is not null)
                await WriteRawAsync(command + "\r\n", ct);
            var lines = new List<string>();
            while (true)
            {
                var line = await _reader.ReadLineAsync(ct)
                           ?? throw new IOException("connection closed by the server");
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                    throw new SmtpReplyException($"malformed reply: {line}");
                lines.Add(line.Length > 4 ? line[4..] : "");
                if (line.Length == 3 || line[3] != '-')
                    return (code, lines);
            }
        }

        public async Task ExpectAsync(string? command, int expected, CancellationToken ct, int alsoOk = 0, string? logAs = null)
        {
            var (code, lines) = await CommandAsync(command, ct);
            if (code != expected && code != alsoOk)
                throw SmtpReplyException.From(logAs ?? command ?? "greeting", code, lines);
        }
    }

    private sealed class SmtpReplyException(string message) : Exception(message)
    {
        public static SmtpReplyException From(string command, int code, List<string> lines)
        {
            return new($"{command} rejected: {code} {string.Join(" ", lines).Trim()}");
        }
    }
}
