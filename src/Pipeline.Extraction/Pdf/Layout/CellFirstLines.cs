namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// A document's rows and visual lines built cell first: words → baselines cut into fragments at column gaps
/// (<see cref="CellFragment"/>) → each cell's lines stacked into a block (<see cref="CellBlockBuilder"/>) → blocks side
/// by side into rows (<see cref="RowClusterer"/>) → each row's lines as a top-aligned table prints them
/// (<see cref="RowStacker"/>). Where every cell is top-aligned this gives the plain lines; where a cell is centred or
/// bottom-aligned beside a wrapped one, its words no longer interleave with the wrapped cell's second line.
/// </summary>
public static class CellFirstLines
{
    public sealed record Result(IReadOnlyList<IReadOnlyList<LayoutRow>> Rows, IReadOnlyList<IReadOnlyList<LayoutLine>> Lines);

    /// <remarks>Pages are laid out in parallel (each page's stages depend only on the document's spacing); the result is the same in any order.</remarks>
    public static Result Build(IReadOnlyList<PdfPage> pages)
    {
        var baselines = new IReadOnlyList<LayoutLine>[pages.Count];
        Parallel.For(0, pages.Count, p => baselines[p] = CellFragment.Baselines(pages[p]));
        var spacing = TextSpacing.Measure(baselines);
        var fragments = new IReadOnlyList<IReadOnlyList<CellFragment>>[pages.Count];
        Parallel.For(0, pages.Count, p =>
        {
            fragments[p] = CellFragment.Cut(baselines[p], spacing.ColumnGap, spacing.LineHeight);
            CellBlockBuilder.Link(fragments[p]);
        });
        // the blank between wrapped lines is a fraction of a line (a text layer's line box is 1.1–1.2 em, a usual leading
        // 1.15–1.6 em): a larger one measured in a document whose cells never wrap is the space between rows
        var wrap = Math.Min(WrapGap(fragments) ?? spacing.WrapGap, 0.5 * spacing.LineHeight);
        var wrapLimit = wrap + Math.Max(0.75, 0.2 * spacing.LineHeight);
        var pitch = Math.Max(spacing.LineHeight + wrap, 1);
        var rows = new IReadOnlyList<LayoutRow>[pages.Count];
        var lines = new IReadOnlyList<LayoutLine>[pages.Count];
        Parallel.For(0, pages.Count, p =>
        {
            var page = pages[p];
            rows[p] = RowClusterer.Cluster(CellBlockBuilder.Build(fragments[p], wrapLimit, page.Rules))
                .Select(cells => new LayoutRow(page.Number, cells)).ToList();
            lines[p] = rows[p].SelectMany(row => RowStacker.Stack(page.Number, row.Cells, pitch)).ToList();
        });
        return new Result(rows, lines);
    }

    /// <summary>
    /// The blank between two lines of one cell: the tightest gap between a fragment and the one above it in its
    /// column that recurs (a few gaps within a point of each other), inside tables when there are enough of them
    /// (a table's leading may differ from the body text's), else anywhere.
    /// </summary>
    private static double? WrapGap(IReadOnlyList<IReadOnlyList<IReadOnlyList<CellFragment>>> pages)
    {
        var inTables = Sorted(pages.SelectMany(p => CellBlockBuilder.GapsAbove(p, tablesOnly: true)));
        return TightestRecurring(inTables, 2) ?? TightestRecurring(Sorted(pages.SelectMany(p => CellBlockBuilder.GapsAbove(p))), 3);
    }

    private static double? TightestRecurring(List<double> sorted, int count)
    {
        for (var i = 0; i + count - 1 < sorted.Count; i++)
            if (sorted[i + count - 1] - sorted[i] <= 1.0) return sorted[i + (count - 1) / 2];
        return null;
    }

    private static List<double> Sorted(IEnumerable<double> gaps) => gaps.Where(g => g > -2).Select(g => Math.Max(0, g)).Order().ToList();
}
