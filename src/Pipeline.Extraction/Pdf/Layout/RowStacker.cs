namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Turns a row of cell blocks into visual lines as a top-aligned table would print them: the k-th line of every
/// cell on the row's k-th line. A column holding one block starts at the row's top; a column holding several
/// (two rows close together, a two-level header) keeps their order and distance. A line whose words do not
/// share a baseline gets the slot it stands for as its <see cref="LayoutLine.Band"/>; the words keep their boxes.
/// </summary>
public static class RowStacker
{
    public static IEnumerable<LayoutLine> Stack(int page, IReadOnlyList<CellBlock> row, double pitch)
    {
        if (row.Count == 1)
        {
            foreach (var line in row[0].Lines) yield return Whole([line]) ?? new LayoutLine(page, line.Words);
            yield break;
        }
        var top = row.Min(b => b.Box.Y0);
        var slots = new SortedDictionary<int, List<CellFragment>>();
        foreach (var column in LayoutRow.Columns(row))
        {
            var next = 0;
            foreach (var block in column)
            {
                var offset = column.Count == 1 ? 0 : Math.Max(next, (int)Math.Round((block.Box.Y0 - top) / pitch));
                for (var k = 0; k < block.Lines.Count; k++)
                {
                    if (!slots.TryGetValue(offset + k, out var fragments)) slots[offset + k] = fragments = [];
                    fragments.Add(block.Lines[k]);
                }
                next = offset + block.Lines.Count;
            }
        }
        var height = row.Average(b => b.Lines[0].LineHeight);
        foreach (var (slot, fragments) in slots)
        {
            var shareBaseline = fragments.All(f => Math.Abs(f.Box.CenterY - fragments[0].Box.CenterY) <= 0.3 * height);
            if (shareBaseline && Whole(fragments) is { } whole)
            {
                yield return whole;
                continue;
            }
            var words = fragments.SelectMany(f => f.Words).OrderBy(w => w.X0).ToList();
            var y0 = top + slot * pitch;
            yield return shareBaseline ? new LayoutLine(page, words) : new LayoutLine(page, words) { Band = (y0, y0 + height) };
        }
    }

    /// <summary>The baseline the fragments were cut from when they are all of it (the line needs no rebuilding), else null.</summary>
    private static LayoutLine? Whole(IReadOnlyList<CellFragment> fragments)
    {
        var baseline = fragments[0].Baseline;
        return baseline is not null && fragments.Count == fragments[0].BaselineFragments && fragments.All(f => ReferenceEquals(f.Baseline, baseline))
            ? baseline
            : null;
    }
}
