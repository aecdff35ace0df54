using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// A PDF ready for the readers: its text layer and, per page, its rows of cells and its visual lines, with running
/// headers and footers removed from both.
/// </summary>
public sealed class PdfLayout
{
    private PdfLayout(PdfText text, IReadOnlyList<IReadOnlyList<LayoutRow>> rows, IReadOnlyList<IReadOnlyList<LayoutLine>> pages)
    {
        Text = text;
        PageRows = rows;
        Pages = pages;
    }

    public PdfText Text { get; }

    /// <summary>Lines of each page (index 0 = page 1), top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<LayoutLine>> Pages { get; }

    /// <summary>Rows of cells of each page (index 0 = page 1), top to bottom (<see cref="CellFirstLines"/>).</summary>
    public IReadOnlyList<IReadOnlyList<LayoutRow>> PageRows { get; }

    /// <summary>Every line of the document in reading order.</summary>
    public IEnumerable<LayoutLine> Lines => Pages.SelectMany(p => p);

    /// <summary>Every row of the document in reading order.</summary>
    public IEnumerable<LayoutRow> Rows => PageRows.SelectMany(p => p);

    public static PdfLayout From(PdfText text)
    {
        var built = CellFirstLines.Build(text.Pages);
        var lines = RunningText.Remove(text.Pages, built.Lines);
        if (Enumerable.Range(0, lines.Count).All(p => lines[p].Count == built.Lines[p].Count))
            return new PdfLayout(text, built.Rows, lines); // no running text: the rows stand as built
        var kept = new HashSet<PdfWord>(lines.SelectMany(p => p).SelectMany(l => l.Words), ReferenceEqualityComparer.Instance);
        var rows = built.Rows.Select(pageRows => (IReadOnlyList<LayoutRow>)pageRows
                .Select(row => Keep(row, kept)).OfType<LayoutRow>().ToList())
            .ToList();
        return new PdfLayout(text, rows, lines);
    }

    /// <summary>The row without the cells whose words were running text; null when nothing is left.</summary>
    private static LayoutRow? Keep(LayoutRow row, HashSet<PdfWord> kept)
    {
        var cells = row.Cells.Where(c => c.Lines.SelectMany(l => l.Words).Any(kept.Contains)).ToList();
        return cells.Count == 0 ? null : cells.Count == row.Cells.Count ? row : new LayoutRow(row.Page, cells);
    }
}
