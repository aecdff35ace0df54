using System.Text;

namespace Pipeline.Samples.Hostile;

/// <summary>
/// The two feed samples (their first 300 lines) broken as exports and hand edits break them: header only or missing,
/// each column left out, another separator, broken quoting, short and long rows, blank lines, UTF-16/32, NUL bytes,
/// bad dates and numbers, a repeated header, a lone byte order mark, CR line ends, an HTML page, random bytes.
/// Lines are handled as Latin-1 text, which keeps every byte as it was whatever the file's encoding.
/// </summary>
public static class BadCsvs
{
    private const int Lines = 300;

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources.Where(s => s.Extension == ".csv"))
        {
            var lines = Encoding.Latin1.GetString(source.Bytes).Split("\r\n").Take(Lines).ToList();
            var header = lines[0];
            var rows = lines.Skip(1).ToList();
            var columns = header.Split(';').Length;
            HostileFile Csv(string suffix, IEnumerable<string> text, string newline = "\r\n") =>
                HostileFile.Of(HostileFile.Named("csv", source.Name, suffix), HostileKinds.BadCsv, source.Name,
                    Encoding.Latin1.GetBytes(string.Join(newline, text) + newline));
            HostileFile Bytes(string suffix, byte[] bytes) => HostileFile.Of(HostileFile.Named("csv", source.Name, suffix), HostileKinds.BadCsv, source.Name, bytes);
            IEnumerable<string> Every(int step, Func<string, string> change) => rows.Select((r, i) => i % step == 3 ? change(r) : r).Prepend(header);

            yield return Csv("header-only", [header]);
            yield return Csv("no-header", rows);
            for (var c = 0; c < columns; c++)
            {
                var drop = c;
                yield return Csv($"without-column-{c + 1}", lines.Select(l => string.Join(';', l.Split(';').Where((_, i) => i != drop))));
            }
            yield return Csv("pipe-separated", lines.Select(l => l.Replace(';', '|')));
            yield return Csv("mixed-separators", Every(2, r => r.Replace(';', ',')));
            yield return Csv("unclosed-quote", rows.Select((r, i) => i == 10 ? "\"" + r : r).Prepend(header));
            yield return Csv("stray-quotes", Every(40, r => r.Insert(r.Length / 2, "\"")));
            yield return Csv("short-rows", Every(25, r => r[..r.LastIndexOf(';')]));
            yield return Csv("long-rows", Every(25, r => r + ";extra;fields"));
            yield return Csv("blank-lines", rows.SelectMany(r => new[] { r, "", "   " }).Prepend(header));
            yield return Csv("separators-only", Every(20, _ => new string(';', columns - 1)));
            yield return Csv("nul-bytes", Every(30, r => r.Replace(';', '\0')));
            yield return Csv("bad-dates", Every(10, r => r.Replace("/20", "/2O").Replace("/0", "/ 3")));
            yield return Csv("bad-numbers", Every(10, r => r.Replace("1", "uno").Replace("2", "2,5,7")));
            yield return Csv("header-repeated", rows.Take(100).Append(header).Concat(rows.Skip(100)).Prepend(header));
            yield return Csv("duplicate-columns", lines.Select(l => l + ";" + l.Split(';')[0]));
            yield return Csv("cr-line-ends", lines, "\r");
            yield return Csv("cut-mid-row", lines.Take(200).Append(lines[200][..(lines[200].Length / 2)]));
            var text = Decode(source.Bytes, Lines);
            yield return Bytes("utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
            yield return Bytes("utf-32", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)]);
            yield return Bytes("bom-only", [0xEF, 0xBB, 0xBF]);
            yield return Bytes("html-page", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>500 Errore del server</h1></body></html>\n"));
            var noise = new byte[20_000];
            new Random(source.Bytes.Length).NextBytes(noise);
            yield return Bytes("random-bytes", noise);
        }
    }

    /// <summary>The first <paramref name="lines"/> lines as text (UTF-8 after a byte order mark, else Windows-1252).</summary>
    private static string Decode(byte[] bytes, int lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = utf8 ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.GetEncoding(1252).GetString(bytes);
        return string.Join("\r\n", text.Split("\r\n").Take(lines)) + "\r\n";
    }
}
