namespace Pipeline.Samples.Pdf;

/// <summary>A line of text placed on a page: x and y from the top-left corner, in points.</summary>
public sealed record PdfTextLine(double X, double Y, string Text, double Size = 10);

/// <summary>PDFs of loose text lines placed by hand (A4 portrait, Helvetica's clone), written with PdfPig's builder.</summary>
public static class TextPages
{
    /// <summary>A PDF of the given pages; each page is a list of text lines (an empty list is a blank page).</summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<PdfTextLine>> pages)
    {
        using var canvas = new PdfCanvas();
        foreach (var lines in pages)
        {
            var page = canvas.AddPage();
            foreach (var line in lines) canvas.Text(page, line.X, line.Y, line.Text, line.Size);
        }
        return canvas.Build();
    }
}
