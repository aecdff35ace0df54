using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Pipeline.Core.Values;

namespace Pipeline.Web.Charts;

/// <summary>One period of a trend: its label, the actual and the target when they are numbers.</summary>
public sealed record TrendPoint(string Period, decimal? Actual, decimal? Target);

/// <summary>
/// A KPI's actuals across periods as a line with dots, the targets as a dashed line, inline SVG drawn on the server;
/// the scale from 0 (or the lowest value, when negative) to the highest value; values written the Italian way.
/// </summary>
public static class TrendChart
{
    private const int Width = 640, Height = 220, Left = 60, Right = 20, Top = 16, Bottom = 40;

    public static IHtmlContent Render(string title, IReadOnlyList<TrendPoint> points)
    {
        var values = points.SelectMany(p => new[] { p.Actual, p.Target }).OfType<decimal>().ToList();
        if (points.Count == 0 || values.Count == 0) return new HtmlString("<p class=\"muted\">Nessun valore numerico da tracciare.</p>");
        var max = values.Max();
        var min = Math.Min(0, values.Min());
        if (max == min) max = min + 1;
        var step = points.Count == 1 ? 0 : (Width - Left - Right) / (decimal)(points.Count - 1);
        decimal X(int i) => Left + (points.Count == 1 ? (Width - Left - Right) / 2m : i * step);
        decimal Y(decimal v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Y(min):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(min):0.#}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + 4}\" font-size=\"11\" fill=\"#555\">{Encode(ItalianFormat.Number(max))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Y(min):0.#}\" font-size=\"11\" fill=\"#555\">{Encode(ItalianFormat.Number(min))}</text>");
        Line(svg, points.Select((p, i) => p.Target is { } t ? (X(i), Y(t)) : ((decimal, decimal)?)null), "#9e9d24", dashed: true);
        Line(svg, points.Select((p, i) => p.Actual is { } a ? (X(i), Y(a)) : ((decimal, decimal)?)null), "#123a63", dashed: false);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - 14}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\">{Encode(p.Period)}</text>");
            if (p.Actual is { } a)
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"actual\" cx=\"{X(i):0.#}\" cy=\"{Y(a):0.#}\" r=\"4\" fill=\"#123a63\"><title>{Encode(p.Period)}: consuntivo {Encode(ItalianFormat.Number(a))}</title></circle>");
            if (p.Target is { } t)
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"target\" x=\"{X(i) - 3:0.#}\" y=\"{Y(t) - 3:0.#}\" width=\"6\" height=\"6\" fill=\"#9e9d24\"><title>{Encode(p.Period)}: target {Encode(ItalianFormat.Number(t))}</title></rect>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Line(StringBuilder svg, IEnumerable<(decimal X, decimal Y)?> points, string colour, bool dashed)
    {
        var coordinates = string.Join(" ", points.OfType<(decimal X, decimal Y)>().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));
        if (coordinates.Contains(' '))
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"5 4\"" : "")}/>");
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
