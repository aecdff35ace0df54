using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// A page's table rulings from its drawn paths: the horizontal and vertical segments of stroked paths (a stroked
/// rectangle gives its four edges) and thin filled rectangles (a rule drawn as a bar). Curves, clipping paths, large
/// filled areas (backgrounds, shading) and segments shorter than <see cref="MinimumLength"/> are not rules.
/// </summary>
public static class RuleFinder
{
    /// <summary>A filled shape at most this thick (points) is a rule; thicker ones are areas.</summary>
    public const double MaximumThickness = 2;
    /// <summary>Shorter segments (ticks, bullets, underline fragments) are not rules.</summary>
    public const double MinimumLength = 2;
    /// <summary>How far from axis-aligned a segment may be and still count as horizontal or vertical.</summary>
    private const double Skew = 0.5;

    public static List<PdfRule> Find(Page page)
    {
        var rules = new List<PdfRule>();
        var height = page.Height;
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                if (path.IsStroked) Segments(subpath, height, rules);
                else if (subpath.Commands.All(c => c is not PdfSubpath.BezierCurve) && subpath.GetBoundingRectangle() is { } box) Bar(box, height, rules);
            }
        }
        return rules;
    }

    /// <summary>The straight axis-aligned segments of a stroked subpath, its closing segment included.</summary>
    private static void Segments(PdfSubpath subpath, double height, List<PdfRule> rules)
    {
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    start ??= line.From;
                    Add(line.From, line.To, height, rules);
                    current = line.To;
                    break;
                case PdfSubpath.BezierCurve curve:
                    start ??= curve.StartPoint;
                    current = curve.EndPoint;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Add(c, s, height, rules);
                    current = s;
                    break;
            }
        }
    }

    private static void Add(PdfPoint a, PdfPoint b, double height, List<PdfRule> rules)
    {
        double dx = Math.Abs(a.X - b.X), dy = Math.Abs(a.Y - b.Y);
        if (Math.Max(dx, dy) < MinimumLength || Math.Min(dx, dy) > Skew) return;
        double x0 = Math.Min(a.X, b.X), x1 = Math.Max(a.X, b.X), y0 = Math.Min(a.Y, b.Y), y1 = Math.Max(a.Y, b.Y);
        rules.Add(dx >= dy
            ? new PdfRule(x0, height - (y0 + y1) / 2, x1, height - (y0 + y1) / 2)
            : new PdfRule((x0 + x1) / 2, height - y1, (x0 + x1) / 2, height - y0));
    }

    /// <summary>A thin filled shape as the rule along its middle; anything thicker is an area, not a rule.</summary>
    private static void Bar(PdfRectangle box, double height, List<PdfRule> rules)
    {
        double left = Math.Min(box.Left, box.Right), right = Math.Max(box.Left, box.Right);
        double bottom = Math.Min(box.Bottom, box.Top), top = Math.Max(box.Bottom, box.Top);
        double width = right - left, tall = top - bottom;
        if (Math.Min(width, tall) > MaximumThickness || Math.Max(width, tall) < MinimumLength) return;
        var middle = width >= tall ? height - (bottom + top) / 2 : (left + right) / 2;
        rules.Add(width >= tall ? new PdfRule(left, middle, right, middle) : new PdfRule(middle, height - top, middle, height - bottom));
    }
}
