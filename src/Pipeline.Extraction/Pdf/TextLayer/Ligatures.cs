namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>The Latin typographic ligatures (U+FB00–FB06) written out as their letters: "ﬁne" reads "fine".</summary>
public static class Ligatures
{
    private const char First = '\uFB00', Last = '\uFB06';
    private static readonly string[] Letters = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    public static string Expand(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange(First, Last)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 4);
        foreach (var ch in text) sb.Append(ch is >= First and <= Last ? Letters[ch - First] : ch);
        return sb.ToString();
    }
}
