using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Web.Sources;

/// <summary>One cell of a laid-out row as the extractor saw it: its lines, its box, and whether the value's box falls in it.</summary>
public sealed record CellAsRead(IReadOnlyList<string> Lines, Box Box, bool HoldsValue);

/// <summary>A row of cells side by side (a table row, or a heading or paragraph alone), top to bottom.</summary>
public sealed record RowAsRead(double Top, IReadOnlyList<CellAsRead> Cells);

/// <summary>A visual line, cut into the segments a line-reading family sees (<see cref="LayoutLine.Segments"/>).</summary>
public sealed record LineAsRead(double Top, IReadOnlyList<TextSegment> Segments, bool HoldsValue);

/// <summary>
/// "Pagina come letta": one page of an archived PDF as the extractor saw it — the text layer read again from the
/// archived bytes by the same <see cref="PdfPigTextLayer"/> and laid out by the same <see cref="PdfLayout"/> (the whole
/// document, as running headers and footers are found across pages), then that page's rows of cells and its lines.
/// Nothing here re-derives the table kit: it shows what <see cref="PdfLayout.PageRows"/> and <see cref="PdfLayout.Pages"/> hold.
/// </summary>
public sealed record PdfPageAsRead(int Page, int PageCount, double Width, double Height, IReadOnlyList<RowAsRead> Rows, IReadOnlyList<LineAsRead> Lines)
{
    /// <summary>Lays out <paramref name="pdf"/> (a file on disk) and takes page <paramref name="page"/>; null when the document has no such page.</summary>
    public static PdfPageAsRead? Read(string pdf, int page, Box? value, CancellationToken ct = default)
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(pdf, ct));
        var pages = layout.Text.Pages;
        if (page < 1 || page > pages.Count) return null;
        var rows = layout.PageRows[page - 1]
            .Select(r => new RowAsRead(r.Box.Y0, r.Cells
                .Select(c => new CellAsRead(c.Lines.Select(l => string.Join(' ', l.Words.Select(w => w.Text))).ToList(), c.Box, Holds(c.Box, value)))
                .ToList()))
            .ToList();
        var lines = layout.Pages[page - 1]
            .Select(l => new LineAsRead(l.Y0, l.Segments(), Holds(new Box(l.X0, l.Y0, l.X1, l.Y1), value)))
            .ToList();
        return new PdfPageAsRead(page, pages.Count, pages[page - 1].Width, pages[page - 1].Height, rows, lines);
    }

    /// <summary>
    /// Same as <see cref="Read(string, int, Box?, CancellationToken)"/> for an archived original: copied to a temporary
    /// file for PdfPig, removed afterwards.
    /// </summary>
    public static async Task<PdfPageAsRead?> ReadAsync(Stream pdf, int page, Box? value, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-page-{Guid.NewGuid():N}.pdf");
        try
        {
            await using (var file = File.Create(path)) await pdf.CopyToAsync(file, ct);
            return Read(path, page, value, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>"56.7,120.2,540.1,131" (a lineage box, invariant culture) as a <see cref="Box"/>; null when it is not four numbers.</summary>
    public static Box? ParseBox(string? bbox)
    {
        var parts = (bbox ?? "").Split(',');
        var numbers = parts.Select(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToList();
        return numbers.Count == 4 && numbers.All(double.IsFinite) ? new Box(numbers[0], numbers[1], numbers[2], numbers[3]) : null;
    }

    /// <summary>The value's box lies mostly inside <paramref name="box"/> (half its area or more).</summary>
    private static bool Holds(Box box, Box? value)
    {
        if (value is not { } v || v.Width <= 0 || v.Height <= 0) return false;
        double w = box.HorizontalOverlap(v), h = box.VerticalOverlap(v);
        return w > 0 && h > 0 && w * h >= 0.5 * v.Width * v.Height;
    }
}
