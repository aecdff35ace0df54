using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>Writes document blocks as an HTML page styled for Chromium's print-to-PDF: page size and orientation,
/// font, table rules, cell vertical alignment and, for <see cref="RunningHeader.PageBoxes"/>, a running header and a
/// "Pagina N di M" footer in CSS @page margin boxes.</summary>
public static class HtmlWriter
{
    public static string Write(IReadOnlyList<DocumentBlock> blocks, RenderStyle style, string title)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"it\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>\n<style>\n")
            .Append(Css(style)).Append("</style></head><body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    var level = Math.Clamp(h.Level, 1, 6);
                    html.Append($"<h{level}>").Append(Encode(h.Text)).Append($"</h{level}>\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case TableBlock t:
                    var columns = t.Rows.Max(r => r.Count);
                    html.Append("<table>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var c = 0; c < columns; c++) html.Append("<td>").Append(Encode(c < row.Count ? row[c] : "")).Append("</td>");
                        html.Append("</tr>\n");
                    }
                    html.Append("</table>\n");
                    break;
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Css(RenderStyle s)
    {
        var size = s.Size.ToString(CultureInfo.InvariantCulture);
        var border = s.Rules switch
        {
            TableRules.All => "border: 0.6pt solid #000;",
            TableRules.Horizontal => "border-top: 0.6pt solid #000; border-bottom: 0.6pt solid #000;",
            _ => "border: none;",
        };
        var align = s.Align.ToString().ToLowerInvariant();
        var page = $"@page {{ size: A4 {(s.Landscape ? "landscape" : "portrait")}; margin: 18mm 15mm;";
        if (s.Header == RunningHeader.PageBoxes)
            page += $" @top-center {{ content: \"{RenderStyle.HeaderText}\"; font: 8pt '{s.FontFamily}'; }}"
                    + $" @bottom-right {{ content: \"Pagina \" counter(page) \" di \" counter(pages); font: 8pt '{s.FontFamily}'; }}";
        page += " }\n";
        return page
               + $"body {{ font-family: '{s.FontFamily}'; font-size: {size}pt; line-height: 1.2; }}\n"
               + $"h1 {{ font-size: {s.Size * 1.6:0.#}pt; }} h2 {{ font-size: {s.Size * 1.35:0.#}pt; }} h3, h4, h5, h6 {{ font-size: {s.Size * 1.15:0.#}pt; }}\n"
               + "p { margin: 0.35em 0; }\n"
               + "table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }\n"
               + $"td {{ {border} vertical-align: {align}; padding: 2pt 4pt; }}\n";
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
