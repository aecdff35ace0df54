using System.Globalization;
using System.Security;
using System.Text;
using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>Writes document blocks as a flat OpenDocument text (.fodt) for LibreOffice Writer: page orientation,
/// font, table rules, cell vertical alignment, column widths from the cells' text, and a page-style header with a
/// "Pagina N di M" footer when the style has a running header.</summary>
public static class FodtWriter
{
    public static string Write(IReadOnlyList<DocumentBlock> blocks, RenderStyle style)
    {
        var body = new StringBuilder();
        var columnStyles = new StringBuilder();
        var tableNo = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    var level = Math.Clamp(h.Level, 1, 3);
                    body.Append($"<text:h text:style-name=\"H{level}\" text:outline-level=\"{level}\">").Append(Esc(h.Text)).Append("</text:h>\n");
                    break;
                case ParagraphBlock p:
                    body.Append("<text:p text:style-name=\"Standard\">").Append(Esc(p.Text)).Append("</text:p>\n");
                    break;
                case TableBlock t:
                    tableNo++;
                    var columns = t.Rows.Max(r => r.Count);
                    body.Append($"<table:table table:name=\"T{tableNo}\" table:style-name=\"T\">");
                    var widths = ColumnWidths(t, columns, style);
                    for (var c = 0; c < columns; c++)
                    {
                        columnStyles.Append($"<style:style style:name=\"T{tableNo}C{c}\" style:family=\"table-column\"><style:table-column-properties style:rel-column-width=\"{widths[c]}*\"/></style:style>\n");
                        body.Append($"<table:table-column table:style-name=\"T{tableNo}C{c}\"/>");
                    }
                    body.Append('\n');
                    foreach (var row in t.Rows)
                    {
                        body.Append("<table:table-row>");
                        for (var c = 0; c < columns; c++)
                            body.Append("<table:table-cell table:style-name=\"C\" office:value-type=\"string\"><text:p text:style-name=\"Cell\">")
                                .Append(Esc(c < row.Count ? row[c] : "")).Append("</text:p></table:table-cell>");
                        body.Append("</table:table-row>\n");
                    }
                    body.Append("</table:table>\n");
                    break;
            }
        }
        return Head(style, columnStyles.ToString()) + body + "</office:text></office:body></office:document>\n";
    }

    /// <summary>Relative column widths as a word processor sizes them: a share of the width by the column's text,
    /// never narrower than its longest word (so numbers are never broken inside).</summary>
    private static int[] ColumnWidths(TableBlock t, int columns, RenderStyle style)
    {
        var tablePt = (style.Landscape ? 267 : 180) * 72 / 25.4;
        var text = Enumerable.Range(0, columns).Select(c => (double)Math.Clamp(t.Rows.Max(r => c < r.Count ? r[c].Length : 0), 3, 60)).ToArray();
        var longestWord = Enumerable.Range(0, columns)
            .Select(c => t.Rows.Max(r => c < r.Count ? r[c].Split(' ').Max(w => w.Length) : 0) * style.Size * 0.62 + 8).ToArray();
        return Enumerable.Range(0, columns).Select(c => (int)Math.Max(longestWord[c], tablePt * text[c] / text.Sum())).ToArray();
    }

    private static string Head(RenderStyle s, string columnStyles)
    {
        string Pt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + "pt";
        var (width, height) = s.Landscape ? ("297mm", "210mm") : ("210mm", "297mm");
        var border = s.Rules switch
        {
            TableRules.All => "fo:border=\"0.6pt solid #000000\"",
            TableRules.Horizontal => "fo:border-top=\"0.6pt solid #000000\" fo:border-bottom=\"0.6pt solid #000000\" fo:border-left=\"none\" fo:border-right=\"none\"",
            _ => "fo:border=\"none\"",
        };
        var headerFooter = s.Header == RunningHeader.None ? "" :
            $"<style:header><text:p text:style-name=\"Running\">{Esc(RenderStyle.HeaderText)}</text:p></style:header>" +
            "<style:footer><text:p text:style-name=\"Running\">Pagina <text:page-number text:select-page=\"current\"/> di <text:page-count/></text:p></style:footer>";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
            <office:font-face-decls><style:font-face style:name="F" svg:font-family="'{s.FontFamily}'"/></office:font-face-decls>
            <office:styles>
            <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties style:font-name="F" fo:font-size="{Pt(s.Size)}" fo:language="it" fo:country="IT"/></style:default-style>
            <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-top="2pt" fo:margin-bottom="3pt"/></style:style>
            <style:style style:name="Cell" style:family="paragraph"/>
            <style:style style:name="Running" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
            <style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="10pt" fo:margin-bottom="5pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="{Pt(s.Size * 1.6)}" fo:font-weight="bold"/></style:style>
            <style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="8pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="{Pt(s.Size * 1.35)}" fo:font-weight="bold"/></style:style>
            <style:style style:name="H3" style:family="paragraph"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="3pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="{Pt(s.Size * 1.15)}" fo:font-weight="bold"/></style:style>
            </office:styles>
            <office:automatic-styles>
            <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="{(s.Landscape ? "landscape" : "portrait")}" fo:margin-top="12mm" fo:margin-bottom="12mm" fo:margin-left="15mm" fo:margin-right="15mm"/><style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="4mm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="4mm"/></style:footer-style></style:page-layout>
            <style:style style:name="T" style:family="table"><style:table-properties style:width="{(s.Landscape ? "267mm" : "180mm")}" table:align="margins" fo:margin-top="4pt" fo:margin-bottom="6pt"/></style:style>
            <style:style style:name="C" style:family="table-cell"><style:table-cell-properties style:vertical-align="{s.Align.ToString().ToLowerInvariant()}" {border} fo:padding="0.8mm"/></style:style>
            {columnStyles}</office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">{headerFooter}</style:master-page></office:master-styles>
            <office:body><office:text>

            """;
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
