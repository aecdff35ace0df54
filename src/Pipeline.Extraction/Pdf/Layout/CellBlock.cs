namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>The lines of one cell (or one paragraph): fragments stacked in one column at the leading of wrapped text.</summary>
public sealed class CellBlock(CellFragment first)
{
    private readonly List<CellFragment> _lines = [first];

    public IReadOnlyList<CellFragment> Lines => _lines;
    public Box Box { get; private set; } = first.Box;

    /// <summary>The cell's words in reading order: line by line, each left to right.</summary>
    public IEnumerable<PdfWord> Words => _lines.SelectMany(l => l.Words);

    public void Add(CellFragment line)
    {
        _lines.Add(line);
        Box = Box.Union(line.Box);
    }
}

/// <summary>
/// Groups fragments into cell blocks before any row is formed: a fragment continues the block of the nearest
/// fragment above it in its column when the blank between them is no wider than a wrapped line's and neither
/// of the two reaches across into a neighbouring column. A wrapped cell's lines so stay together whatever the
/// vertical alignment (top, centre, bottom) of the cells beside it.
/// </summary>
public static class CellBlockBuilder
{
    /// <param name="baselines">Fragments per baseline, top to bottom (<see cref="CellFragment.Cut"/>).</param>
    /// <param name="wrapLimit">The widest blank between two lines of one cell, in points.</param>
    /// <param name="rules">The page's horizontal rules: a rule between two lines separates two cells.</param>
    public static IReadOnlyList<CellBlock> Build(IReadOnlyList<IReadOnlyList<CellFragment>> baselines, double wrapLimit, IReadOnlyList<PdfRule>? rules = null)
    {
        var horizontal = rules?.Where(r => r.IsHorizontal).ToList() ?? [];
        var blocks = new List<CellBlock>();
        var blockOf = new Dictionary<CellFragment, CellBlock>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < baselines.Count; i++)
            foreach (var fragment in baselines[i])
            {
                if (fragment.Above is { } a && Continues(a, fragment, baselines[a.Line], baselines[i], wrapLimit)
                    && Aligned(blockOf[a].Box, fragment.Box, fragment.LineHeight)
                    && !RuledBetween(horizontal, a.Box, fragment.Box))
                {
                    var block = blockOf[a];
                    block.Add(fragment);
                    blockOf[fragment] = block;
                }
                else
                {
                    var block = new CellBlock(fragment);
                    blocks.Add(block);
                    blockOf[fragment] = block;
                }
            }
        return blocks;
    }

    /// <summary>
    /// The blank between each fragment and the nearest fragment above it in its column (for measuring the leading);
    /// with <paramref name="tablesOnly"/>, only next to a baseline that holds several cells (inside a table, where
    /// the leading may differ from the body text's).
    /// </summary>
    public static IEnumerable<double> GapsAbove(IReadOnlyList<IReadOnlyList<CellFragment>> baselines, bool tablesOnly = false)
    {
        for (var i = 0; i < baselines.Count; i++)
            foreach (var fragment in baselines[i])
                if (fragment.Above is { } a && (!tablesOnly || baselines[a.Line].Count >= 2 || baselines[i].Count >= 2))
                    yield return fragment.Box.Y0 - a.Box.Y1;
    }

    /// <summary>Sets <see cref="CellFragment.Above"/> of every fragment of a page, once, for the measuring and the building.</summary>
    public static void Link(IReadOnlyList<IReadOnlyList<CellFragment>> baselines)
    {
        for (var i = 0; i < baselines.Count; i++)
            foreach (var fragment in baselines[i])
                fragment.Above = NearestAbove(baselines, i, fragment);
    }

    private static CellFragment? NearestAbove(IReadOnlyList<IReadOnlyList<CellFragment>> baselines, int line, CellFragment fragment)
    {
        var height = fragment.LineHeight;
        for (var j = line - 1; j >= 0; j--)
        {
            var row = baselines[j];
            if (row.Count == 0) continue;
            if (fragment.Box.Y0 - row[0].Box.Y1 > 4 * height && fragment.Box.Y0 - row.Max(f => f.Box.Y1) > 4 * height) return null;
            foreach (var candidate in row)
                if (candidate.Box.HorizontalOverlap(fragment.Box) > 0 && candidate.Box.CenterY < fragment.Box.Y0 + 0.2 * height)
                    return candidate;
        }
        return null;
    }

    private static bool Continues(CellFragment above, CellFragment below, IReadOnlyList<CellFragment> aboveLine, IReadOnlyList<CellFragment> belowLine, double wrapLimit)
    {
        if (below.Box.Y0 - above.Box.Y1 > wrapLimit) return false;
        // a line reaching across a gutter (a paragraph over a table, a spanning header over its sub-columns) is not one cell's
        return belowLine.Count(f => f.Box.HorizontalOverlap(above.Box) > 0) == 1
               && aboveLine.Count(f => f.Box.HorizontalOverlap(below.Box) > 0) == 1;
    }

    private static bool RuledBetween(List<PdfRule> rules, Box above, Box below) =>
        rules.Any(r => r.Y0 >= above.Y1 - 1 && r.Y1 <= below.Y0 + 1 && Math.Min(r.X1, below.X1) - Math.Max(r.X0, below.X0) > 0);

    /// <summary>Lines of one cell share their left edge, right edge or centre (left, right or centred text).</summary>
    private static bool Aligned(Box block, Box line, double height)
    {
        var tolerance = 0.6 * height;
        return Math.Abs(block.X0 - line.X0) <= tolerance || Math.Abs(block.X1 - line.X1) <= tolerance
               || Math.Abs(block.CenterX - line.CenterX) <= tolerance
               || (line.X0 >= block.X0 - tolerance && line.X1 <= block.X1 + tolerance);
    }
}
