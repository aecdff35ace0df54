using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>How to reach the SMTP relay.</summary>
/// <param name="Host">The relay's host name or address.</param>
/// <param name="Port">The relay's port (465 means implicit TLS when <paramref name="UseSsl"/> is set).</param>
/// <param name="From">The sender address (envelope and <c>From</c> header).</param>
/// <param name="Timeout">Bound on the whole exchange (connect to QUIT).</param>
/// <param name="UseSsl">TLS: implicit on port 465, otherwise STARTTLS (required to be offered by the server).</param>
/// <param name="User">User for SMTP AUTH, if the relay requires authentication.</param>
/// <param name="Password">Password for SMTP AUTH.</param>
public sealed record SmtpSettings(string Host, int Port, string From, TimeSpan Timeout, bool UseSsl = false, string? User = null, string? Password = null);

/// <summary>
/// Sends one plain-text UTF-8 e-mail per digest to all its recipients through MailKit's SMTP client (EHLO, STARTTLS
/// or implicit TLS, AUTH with the best mechanism the relay offers, MIME encodings and dot-stuffing are the library's).
/// Refused connections, timeouts, TLS and authentication failures and 4xx/5xx replies give <c>Delivered=false</c>
/// with a one-line error.
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

        MailboxAddress from;
        List<MailboxAddress> to;
        try
        {
            from = MailboxAddress.Parse(_settings.From);
            to = digest.Recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(MailboxAddress.Parse).ToList();
        }
        catch (ParseException ex)
        {
            return new ChannelResult(false, 0, OneLine($"invalid address: {ex.Message}"));
        }

        var message = MailComposer.Compose(digest, from, to, DateTimeOffset.Now);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _settings.Timeout.TotalMilliseconds) };
        try
        {
            var security = !_settings.UseSsl ? SecureSocketOptions.None
                : _settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_settings.Host, _settings.Port, security, timeout.Token);
            if (_settings.User is not null)
                await client.AuthenticateAsync(_settings.User, _settings.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            try
            {
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or SmtpCommandException or IOException)
            {
                // the message is accepted; a sloppy QUIT does not undo that
            }
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
        catch (TimeoutException)
        {
            return Fail($"timed out after {_settings.Timeout.TotalMilliseconds:0} ms");
        }
        catch (SmtpCommandException ex)
        {
            var command = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"RCPT TO:<{ex.Mailbox?.Address}>",
                SmtpErrorCode.SenderNotAccepted => $"MAIL FROM:<{ex.Mailbox?.Address}>",
                _ => "DATA",
            };
            return Fail($"{command} rejected: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (SocketException ex)
        {
            return Fail($"cannot connect: {ex.SocketErrorCode} ({ex.Message})");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException
                                       or NotSupportedException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return Fail($"{ex.GetType().Name}: {ex.Message}");
        }

        ChannelResult Fail(string error) =>
            new(false, 1, OneLine($"smtp {_settings.Host}:{_settings.Port}: {error}"));
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
