using System.Security.Cryptography;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// Pages of text and rules written with PdfPig's <see cref="PdfDocumentBuilder"/>, placed as a layout thinks of them:
/// x from the left edge and top from the top edge, in points; a line of text of size s sits with its baseline s below
/// its top. One font (<see cref="SampleFonts"/>), coordinates rounded to 0.01 pt. The output is byte-for-byte
/// deterministic: the builder's random file identifier is replaced by a hash of the file's content.
/// </summary>
public sealed class PdfCanvas : IDisposable
{
    public const double A4Width = 595.28, A4Height = 841.89;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly List<PdfPageBuilder> _pages = [];

    private readonly string _fontName;

    public PdfCanvas(string font = "Helvetica", double width = A4Width, double height = A4Height)
    {
        _fontName = font;
        Width = width;
        Height = height;
        Font = _builder.AddTrueTypeFont(SampleFonts.TrueType(font));
    }

    public double Width { get; }
    public double Height { get; }
    public int PageCount => _pages.Count;

    /// <summary>The document's font, for drawing on a <see cref="Page"/> directly.</summary>
    public PdfDocumentBuilder.AddedFont Font { get; }

    /// <summary>Adds a page of the canvas size; returns its index.</summary>
    public int AddPage()
    {
        _pages.Add(_builder.AddPage(Width, Height));
        return _pages.Count - 1;
    }

    /// <summary>The builder of a page, for what the canvas does not draw (rotation, transformations).</summary>
    public PdfPageBuilder Page(int index) => _pages[index];

    /// <summary>
    /// A line of text whose top is <paramref name="top"/> below the page's top edge; a character the font lacks is set
    /// as "?" (<see cref="SampleFonts.Settable"/>).
    /// </summary>
    public void Text(int page, double x, double top, string text, double size)
    {
        if (text.Length == 0) return;
        _pages[page].AddText(SampleFonts.Settable(_fontName, text), Round(size), new PdfPoint(Round(x), Round(Height - top - size)), Font);
    }

    /// <summary>A stroked line (a rule).</summary>
    public void Line(int page, double x1, double top1, double x2, double top2, double width = 0.5) =>
        _pages[page].DrawLine(new PdfPoint(Round(x1), Round(Height - top1)), new PdfPoint(Round(x2), Round(Height - top2)), width);

    /// <summary>A rectangle whose top-left corner is (x, top): stroked (a cell border), or filled in grey.</summary>
    public void Rectangle(int page, double x, double top, double width, double height, double lineWidth = 0.5, bool fill = false)
    {
        if (fill) _pages[page].SetTextAndFillColor(204, 204, 204);
        _pages[page].DrawRectangle(new PdfPoint(Round(x), Round(Height - top - height)), Round(width), Round(height), lineWidth, fill);
        if (fill) _pages[page].ResetColor();
    }

    /// <summary>The PDF file.</summary>
    public byte[] Build() => WithContentIdentifier(_builder.Build());

    public void Dispose() => _builder.Dispose();

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Replaces the two random GUIDs PdfPig writes as the trailer's /ID with a hash of everything before the
    /// trailer (same length, so no offset moves): the same document gives the same bytes.
    /// </summary>
    internal static byte[] WithContentIdentifier(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        var start = at + marker.Length;
        if (at < 0 || start + 66 > pdf.Length || pdf[start + 32] != '>' || pdf[start + 33] != '<' || pdf[start + 66] != '>')
            throw new InvalidOperationException("the trailer's /ID is not where PdfPig 0.1.16 writes it");
        var hash = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(pdf.AsSpan(0, at)), 0, 16));
        hash.CopyTo(pdf, start);
        hash.CopyTo(pdf, start + 34);
        return pdf;
    }
}
