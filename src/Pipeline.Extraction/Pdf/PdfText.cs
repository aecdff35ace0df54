namespace Pipeline.Extraction.Pdf;

/// <summary>One word of a PDF's text layer with its box in PDF points, origin top-left, as poppler reports it.</summary>
public sealed record PdfWord(string Text, double X0, double Y0, double X1, double Y1)
{
    public double Height => Y1 - Y0;
    public double CenterY => (Y0 + Y1) / 2;
}

/// <summary>A page of the text layer: its size and its words in poppler's reading order.</summary>
public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfWord> Words)
{
    public bool IsLandscape => Width > Height;
}

/// <summary>The text layer of a whole PDF.</summary>
public sealed record PdfText(string File, IReadOnlyList<PdfPage> Pages);
