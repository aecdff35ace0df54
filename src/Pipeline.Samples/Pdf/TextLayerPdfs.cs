namespace Pipeline.Samples.Pdf;

/// <summary>Small PDFs that pin down how a text layer reads a page: rotation, ligature glyphs.</summary>
public static class TextLayerPdfs
{
    /// <summary>
    /// A landscape page as many drivers print one: a portrait A4 media box turned by /Rotate 90, its content drawn
    /// through a quarter-turn matrix so that it reads left to right once turned. "Camera" starts 56 pt from the left
    /// edge of the turned page, with a rule under the second line.
    /// </summary>
    public static byte[] RotatedLandscape() => MinimalPdf.Build(
    [
        "q 0 1 -1 0 595.28 0 cm\n" +
        "BT /F1 14 Tf 56 520 Td (Camera di Commercio del Molise) Tj ET\n" +
        "BT /F1 10 Tf 56 490 Td (Indicatore Target) Tj ET\n" +
        "0.5 w 50 480 m 700 480 l S\nQ\n",
    ], null, [], pageEntries: "/Rotate 90");

    /// <summary>
    /// A line set with the "fi" ligature glyph, as word processors do: the word "ufficio" is written u, f, then code 128
    /// mapped by the font's /Differences to the glyph /fi (U+FB01), then "cio".
    /// </summary>
    public static byte[] Ligature() => MinimalPdf.Build(
        ["BT /F2 12 Tf 56 770 Td (Responsabile dell'uf\u20accio) Tj ET\n"], null,
        ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi] >> >>"],
        fonts: "/F1 3 0 R /F2 6 0 R");
}
