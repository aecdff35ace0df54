namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Cells side by side form a row: blocks taken top to bottom join the current row while they overlap it
/// vertically by more than a fraction of a line. A vertically centred or bottom-aligned cell overlaps the tallest
/// cell of its row, so alignment does not split a row; blocks one below the other (paragraphs, rows apart) never join.
/// </summary>
public static class RowClusterer
{
    public static IReadOnlyList<IReadOnlyList<CellBlock>> Cluster(IReadOnlyList<CellBlock> blocks)
    {
        var rows = new List<IReadOnlyList<CellBlock>>();
        List<CellBlock>? current = null;
        var bottom = double.MinValue;
        foreach (var block in blocks.OrderBy(b => b.Box.Y0).ThenBy(b => b.Box.X0))
        {
            var margin = 0.25 * block.Lines[0].LineHeight;
            if (current is not null && block.Box.Y0 < bottom - margin)
            {
                current.Add(block);
                bottom = Math.Max(bottom, block.Box.Y1);
                continue;
            }
            current = [block];
            rows.Add(current);
            bottom = block.Box.Y1;
        }
        return rows;
    }
}
