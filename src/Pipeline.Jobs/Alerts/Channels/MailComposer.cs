using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>Builds the RFC 5322 text of a digest's e-mail (headers + quoted-printable UTF-8 body, CRLF lines).</summary>
internal static class MailComposer
{
    public static string Compose(AlertDigest digest, MailAddress from, IReadOnlyList<MailAddress> to, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("From: ").Append(from.Address).Append("\r\n");
        sb.Append("To: ").Append(string.Join(", ", to.Select(a => a.Address))).Append("\r\n");
        sb.Append("Subject: ").Append(EncodeHeader(Subject(digest))).Append("\r\n");
        sb.Append("Date: ").Append(FormatDate(now)).Append("\r\n");
        sb.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append('.').Append(digest.RunId.ToString(CultureInfo.InvariantCulture))
          .Append('@').Append(from.Host).Append(">\r\n");
        sb.Append("MIME-Version: 1.0\r\n");
        sb.Append("Content-Type: text/plain; charset=utf-8\r\n");
        sb.Append("Content-Transfer-Encoding: quoted-printable\r\n");
        sb.Append("\r\n");
        sb.Append(QuotedPrintable(Body(digest)));
        return sb.ToString();
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

    private static string FormatDate(DateTimeOffset d)
    {
        var offset = d.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return d.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }

    /// <summary>RFC 2047 B-encoding (UTF-8) when the value is not plain ASCII, split into encoded words of ≤ 75 chars.</summary>
    public static string EncodeHeader(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
            return value;
        var words = new List<string>();
        var chunk = new StringBuilder();
        // 45 UTF-8 bytes → 60 base64 chars + 12 of "=?utf-8?B?" "?=" = 72 ≤ 75; never split a surrogate pair
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (chunk.Length > 0 && Encoding.UTF8.GetByteCount(chunk.ToString() + element) > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }
            chunk.Append(element);
        }
        if (chunk.Length > 0)
            words.Add(Word(chunk.ToString()));
        return string.Join("\r\n ", words);

        static string Word(string s) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(s))}?=";
    }

    /// <summary>Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line breaks; lines ≤ 76 chars.</summary>
    public static string QuotedPrintable(string text)
    {
        var sb = new StringBuilder(text.Length * 11 / 10);
        var lines = text.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[i]);
            var lineLength = 0;
            for (var j = 0; j < bytes.Length; j++)
            {
                var b = bytes[j];
                var last = j == bytes.Length - 1;
                var literal = b is >= 33 and <= 126 && b != (byte)'=' || (b is (byte)' ' or (byte)'\t' && !last);
                var token = literal ? ((char)b).ToString() : $"={b:X2}";
                // keep a whole UTF-8 sequence on one line isn't required; only '=XX' must stay intact
                if (lineLength + token.Length > 75)
                {
                    sb.Append("=\r\n");
                    lineLength = 0;
                }
                sb.Append(token);
                lineLength += token.Length;
            }
            if (i < lines.Length - 1)
                sb.Append("\r\n");
        }
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
            sb.Append("\r\n");
        return sb.ToString();
    }
}
