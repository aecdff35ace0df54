namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>The words one cell (or one phrase) holds on one baseline: no gap between them as wide as a column gap.</summary>
public sealed class CellFragment
{
    public CellFragment(IReadOnlyList<PdfWord> words)
    {
        Words = words;
        Box = Box.Of(words);
        LineHeight = words.Average(w => w.Height);
    }

    public IReadOnlyList<PdfWord> Words { get; }

    /// <summary>
    /// A page's words in baselines: words whose vertical extents nearly coincide, so a vertically centred cell
    /// beside a wrapped one stays on its own baseline.
    /// </summary>
    public static IReadOnlyList<LayoutLine> Baselines(PdfPage page) => page.Words.Count == 0 ? [] : LineBuilder.Build(page, overlap: 0.8);
    public Box Box { get; }
    public double LineHeight { get; }

    /// <summary>The baseline this fragment was cut from, and how many fragments it was cut into.</summary>
    public LayoutLine? Baseline { get; private set; }
    public int BaselineFragments { get; private set; }

    /// <summary>The index of this fragment's baseline on its page.</summary>
    public int Line { get; private set; }

    /// <summary>The nearest fragment above this one in its column (<see cref="CellBlockBuilder"/>), null when none is near.</summary>
    public CellFragment? Above { get; internal set; }

    /// <summary>
    /// A page's baselines (<see cref="Baselines"/>) cut into fragments at gaps wider than
    /// <paramref name="columnGap"/>. One list of fragments per baseline, top to bottom, each left to right.
    /// </summary>
    /// <param name="lineHeight">The body text's line height: larger type (a heading) has wider spaces, so its column gap scales up.</param>
    public static IReadOnlyList<IReadOnlyList<CellFragment>> Cut(IReadOnlyList<LayoutLine> baselines, double columnGap, double lineHeight)
    {
        var result = new List<IReadOnlyList<CellFragment>>(baselines.Count);
        foreach (var line in baselines)
        {
            var fragments = new List<CellFragment>();
            var current = new List<PdfWord> { line.Words[0] };
            for (var i = 1; i < line.Words.Count; i++)
            {
                var scale = Math.Max(1, Math.Min(line.Words[i].Height, current[^1].Height) / lineHeight);
                if (line.Words[i].X0 - current[^1].X1 > columnGap * scale)
                {
                    fragments.Add(new CellFragment(current));
                    current = [];
                }
                current.Add(line.Words[i]);
            }
            fragments.Add(new CellFragment(current));
            foreach (var f in fragments)
            {
                f.Line = result.Count;
                f.Baseline = line;
                f.BaselineFragments = fragments.Count;
            }
            result.Add(fragments);
        }
        return result;
    }
}
