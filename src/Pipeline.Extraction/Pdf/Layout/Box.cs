namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>A rectangle in PDF points, origin top-left: the one box type of the table kit.</summary>
public readonly record struct Box(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;
    public double CenterX => (X0 + X1) / 2;
    public double CenterY => (Y0 + Y1) / 2;

    public static Box Of(PdfWord word) => new(word.X0, word.Y0, word.X1, word.Y1);

    /// <summary>The smallest box holding every word; the words must not be empty.</summary>
    public static Box Of(IEnumerable<PdfWord> words)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        foreach (var w in words)
        {
            x0 = Math.Min(x0, w.X0);
            y0 = Math.Min(y0, w.Y0);
            x1 = Math.Max(x1, w.X1);
            y1 = Math.Max(y1, w.Y1);
        }
        if (x0 > x1) throw new ArgumentException("a box of no words", nameof(words));
        return new Box(x0, y0, x1, y1);
    }

    public Box Union(Box other) => new(Math.Min(X0, other.X0), Math.Min(Y0, other.Y0), Math.Max(X1, other.X1), Math.Max(Y1, other.Y1));

    /// <summary>Width of the shared horizontal extent; negative when the boxes are apart.</summary>
    public double HorizontalOverlap(Box other) => Math.Min(X1, other.X1) - Math.Max(X0, other.X0);

    /// <summary>Height of the shared vertical extent; negative when the boxes are apart.</summary>
    public double VerticalOverlap(Box other) => Math.Min(Y1, other.Y1) - Math.Max(Y0, other.Y0);

    public IReadOnlyList<double> ToArray() => [X0, Y0, X1, Y1];
}
