namespace Pipeline.Extraction.Pdf;

/// <summary>One word of a PDF's text layer with its box in PDF points, origin top-left.</summary>
public sealed record PdfWord(string Text, double X0, double Y0, double X1, double Y1)
{
    public double Height => Y1 - Y0;
    public double CenterY => (Y0 + Y1) / 2;
}

/// <summary>
/// A ruling drawn on the page (a table border): a thin horizontal or vertical segment in PDF points, origin
/// top-left, from a stroked line or a thin filled rectangle. A horizontal rule has Y0 ≈ Y1, a vertical one X0 ≈ X1.
/// </summary>
public sealed record PdfRule(double X0, double Y0, double X1, double Y1)
{
    public bool IsHorizontal => X1 - X0 >= Y1 - Y0;
    public bool IsVertical => !IsHorizontal;
}

/// <summary>A page of the text layer: its size, its words in reading order and its drawn rules.</summary>
public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfWord> Words)
{
    public bool IsLandscape => Width > Height;

    /// <summary>Horizontal and vertical rules drawn on the page; empty when the text layer gives none.</summary>
    public IReadOnlyList<PdfRule> Rules { get; init; } = [];
}

/// <summary>The text layer of a whole PDF, with what the reader reported about damaged pages.</summary>
public sealed record PdfText(string File, IReadOnlyList<PdfPage> Pages)
{
    /// <summary>One line per problem the text layer met ("page 4: …"), carried into the extraction's warnings.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
