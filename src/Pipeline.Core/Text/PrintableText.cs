namespace Pipeline.Core.Text;

/// <summary>
/// Text as read from a file, without the control characters a damaged file leaves in it (NUL, the other C0 controls
/// but tab, line feed and carriage return). They are never content, a person cannot read them in a message, and
/// PostgreSQL refuses a NUL in any text value ("invalid byte sequence for encoding UTF8: 0x00"), which failed the
/// whole run. Readers pass every string they take from a file through <see cref="Of"/>.
/// </summary>
public static class PrintableText
{
    /// <summary><paramref name="text"/> without its control characters; the same instance when it has none.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var first = IndexOfControl(span);
        if (first < 0) return text;
        return string.Create(text.Length - Count(span[first..]), text, static (buffer, source) =>
        {
            var n = 0;
            foreach (var ch in source)
                if (!IsControl(ch)) buffer[n++] = ch;
        });
    }

    /// <summary>
    /// <paramref name="text"/> on one line for a person to read: every control character, line breaks and tabs
    /// included, written as an escape (<c>\n</c>, <c>\t</c>, <c>\u0000</c>), so a file named with a line break is
    /// still named on one line.
    /// </summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0) return text;
        var line = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text)
            line.Append(ch switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        return line.ToString();
    }

    private static bool IsControl(char ch) => ch < ' ' && ch is not ('\t' or '\n' or '\r');

    private static int IndexOfControl(ReadOnlySpan<char> span)
    {
        for (var i = span.IndexOfAnyInRange('\0', '\u001f'); i >= 0;)
        {
            if (IsControl(span[i])) return i;
            var next = span[(i + 1)..].IndexOfAnyInRange('\0', '\u001f');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return -1;
    }

    private static int Count(ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var ch in span) if (IsControl(ch)) count++;
        return count;
    }
}
