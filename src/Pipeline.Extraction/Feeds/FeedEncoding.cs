using System.Text;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// The text encoding of a feed file: UTF-8 with a byte order mark, UTF-8 without one, or, for a file that is not
/// valid UTF-8, Windows-1252 (the encoding of Italian Excel exports). The whole file is checked, streaming, since an
/// accented letter may first appear anywhere.
/// </summary>
internal sealed record FeedEncoding(string Name, Encoding? ReaderEncoding)
{
    public static readonly FeedEncoding Utf8Bom = new("utf-8-bom", null);
    public static readonly FeedEncoding Utf8 = new("utf-8", null);
    public static readonly FeedEncoding Windows1252 = new("windows-1252", CodePage1252());

    /// <summary>The encoding of the file at <paramref name="path"/>; null when the file has no bytes (a BOM alone included).</summary>
    /// <exception cref="ExtractionException">The file starts with a UTF-16 or UTF-32 byte order mark.</exception>
    public static FeedEncoding? Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[64 * 1024];
        var read = ReadAtLeast(stream, buffer, 4);
        if (read == 0) return null;
        var head = buffer.AsSpan(0, read);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            throw new ExtractionException(path, "UTF-16/UTF-32 text is not supported: save the file as UTF-8 or Windows-1252");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return read == 3 ? null : Utf8Bom;
        return IsValidUtf8(stream, buffer, read) ? Utf8 : Windows1252;
    }

    private static int ReadAtLeast(Stream stream, byte[] buffer, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Decodes the rest of the stream chunk by chunk with a strict decoder (sequences may cross chunks).</summary>
    private static bool IsValidUtf8(Stream stream, byte[] buffer, int count)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[buffer.Length + 4];
        try
        {
            while (count > 0)
            {
                var offset = 0;
                while (offset < count)
                {
                    decoder.Convert(buffer, offset, count - offset, chars, 0, chars.Length, flush: false, out var used, out _, out _);
                    offset += used;
                }
                count = stream.Read(buffer, 0, buffer.Length);
            }
            decoder.Convert(buffer, 0, 0, chars, 0, chars.Length, flush: true, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CodePage1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
