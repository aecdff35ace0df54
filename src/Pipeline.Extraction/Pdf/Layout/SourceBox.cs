using Pipeline.Core.Extraction;

namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Where a record (an objective, a KPI, a cell's value) was printed, grown from the lines, cells and words that make it
/// up: a <see cref="Box"/> on the page where the record starts (parts on later pages add nothing, as provenance points
/// at one page), given as the <see cref="SourceRef"/> of the extraction, to a tenth of a point.
/// </summary>
public sealed class SourceBox
{
    private Box? _box;

    public int Page { get; private set; }

    public bool IsEmpty => _box is null;

    public void Add(int page, Box box)
    {
        if (box.X1 <= box.X0 && box.Y1 <= box.Y0) return;
        if (_box is null) Page = page;
        else if (page != Page) return;
        _box = _box is { } b ? b.Union(box) : box;
    }

    public void Add(int page, double x0, double y0, double x1, double y1) => Add(page, new Box(x0, y0, x1, y1));

    public void Add(LayoutLine line) => Add(line.Page, line.X0, line.Y0, line.X1, line.Y1);

    public void Add(int page, IReadOnlyList<PdfWord> words)
    {
        if (words.Count > 0) Add(page, Box.Of(words));
    }

    /// <summary>Adds everything of <paramref name="other"/> (on its page).</summary>
    public void Add(SourceBox other)
    {
        if (other._box is { } b) Add(other.Page, b);
    }

    public SourceRef? ToSource() => _box is { } b
        ? SourceRef.ForPage(Page, [Math.Round(b.X0, 1), Math.Round(b.Y0, 1), Math.Round(b.X1, 1), Math.Round(b.Y1, 1)])
        : null;
}
