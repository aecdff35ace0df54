using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Samples.Tests.Feeds;

/// <summary>A small independent reader of the feed files, to check what the writers put in them.</summary>
internal static class FeedCsv
{
    static FeedCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>The records of a delimited text ("\r\n" between records, "" for a quote inside a quoted field).</summary>
    public static List<string[]> Parse(string text, char delimiter)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(c);
        }
        Assert.False(quoted, "the text ends inside a quoted field");
        Assert.True(field.Length == 0 && fields.Count == 0, "the last record has no line end");
        return records;
    }

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
