using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Samples.Feeds;

/// <summary>
/// Writes delimited records to a stream in a <see cref="FeedCsvStyle"/>, through a buffered
/// <see cref="StreamWriter"/> (nothing holds the whole file): invariant formatting, "\r\n" line ends, a byte order
/// mark only for "utf-8-bom". The stream is left open.
/// </summary>
internal sealed class FeedCsvWriter : IDisposable
{
    private static readonly byte[] Utf8Preamble = [0xEF, 0xBB, 0xBF];

    private readonly StreamWriter _writer;
    private readonly char _delimiter;
    private readonly bool _quoteAll;
    private readonly SearchValues<char> _needsQuotes;
    private bool _atRecordStart = true;

    public FeedCsvWriter(Stream output, FeedCsvStyle style)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(style);
        if (style.Delimiter is '"' or '\r' or '\n')
            throw new ArgumentException($"'{style.Delimiter}' cannot be a field delimiter", nameof(style));
        var encoding = EncodingOf(style.Encoding);
        if (style.Encoding == FeedCsvStyle.Utf8Bom) output.Write(Utf8Preamble);
        _writer = new StreamWriter(output, encoding, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        _delimiter = style.Delimiter;
        _quoteAll = style.Quoted;
        _needsQuotes = SearchValues.Create([style.Delimiter, '"', '\r', '\n']);
    }

    /// <summary>
    /// The encoding of a style, without a preamble (the writer adds the BOM itself) and throwing on a character the
    /// code page cannot hold rather than writing '?'.
    /// </summary>
    public static Encoding EncodingOf(string name)
    {
        switch (name)
        {
            case FeedCsvStyle.Utf8:
            case FeedCsvStyle.Utf8Bom:
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            case FeedCsvStyle.Windows1252:
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            default:
                throw new ArgumentException(
                    $"unknown feed encoding '{name}' (expected {FeedCsvStyle.Utf8}, {FeedCsvStyle.Utf8Bom} or {FeedCsvStyle.Windows1252})",
                    nameof(name));
        }
    }

    /// <summary>Writes a header or record: the fields in order, then the line end.</summary>
    public void Record(IEnumerable<string> fields)
    {
        foreach (var field in fields) Field(field);
        EndRecord();
    }

    /// <summary>A text field; null is written as an empty field.</summary>
    public void Field(string? value) => Field(value.AsSpan());

    public void Field(ReadOnlySpan<char> value)
    {
        if (!_atRecordStart) _writer.Write(_delimiter);
        _atRecordStart = false;
        if (!_quoteAll && value.IndexOfAny(_needsQuotes) < 0)
        {
            _writer.Write(value);
            return;
        }
        _writer.Write('"');
        while (true)
        {
            var quote = value.IndexOf('"');
            if (quote < 0) break;
            _writer.Write(value[..(quote + 1)]);
            _writer.Write('"');
            value = value[(quote + 1)..];
        }
        _writer.Write(value);
        _writer.Write('"');
    }

    /// <summary>A date as dd/MM/yyyy, or an empty field.</summary>
    public void Field(DateOnly? date)
    {
        if (date is not { } value)
        {
            Field(ReadOnlySpan<char>.Empty);
            return;
        }
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out var written, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        Field(text[..written]);
    }

    /// <summary>A date and a time of day as "dd/MM/yyyy HH:mm".</summary>
    public void Field(DateOnly date, int minuteOfDay)
    {
        Span<char> text = stackalloc char[16];
        var dateTime = date.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60));
        dateTime.TryFormat(text, out var written, "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        Field(text[..written]);
    }

    /// <summary>A whole number, or an empty field when it is zero and <paramref name="emptyWhenZero"/>.</summary>
    public void Field(int number, bool emptyWhenZero)
    {
        if (number == 0 && emptyWhenZero)
        {
            Field(ReadOnlySpan<char>.Empty);
            return;
        }
        Span<char> text = stackalloc char[11];
        number.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        Field(text[..written]);
    }

    public void EndRecord()
    {
        _writer.Write("\r\n");
        _atRecordStart = true;
    }

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
    }
}
