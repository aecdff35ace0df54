namespace Pipeline.Samples.Pdf;

/// <summary>
/// Renders a <see cref="DocumentBlock"/> list to PDF in a given <see cref="PdfStyle"/>: wrapped paragraphs, tables
/// with columns sized to their content and wrapped cells, optional borders, running header and page numbers,
/// portrait or landscape. Written with PdfPig's document builder (<see cref="PdfCanvas"/>) in a clone of Helvetica,
/// Times or Courier; column widths and wrapping use conservative width estimates, so text never spills into the next
/// column. Deterministic.
/// </summary>
public sealed class TextDocumentRenderer(PdfStyle style)
{
    private readonly double _pageWidth = style.Landscape ? PdfCanvas.A4Height : PdfCanvas.A4Width;
    private readonly double _pageHeight = style.Landscape ? PdfCanvas.A4Width : PdfCanvas.A4Height;
    private PdfCanvas _canvas = null!;
    private int _page;
    private double _y;
    private (double[] Widths, double Size)? _previousTable;

    /// <summary>How many rows the last render broke across a page (<see cref="PdfStyle.SplitRowsAcrossPages"/>).</summary>
    public int SplitRows { get; private set; }

    private double CellPadding => style.CellPadding;
    private double Leading => style.FontSize * style.Leading;
    private double Top => style.Margin + (style.RunningHeader is null ? 0 : Leading * 2);
    private double Bottom => _pageHeight - style.Margin - (style.PageNumbers ? Leading * 2 : 0);
    private double TextWidth => _pageWidth - 2 * style.Margin;

    public byte[] Render(IReadOnlyList<DocumentBlock> blocks)
    {
        using var canvas = new PdfCanvas(style.Font, _pageWidth, _pageHeight);
        _canvas = canvas;
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
        var total = canvas.PageCount;
        for (var i = 0; i < total; i++)
        {
            if (style.RunningHeader is { } header) canvas.Text(i, style.Margin, style.Margin, header, style.FontSize);
            if (style.PageNumbers) canvas.Text(i, _pageWidth / 2 - 30, _pageHeight - style.Margin - Leading, $"Pagina {i + 1} di {total}", style.FontSize);
        }
        return canvas.Build();
    }

    private void NewPage()
    {
        _page = _canvas.AddPage();
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
            _canvas.Text(_page, style.Margin, _y, line, size);
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
        List<List<string>>? header = null;
        foreach (var row in table.Rows)
        {
            var cells = Enumerable.Range(0, columns)
                .Select(c => Wrap(c < row.Count ? row[c] : "", widths[c] - 2 * CellPadding, size).ToList())
                .ToList();
            var height = RowHeight(cells, leading);
            if (_y + height > Bottom)
            {
                // the lines that fit stay on this page, the rest goes on at the top of the next one
                var fit = (int)Math.Floor((Bottom - _y - 2 * CellPadding) / leading);
                if (style.SplitRowsAcrossPages && header is not null && fit >= 1)
                {
                    DrawRow(cells.Select(c => c.Take(fit).ToList()).ToList(), widths, fit * leading + 2 * CellPadding, size, leading);
                    cells = cells.Select(c => c.Skip(fit).ToList()).ToList();
                    height = RowHeight(cells, leading);
                    SplitRows++;
                }
                NewPage();
                if (style.RepeatHeaderRow && header is not null) DrawRow(header, widths, RowHeight(header, leading), size, leading);
                if (height > Bottom - _y) height = Bottom - _y; // a giant cell: let it be cut at the page end
            }
            DrawRow(cells, widths, height, size, leading);
            header ??= cells;
        }
        _y += Leading * 0.6;
    }

    private double RowHeight(List<List<string>> cells, double leading) => cells.Max(c => Math.Max(1, c.Count)) * leading + 2 * CellPadding;

    /// <summary>One row (or the part of a row on one page) at the current position, each cell's lines aligned in it.</summary>
    private void DrawRow(List<List<string>> cells, double[] widths, double height, double size, double leading)
    {
        var x = style.Margin;
        if (style.Borders && style.HorizontalRulesOnly)
            _canvas.Line(_page, x, _y, x + widths.Sum(), _y);
        for (var c = 0; c < cells.Count; c++)
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
                _canvas.Text(_page, x + CellPadding, lineY, line, size);
                lineY += leading;
            }
            if (style.Borders && !style.HorizontalRulesOnly)
                _canvas.Rectangle(_page, x, _y, widths[c], height);
            x += widths[c];
        }
        _y += height;
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
}
