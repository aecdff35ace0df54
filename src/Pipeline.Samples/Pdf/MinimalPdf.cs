using System.Globalization;
using System.Text;

namespace Pipeline.Samples.Pdf;

/// <summary>A line of text placed on a page: x and y from the top-left corner, in points.</summary>
public sealed record PdfTextLine(double X, double Y, string Text, double Size = 10);

/// <summary>
/// Writes small, valid PDFs by hand (PDF 1.4, the base-14 Helvetica font, WinAnsi text, a correct xref table):
/// enough for test documents and damaged variants, with no font files and no third-party library. The output is
/// byte-for-byte deterministic. (PdfPig's PdfDocumentBuilder cannot replace it: its standard-14 fonts write the
/// fonts' built-in StandardEncoding and refuse Italian accented letters, "The font does not contain a character: 'à'";
/// and damaged files need raw content streams and trailers.)
/// </summary>
public static class MinimalPdf
{
    public const double A4Width = 595.28, A4Height = 841.89;

    /// <summary>A PDF of the given pages; each page is a list of text lines (an empty list is a blank page).</summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<PdfTextLine>> pages, string? extraTrailer = null, bool drawBoxes = false) =>
        Build(pages.Select(p => Content(p, drawBoxes)).ToList(), extraTrailer, extraObjects: []);

    /// <summary>
    /// Builds the file: objects 1 catalog, 2 pages, 3 font, then a page and a content stream per page, then
    /// <paramref name="extraObjects"/> (numbered after them) and <paramref name="extraTrailer"/> entries.
    /// <paramref name="fonts"/> is every page's font dictionary (F1 is object 3); <paramref name="resources"/> is added
    /// to every page's resource dictionary after its fonts (e.g.
    /// "/XObject &lt;&lt; /X 6 0 R &gt;&gt;"), and <paramref name="pageEntries"/> to every page dictionary (e.g. "/Rotate 90").
    /// </summary>
    public static byte[] Build(
        IReadOnlyList<string> contents, string? extraTrailer, IReadOnlyList<string> extraObjects,
        string font = "Helvetica", double width = A4Width, double height = A4Height, string fonts = "/F1 3 0 R", string resources = "", string pageEntries = "")
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', contents.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {contents.Count} >>",
            $"<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>",
        };
        for (var i = 0; i < contents.Count; i++)
        {
            var extra = (resources.Length > 0 ? " " + resources : "") + " >>" + (pageEntries.Length > 0 ? " " + pageEntries : "");
            objects.Add(Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << /Font << {fonts} >>{extra} /Contents {5 + 2 * i} 0 R >>"));
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

    /// <summary>The content stream of one page: the text lines, and optionally a rectangle around each.</summary>
    public static string Content(IReadOnlyList<PdfTextLine> lines, bool drawBoxes = false)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var baseline = A4Height - line.Y - line.Size;
            sb.Append(Invariant($"BT /F1 {line.Size} Tf {line.X} {baseline:0.##} Td ({Escape(line.Text)}) Tj ET\n"));
            if (drawBoxes)
                sb.Append(Invariant($"{line.X - 2} {baseline - 3:0.##} {line.Text.Length * line.Size * 0.5 + 4:0.##} {line.Size + 5} re S\n"));
        }
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
