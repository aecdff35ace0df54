using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;

namespace Pipeline.Samples.Pdf;

/// <summary>Small PDFs that pin down how a text layer reads a page: rotation, ligature glyphs.</summary>
public static class TextLayerPdfs
{
    /// <summary>
    /// A landscape page as many drivers print one: a portrait A4 media box turned by /Rotate 90, its content drawn
    /// through a quarter-turn matrix so that it reads left to right once turned. "Camera" starts 56 pt from the left
    /// edge of the turned page, with a rule under the second line.
    /// </summary>
    public static byte[] RotatedLandscape()
    {
        using var canvas = new PdfCanvas();
        var page = canvas.Page(canvas.AddPage());
        page.SetRotation(new PageRotationDegrees(90));
        var operations = page.CurrentStream.Operations;
        operations.Add(Push.Value);
        operations.Add(new ModifyCurrentTransformationMatrix([0, 1, -1, 0, PdfCanvas.A4Width, 0]));
        page.AddText("Camera di Commercio del Molise", 14, new PdfPoint(56, 520), canvas.Font);
        page.AddText("Indicatore Target", 10, new PdfPoint(56, 490), canvas.Font);
        page.DrawLine(new PdfPoint(50, 480), new PdfPoint(700, 480), 0.5);
        operations.Add(Pop.Value);
        return canvas.Build();
    }

    /// <summary>
    /// A line set with the "fi" ligature glyph, as word processors do: the word "ufficio" is written u, f, then code 128
    /// mapped by the font's /Differences to the glyph /fi (U+FB01), then "cio". Written by hand (<see cref="RawPdf"/>): a
    /// document builder chooses its own encodings.
    /// </summary>
    public static byte[] Ligature() => RawPdf.Build(
        ["BT /F2 12 Tf 56 770 Td (Responsabile dell'uf\u20accio) Tj ET\n"], null,
        ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi] >> >>"],
        fonts: "/F1 3 0 R /F2 6 0 R");
}
