using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

/// <summary>Test-side decoding of the mail: header parsing, RFC 2047 and quoted-printable.</summary>
public static partial class MimeDecoding
{
    public static (Dictionary<string, string> Headers, string RawBody) Split(string data)
    {
        var end = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no header/body separator");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in data[..end].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotNull(last);
                headers[last!] += line; // unfold: CRLF removed, whitespace kept
                continue;
            }
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, $"bad header line {line}");
            last = line[..colon];
            Assert.False(headers.ContainsKey(last), $"duplicate header {last}");
            headers[last] = line[(colon + 1)..].TrimStart();
        }
        return (headers, data[(end + 4)..]);
    }

    public static string DecodeHeader(string value) =>
        EncodedWord().Replace(
            // whitespace between adjacent encoded words is not displayed (RFC 2047 §6.2)
            Regex.Replace(value, @"\?=\s+=\?", "?==?"),
            m =>
            {
                var charset = Encoding.GetEncoding(m.Groups[1].Value);
                var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? Convert.FromBase64String(m.Groups[3].Value)
                    : QuotedPrintableBytes(m.Groups[3].Value.Replace('_', ' '));
                return charset.GetString(bytes);
            });

    public static string DecodeQuotedPrintable(string body) =>
        Encoding.UTF8.GetString(QuotedPrintableBytes(body.Replace("=\r\n", "")));

    private static byte[] QuotedPrintableBytes(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=')
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                Assert.True(s[i] < 128, $"raw non-ASCII char in quoted-printable: {s[i]}");
                bytes.Add((byte)s[i]);
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
