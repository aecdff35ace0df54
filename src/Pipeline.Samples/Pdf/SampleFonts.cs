using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// The fonts the sample PDFs are set in: Liberation Sans, Serif and Mono, free clones of Helvetica, Times and Courier
/// with the same glyph widths (SIL Open Font License 1.1, Pdf/Fonts/OFL.txt), embedded as subsets.
/// </summary>
/// <remarks>
/// Why not PdfPig's standard-14 fonts: in PdfPig 0.1.16 a standard-14 font is written with /StandardEncoding and
/// only characters with a StandardEncoding code can be set. That excludes every accented letter, € and °, and worse,
/// a character whose Latin-1 code happens to be a StandardEncoding code is set as that glyph: "è" prints as "Ł",
/// "é" as "Ø", "ù" as "ø". Italian documents cannot be written that way; an embedded TrueType font takes any
/// character (à è é ì ò ù € ° – ’ ≥ ≤ alike) and gives the text layer a ToUnicode map, as word processors do.
/// </remarks>
public static class SampleFonts
{
    /// <summary>The style font names (<see cref="PdfStyle.Font"/>) and the font file each is set in.</summary>
    private static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Helvetica"] = "LiberationSans-Regular.ttf",
        ["Times-Roman"] = "LiberationSerif-Regular.ttf",
        ["Courier"] = "LiberationMono-Regular.ttf",
    };

    private static readonly Dictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Func<char, bool>> Coverage = new(StringComparer.Ordinal);

    /// <summary>
    /// The text as the font can set it: a character the font has no glyph for (an emoji, an arrow like "⤴") becomes
    /// "?", as a word processor falls back to a missing-glyph box; the Liberation fonts cover Latin, Greek, Cyrillic,
    /// punctuation, currency and the common mathematical signs.
    /// </summary>
    public static string Settable(string font, string text)
    {
        Func<char, bool> has;
        lock (Coverage)
        {
            if (!Coverage.TryGetValue(font, out has!))
            {
                var cmap = TrueTypeFontParser.Parse(new TrueTypeDataBytes(TrueType(font))).TableRegister.CMapTable;
                has = Coverage[font] = c => cmap.TryGetGlyphIndex(c, out var glyph) && glyph != 0;
            }
        }
        return text.Any(c => !has(c)) ? string.Concat(text.Select(c => has(c) ? c : '?')) : text;
    }

    /// <summary>The TrueType program for a style font name ("Helvetica", "Times-Roman", "Courier").</summary>
    public static byte[] TrueType(string font)
    {
        if (!Files.TryGetValue(font, out var file))
            throw new ArgumentOutOfRangeException(nameof(font), font, "no font file for this name: " + string.Join(", ", Files.Keys));
        lock (Loaded)
        {
            if (Loaded.TryGetValue(file, out var bytes)) return bytes;
            using var stream = typeof(SampleFonts).Assembly.GetManifestResourceStream("Pipeline.Samples.Fonts." + file)
                ?? throw new InvalidOperationException($"font resource {file} missing from {typeof(SampleFonts).Assembly.GetName().Name}");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Loaded[file] = copy.ToArray();
        }
    }
}
