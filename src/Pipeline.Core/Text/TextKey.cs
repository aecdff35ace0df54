using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Text;

/// <summary>
/// Comparison keys for names read from documents: the same KPI or objective printed with other case,
/// accents, punctuation, HTML leftovers or spacing gives the same key.
/// </summary>
public static partial class TextKey
{
    /// <summary>Lower case, accents removed, HTML tags dropped, punctuation to spaces, spaces collapsed.</summary>
    /// <remarks>
    /// Readers key every line of a document this way, several times over: text in Latin-1, general punctuation and
    /// currency signs without a tag (nearly all of it) takes a one-pass path through a table that the full Unicode path
    /// filled, character by character, so both give the same key.
    /// </remarks>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        return Latin1Key(text) ?? UnicodeKey(text);
    }

    /// <summary>Each Latin-1 character's key (a letter or digit, '\0' for a separator); null when it takes the Unicode path.</summary>
    private static readonly char[] Latin1 = Enumerable.Range(0, 256).Select(c => UnicodeKey(((char)c).ToString()) switch
    {
        "" => '\0',
        { Length: 1 } key => key[0],
        _ => '\uffff',
    }).ToArray();

    /// <summary>The key of a tag-free Latin-1 text (punctuation and currency signs allowed) in one pass; null when it needs the Unicode path.</summary>
    private static string? Latin1Key(string text)
    {
        if (text.Length > 512 || text.Contains('<')) return null;
        Span<char> key = stackalloc char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var ch in text)
        {
            var mapped = ch <= '\u00ff' ? Latin1[ch] : ch is >= '\u2000' and <= '\u206f' or >= '\u20a0' and <= '\u20cf' ? '\0' : '\uffff';
            if (mapped == '\uffff') return null;
            if (mapped == '\0')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) key[length++] = ' ';
            pendingSpace = false;
            key[length++] = mapped;
        }
        return new string(key[..length]);
    }

    /// <summary>The key by the full Unicode path: tags out, canonical decomposition, marks dropped, recomposed.</summary>
    internal static string UnicodeKey(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var withoutTags = HtmlTag().Replace(text, " ");
        var decomposed = withoutTags.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return Spaces().Replace(sb.ToString(), " ").Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Trims and collapses white space (including line breaks inside a cell) to single spaces.</summary>
    public static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Spaces().Replace(HtmlTag().Replace(text, ""), " ").Trim();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,40}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
