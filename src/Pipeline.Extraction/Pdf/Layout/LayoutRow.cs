namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Cells side by side on a page (<see cref="RowClusterer"/>): a table row, or a heading or paragraph standing alone.
/// Cells are left to right; each holds its own lines.
/// </summary>
public sealed class LayoutRow(int page, IReadOnlyList<CellBlock> cells)
{
    public int Page { get; } = page;
    public IReadOnlyList<CellBlock> Cells { get; } = cells.OrderBy(c => c.Box.X0).ToList();
    public Box Box { get; } = cells.Select(c => c.Box).Aggregate((a, b) => a.Union(b));
    public IEnumerable<PdfWord> Words => Cells.SelectMany(c => c.Lines).SelectMany(l => l.Words);

    /// <summary>The row's text, cell by cell, each cell's lines joined by spaces.</summary>
    public string Text => string.Join(' ', Cells.Select(CellText));

    public static string CellText(CellBlock cell) => string.Join(' ', cell.Lines.SelectMany(l => l.Words).Select(w => w.Text));
}
