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
    public static string Normalize(string? text)
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
