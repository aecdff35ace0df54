using System.Globalization;
using MimeKit;
using MimeKit.Text;
using System.Text;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>A digest's e-mail as a MimeKit message: its subject and a plain-text UTF-8 body, quoted-printable (MimeKit encodes the headers).</summary>
internal static class MailComposer
{
    public static MimeMessage Compose(AlertDigest digest, MailboxAddress from, IReadOnlyList<MailboxAddress> to, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = Subject(digest), Date = now };
        message.From.Add(from);
        message.To.AddRange(to);
        message.MessageId = $"{Guid.NewGuid():N}.{digest.RunId.ToString(CultureInfo.InvariantCulture)}@{from.Domain}";
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(Encoding.UTF8, Body(digest));
        message.Body = body;
        return message;
    }

    /// <summary>
    /// e.g. <c>[Pipeline] FG: 3 alerts (2 raised, 1 resolved)</c>; a reminder:
    /// <c>[Pipeline] FG: weekly reminder, 3 open alerts (2 open, 1 escalated)</c>.
    /// </summary>
    public static string Subject(AlertDigest digest)
    {
        var counts = AlertStatuses.Grouped(digest.Alerts).Select(g => $"{g.Count()} {g.Key}");
        var n = digest.Alerts.Count;
        var what = digest.Reminder ? $"weekly reminder, {n} open alert{(n == 1 ? "" : "s")}" : $"{n} alert{(n == 1 ? "" : "s")}";
        return Clean($"[Pipeline] {digest.Chamber}: {what} ({string.Join(", ", counts)})");
    }

    /// <summary>A heading, then one line per alert grouped by status.</summary>
    public static string Body(AlertDigest digest)
    {
        var sb = new StringBuilder();
        if (digest.Reminder)
            sb.Append(CultureInfo.InvariantCulture, $"Weekly reminder: the alerts of chamber {Clean(digest.Chamber)} still open\r\n");
        else
            sb.Append(CultureInfo.InvariantCulture, $"Alerts for chamber {Clean(digest.Chamber)} (run {digest.RunId})\r\n");
        foreach (var group in AlertStatuses.Grouped(digest.Alerts))
        {
            sb.Append("\r\n").Append(group.Key.ToUpperInvariant()).Append(CultureInfo.InvariantCulture, $" ({group.Count()})\r\n");
            foreach (var a in group.OrderBy(a => a.At))
                sb.Append(Line(a)).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>One alert's line in the body.</summary>
    public static string Line(AlertMessage a) =>
        Clean($"- [{a.Severity}] {a.Rule} | {a.Subject} | {a.Period}: {a.Text} ({a.At.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)})");

    private static string Clean(string s) => s.ReplaceLineEndings(" ");
}
