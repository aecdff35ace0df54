namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>The words one cell (or one phrase) holds on one baseline: no gap between them as wide as a column gap.</summary>
public sealed class CellFragment
{
    public CellFragment(IReadOnlyList<PdfWord> words)
    {
        Words = words;
        Box = Box.Of(words);
    }

    public IReadOnlyList<PdfWord> Words { get; }
    public Box Box { get; }
    public double LineHeight => Words.Average(w => w.Height);

    /// <summary>
    /// A page's words cut into baselines (words whose vertical extents nearly coincide, so a vertically centred
    /// cell beside a wrapped one stays on its own baseline) and each baseline into fragments at gaps wider than
    /// <paramref name="columnGap"/>. One list of fragments per baseline, top to bottom, each left to right.
    /// </summary>
    /// <param name="lineHeight">The body text's line height: larger type (a heading) has wider spaces, so its column gap scales up.</param>
    public static IReadOnlyList<IReadOnlyList<CellFragment>> Cut(PdfPage page, double columnGap, double lineHeight)
    {
        var baselines = LineBuilder.Build(page, overlap: 0.8);
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
            result.Add(fragments);
        }
        return result;
    }
}
