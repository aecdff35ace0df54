using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// A PDF ready for the families: its text layer and, per page, its visual lines with running headers and
/// footers removed.
/// </summary>
public sealed class PdfLayout
{
    private PdfLayout(PdfText text, IReadOnlyList<IReadOnlyList<LayoutLine>> pages)
    {
        Text = text;
        Pages = pages;
    }

    public PdfText Text { get; }

    /// <summary>Lines of each page (index 0 = page 1), top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<LayoutLine>> Pages { get; }

    /// <summary>Every line of the document in reading order.</summary>
    public IEnumerable<LayoutLine> Lines => Pages.SelectMany(p => p);

    public static PdfLayout From(PdfText text)
    {
        var lines = CellFirstLines.Build(text.Pages);
        return new PdfLayout(text, RunningText.Remove(text.Pages, lines));
    }
}
