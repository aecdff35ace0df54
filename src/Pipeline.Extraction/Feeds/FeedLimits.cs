using System.Text;
using CsvHelper;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// The bounds a feed is read within, so memory stays flat whatever the input: a field longer than
/// <see cref="MaxFieldBytes"/> makes its record quarantined (its length is measured on the raw bytes: the field is never
/// made into a string); a record longer than <see cref="MaxRecordBytes"/> stops the file (CsvHelper's buffer never grows
/// past about twice that). Registry exports have fields of tens of characters; a company name or address stays far
/// below either cap.
/// </summary>
public static class FeedLimits
{
    /// <summary>The longest field, in bytes of UTF-8: 64 KiB.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>The longest record, in bytes of UTF-8: 4 MiB.</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    /// <summary>How much of a quarantined record's raw text is kept.</summary>
    public const int MaxRawChars = 1_000;

    internal static string RecordTooLong =>
        $"a record longer than {MaxRecordBytes / (1024 * 1024)} MiB (the limit per record: a quoted field never closed, or no line breaks)";

    /// <summary>Why the current record is refused for a field over <see cref="MaxFieldBytes"/>, or null.</summary>
    internal static string? FieldTooLong(CsvReader csv, IReadOnlyList<string> header)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var length = csv.GetRawSpan(i).Length;
            if (length <= MaxFieldBytes) continue;
            var name = i < header.Count ? $" ('{header[i]}')" : "";
            return $"field {i + 1}{name} is {ItalianFormat.Number(length)} bytes long, over the limit of {ItalianFormat.Number(MaxFieldBytes)} per field";
        }
        return null;
    }

    /// <summary>A record's raw bytes as text, cut to <see cref="MaxRawChars"/> characters.</summary>
    internal static string RawText(ReadOnlySpan<byte> raw) =>
        Cut(Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, MaxRawChars * 4)]));

    /// <summary>Text cut to <see cref="MaxRawChars"/> characters, without control characters (a NUL would fail the load on PostgreSQL).</summary>
    internal static string Cut(string text) => PrintableText.Of(text.Length <= MaxRawChars ? text : text[..MaxRawChars] + "…");
}
