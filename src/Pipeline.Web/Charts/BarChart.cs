using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Pipeline.Core.Values;

namespace Pipeline.Web.Charts;

/// <summary>One bar: its label, the computed value and, when a document prints one, the reported value (a tick).</summary>
public sealed record Bar(string Label, decimal? Value, decimal? Reported = null);

/// <summary>
/// Horizontal bars as inline SVG, drawn on the server (no script, no CDN; the content security policy allows no
/// inline style, so only SVG attributes): one row per bar, the scale 0 to the largest value (at least 100 %), the
/// value written in the Italian format, the reported figure as a tick, a missing value as "-".
/// </summary>
public static class BarChart
{
    private const int LabelWidth = 260, BarWidth = 420, ValueWidth = 90, Row = 26;

    public static IHtmlContent Render(string title, IReadOnlyList<Bar> bars)
    {
        var max = Math.Max(100m, bars.Select(b => Math.Max(b.Value ?? 0, b.Reported ?? 0)).DefaultIfEmpty(0).Max());
        var width = LabelWidth + BarWidth + ValueWidth;
        var height = Row * bars.Count + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(Encode(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * Row + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\" fill=\"#222\">{Encode(Shorten(bar.Label, 38))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{BarWidth}\" height=\"16\" fill=\"#eef1f5\"/>");
            if (bar.Value is { } v)
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Scale(v, max):0.#}\" height=\"16\" fill=\"{Colour(v)}\"/>");
            if (bar.Reported is { } r)
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"reported\" x=\"{LabelWidth + Scale(r, max) - 1:0.#}\" y=\"{y}\" width=\"3\" height=\"22\" fill=\"#222\"><title>Relazione: {Encode(ItalianFormat.Percent(r))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 16}\" font-size=\"13\" fill=\"#222\">{Encode(ItalianFormat.Percent(bar.Value))}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static decimal Scale(decimal value, decimal max) => Math.Clamp(value, 0, max) / max * BarWidth;

    private static string Colour(decimal value) => value >= 100 ? "#2e7d32" : value >= 80 ? "#9e9d24" : "#c62828";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
