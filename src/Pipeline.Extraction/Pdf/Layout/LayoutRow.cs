namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Cells side by side on a page (<see cref="RowClusterer"/>): a table row, or a heading or paragraph standing alone.
/// Cells are left to right; each holds its own lines.
/// </summary>
public sealed class LayoutRow(int page, IReadOnlyList<CellBlock> cells)
{
    private IReadOnlyList<IReadOnlyList<CellBlock>>? _columns;

    public int Page { get; } = page;
    public IReadOnlyList<CellBlock> Cells { get; } = cells.OrderBy(c => c.Box.X0).ToList();
    public Box Box { get; } = cells.Select(c => c.Box).Aggregate((a, b) => a.Union(b));
    public IEnumerable<PdfWord> Words => Cells.SelectMany(c => c.Lines).SelectMany(l => l.Words);

    /// <summary>The row's cells by column, left to right, each column's cells top to bottom (see <see cref="Columns(IReadOnlyList{CellBlock})"/>).</summary>
    public IReadOnlyList<IReadOnlyList<CellBlock>> ColumnCells =>
        _columns ??= Columns(Cells).OrderBy(c => c.Min(b => b.Box.X0)).ToList();

    /// <summary>The row's text, cell by cell, each cell's lines joined by spaces.</summary>
    public string Text => string.Join(' ', Cells.Select(CellText));

    public static string CellText(CellBlock cell) => string.Join(' ', cell.Lines.SelectMany(l => l.Words).Select(w => w.Text));

    /// <summary>
    /// A row's blocks grouped by column (blocks one above the other whose horizontal extents overlap), each top to
    /// bottom, in the order the columns are first met from the top. Blocks beside each other are never one column,
    /// even when a cell's text runs over into its neighbour's: a cell the kit cut in two at a rule or a wide blank
    /// comes back as one column of two blocks, in reading order.
    /// </summary>
    public static List<List<CellBlock>> Columns(IReadOnlyList<CellBlock> row)
    {
        var columns = new List<List<CellBlock>>();
        foreach (var block in row.OrderBy(b => b.Box.Y0))
        {
            var column = columns.FirstOrDefault(c => c.Any(b => b.Box.HorizontalOverlap(block.Box) > 0) && c.All(b => b.Box.VerticalOverlap(block.Box) <= 0));
            if (column is null) columns.Add([block]);
            else column.Add(block);
        }
        return columns;
    }
}
