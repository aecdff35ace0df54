using System.Globalization;
using System.Text;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// Renders a <see cref="DocumentBlock"/> list to PDF in a given <see cref="PdfStyle"/>: wrapped paragraphs, tables
/// with columns sized to their content and wrapped cells, optional borders, running header and page numbers,
/// portrait or landscape. Uses the base-14 fonts with conservative width estimates, so text never spills into
/// the next column. Deterministic.
/// </summary>
public sealed class TextDocumentRenderer(PdfStyle style)
{
    private readonly double _pageWidth = style.Landscape ? MinimalPdf.A4Height : MinimalPdf.A4Width;
    private readonly double _pageHeight = style.Landscape ? MinimalPdf.A4Width : MinimalPdf.A4Height;
    private readonly List<StringBuilder> _pages = [];
    private double _y;
    private (double[] Widths, double Size)? _previousTable;

    private double CellPadding => style.CellPadding;
    private double Leading => style.FontSize * style.Leading;
    private double Top => style.Margin + (style.RunningHeader is null ? 0 : Leading * 2);
    private double Bottom => _pageHeight - style.Margin - (style.PageNumbers ? Leading * 2 : 0);
    private double TextWidth => _pageWidth - 2 * style.Margin;

    public byte[] Render(IReadOnlyList<DocumentBlock> blocks)
    {
        NewPage();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h: Heading(h); break;
                case ParagraphBlock p: Paragraph(p.Text, style.FontSize); break;
                case TableBlock t: Table(t); break;
            }
            _previousTable = block is TableBlock ? _previousTable : null;
        }
        var total = _pages.Count;
        for (var i = 0; i < total; i++)
        {
            if (style.RunningHeader is { } header) Text(_pages[i], style.Margin, style.Margin, header, style.FontSize);
            if (style.PageNumbers) Text(_pages[i], _pageWidth / 2 - 30, _pageHeight - style.Margin - Leading, $"Pagina {i + 1} di {total}", style.FontSize);
        }
        var objects = MinimalPdf.Build(_pages.Select(p => p.ToString()).ToList(), null, [], style.Font, _pageWidth, _pageHeight);
        return objects;
    }

    private void NewPage()
    {
        _pages.Add(new StringBuilder());
        _y = Top;
    }

    private void Heading(HeadingBlock heading)
    {
        var size = style.FontSize + Math.Max(0, 4 - heading.Level) * 1.5;
        _y += Leading * 0.5;
        Paragraph(heading.Text, size);
    }

    private void Paragraph(string text, double size)
    {
        foreach (var line in Wrap(text, TextWidth, size))
        {
            if (_y + size * 1.3 > Bottom) NewPage();
            Text(_pages[^1], style.Margin, _y, line, size);
            _y += size * 1.3;
        }
        _y += Leading * 0.4;
    }

    private void Table(TableBlock table)
    {
        var columns = table.Rows.Max(r => r.Count);
        double size;
        double[] widths;
        if (style.ContinuedTablesKeepGrid && _previousTable is { } previous && previous.Widths.Length == columns)
        {
            // the rest of a table the text broke (at a page break of the original): the same grid goes on
            (widths, size) = previous;
        }
        else
        {
            // A table whose longest words cannot fit side by side is set in smaller type, as documents do;
            // nothing is ever printed past the page edge.
            size = style.FontSize;
            var needed = MinimumWidths(table, columns, size).Sum();
            if (needed > TextWidth) size = Math.Floor(size * TextWidth / needed * 4) / 4;
            widths = ColumnWidths(table, columns, size);
        }
        _previousTable = (widths, size);
        var leading = size * style.Leading;
        _y += Leading * 0.3;
        foreach (var row in table.Rows)
        {
            var cells = Enumerable.Range(0, columns)
                .Select(c => Wrap(c < row.Count ? row[c] : "", widths[c] - 2 * CellPadding, size))
                .ToList();
            var height = cells.Max(c => Math.Max(1, c.Count)) * leading + 2 * CellPadding;
            if (_y + height > Bottom)
            {
                NewPage();
                if (height > Bottom - Top) height = Bottom - Top; // a giant cell: let it be cut at the page end
            }
            var x = style.Margin;
            if (style.Borders && style.HorizontalRulesOnly)
                _pages[^1].Append(Invariant($"0.5 w {x:0.##} {_pageHeight - _y:0.##} m {x + widths.Sum():0.##} {_pageHeight - _y:0.##} l S\n"));
            for (var c = 0; c < columns; c++)
            {
                var free = height - 2 * CellPadding - cells[c].Count * leading;
                var lineY = _y + CellPadding + Math.Max(0, style.CellAlignment switch
                {
                    CellAlignment.Middle => free / 2,
                    CellAlignment.Bottom => free,
                    _ => 0,
                });
                foreach (var line in cells[c])
                {
                    if (lineY + leading > _y + height) break;
                    Text(_pages[^1], x + CellPadding, lineY, line, size);
                    lineY += leading;
                }
                if (style.Borders && !style.HorizontalRulesOnly)
                    _pages[^1].Append(Invariant($"0.5 w {x:0.##} {_pageHeight - _y - height:0.##} {widths[c]:0.##} {height:0.##} re S\n"));
                x += widths[c];
            }
            _y += height;
        }
        _y += Leading * 0.6;
    }

    /// <summary>Each column's longest word, padded: no column may be narrower.</summary>
    private double[] MinimumWidths(TableBlock table, int columns, double size)
    {
        var minimum = new double[columns];
        foreach (var row in table.Rows)
            for (var c = 0; c < row.Count; c++)
                minimum[c] = Math.Max(minimum[c], row[c].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Width(w, size)).DefaultIfEmpty(0).Max() + 2 * CellPadding);
        return minimum;
    }

    /// <summary>
    /// Column widths in proportion to each column's text, never below its longest word, within the table width
    /// (the page's text width when the longest words need more).
    /// </summary>
    private double[] ColumnWidths(TableBlock table, int columns, double size)
    {
        var minimum = MinimumWidths(table, columns, size);
        var available = Math.Max(TextWidth * style.TableWidth, Math.Min(TextWidth, minimum.Sum()));
        var desired = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            foreach (var row in table.Rows.Where(r => c < r.Count))
                desired[c] = Math.Max(desired[c], Math.Min(Width(row[c], size), 220) + 2 * CellPadding);
            desired[c] = Math.Max(desired[c], minimum[c]);
        }
        var total = desired.Sum();
        var widths = desired.Select((d, c) => Math.Max(minimum[c], total <= available ? d : d * available / total)).ToArray();
        // raising narrow columns to their longest word may overshoot: take the excess from the columns with room
        var excess = widths.Sum() - available;
        var slack = widths.Select((w, c) => w - minimum[c]).ToArray();
        if (excess > 0 && slack.Sum() > 0)
        {
            var share = Math.Min(1, excess / slack.Sum());
            for (var c = 0; c < columns; c++) widths[c] -= slack[c] * share;
        }
        return widths;
    }

    private IReadOnlyList<string> Wrap(string text, double width, double size)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Width(candidate, size) > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    /// <summary>An upper bound of the text's width: wide letters counted wide, so text never overflows.</summary>
    private double Width(string text, double size)
    {
        if (style.Font.StartsWith("Courier", StringComparison.Ordinal)) return text.Length * 0.6 * size;
        double em = 0;
        foreach (var ch in text)
            em += ch switch
            {
                ' ' => 0.28,
                'i' or 'l' or 'j' or 't' or 'f' or 'r' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' => 0.34,
                'm' or 'w' => 0.84,
                'M' or 'W' => 0.95,
                _ when char.IsUpper(ch) => 0.74,
                _ => 0.58,
            };
        return em * size;
    }

    private void Text(StringBuilder page, double x, double y, string text, double size) =>
        page.Append(Invariant($"BT /F1 {size:0.##} Tf {x:0.##} {_pageHeight - y - size:0.##} Td ({MinimalPdf.Escape(text)}) Tj ET\n"));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
