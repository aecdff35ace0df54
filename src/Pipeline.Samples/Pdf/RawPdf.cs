using System.Globalization;
using System.Text;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// Writes PDF files object by object, for the structures a document builder is made never to produce and a reader
/// must survive: an encryption dictionary in the trailer, a content stream cut inside a string, form XObjects nested
/// thousands of draws deep, a font whose /Differences map a code to a ligature glyph. Every ordinary document (the
/// samples, the synthetic test documents, pages of text) is written by PdfPig's builder instead (<see cref="PdfCanvas"/>).
/// PDF 1.4, the base-14 Helvetica font in WinAnsiEncoding, a correct xref table; byte-for-byte deterministic.
/// </summary>
public static class RawPdf
{
    private const double A4Width = PdfCanvas.A4Width, A4Height = PdfCanvas.A4Height;

    /// <summary>
    /// Builds the file: objects 1 catalog, 2 pages, 3 font, then a page and a content stream per page, then
    /// <paramref name="extraObjects"/> (numbered after them) and <paramref name="extraTrailer"/> entries.
    /// <paramref name="fonts"/> is every page's font dictionary (F1 is object 3); <paramref name="resources"/> is added
    /// to every page's resource dictionary after its fonts (e.g. "/XObject &lt;&lt; /X 6 0 R &gt;&gt;"). A4 portrait.
    /// </summary>
    public static byte[] Build(
        IReadOnlyList<string> contents, string? extraTrailer, IReadOnlyList<string> extraObjects,
        string fonts = "/F1 3 0 R", string resources = "")
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', contents.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {contents.Count} >>",
            $"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        for (var i = 0; i < contents.Count; i++)
        {
            var extra = (resources.Length > 0 ? " " + resources : "") + " >>";
            objects.Add(Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4Width} {A4Height}] /Resources << /Font << {fonts} >>{extra} /Contents {5 + 2 * i} 0 R >>"));
            var bytes = WinAnsi(contents[i]);
            objects.Add($"<< /Length {bytes.Length} >>\nstream\n{contents[i]}\nendstream");
        }
        objects.AddRange(extraObjects);

        var output = new MemoryStream();
        void Put(string s) => output.Write(WinAnsi(s));
        Put("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Put($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = output.Position;
        Put($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Put($"{offset:D10} 00000 n \n");
        Put($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {extraTrailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>The content stream of one page: the text lines in font F1.</summary>
    public static string Content(IReadOnlyList<PdfTextLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
            sb.Append(Invariant($"BT /F1 {line.Size} Tf {line.X} {A4Height - line.Y - line.Size:0.##} Td ({Escape(line.Text)}) Tj ET\n"));
        return sb.ToString();
    }

    /// <summary>A PDF string literal's content: backslash and parentheses escaped.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    private static readonly Encoding Cp1252 = CreateWinAnsi();

    /// <summary>
    /// Bytes in WinAnsiEncoding (Windows-1252: accents, €, – and ’ included); characters it lacks are written as
    /// their ASCII equivalents (≥ as >=) or '?'.
    /// </summary>
    private static byte[] WinAnsi(string s) =>
        Cp1252.GetBytes(s.Replace("≥", ">=").Replace("≤", "<=").Replace("→", "->").Replace("\u00a0", " "));

    private static Encoding CreateWinAnsi()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
