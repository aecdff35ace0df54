using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>
/// Where a table's columns really are: the header's, moved when the header is one cell short, and moved again where
/// the table goes on with other column positions.
/// </summary>
internal sealed class IndicatorColumns(TextSpacing spacing, List<string> warnings)
{
    /// <summary>
    /// The table's columns. Normally the header's: "Indicatore" over the row numbers and the names, then Target,
    /// the Risultato columns and the Peso columns. Some tables print a header one cell short: the names start
    /// under the second label and the last label covers two columns of values. Then the labels move one
    /// column to the right: numbers, names, and a last column that starts where the rows' values do.
    /// </summary>
    public List<IndicatorColumn> Of(IndicatorTable t)
    {
        var header = t.Header;
        if (header.Count < 3 || t.NumberX is null) return header;
        // shifted: nothing but the row numbers left of the second label
        var words = t.Rows.SelectMany(r => r.Lines.SelectMany((l, i) => i == 0 ? l.Words.Skip(1) : l.Words)).ToList();
        if (words.Count == 0 || words.Any(w => w.X0 < header[1].Start - 3)) return header;
        var last = header[^1].Start;
        var extra = t.Rows.SelectMany(r => r.Lines).SelectMany(l => CellStarts(l)).Where(x => x > last + 3).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(extra))
        {
            warnings.Add($"page {t.Rows[0].Page}: the header of an indicator table is one cell short and its last column could not be found");
            return header;
        }
        var columns = new List<IndicatorColumn> { new(header[0].Start, ColumnKind.Number, "") };
        for (var i = 1; i < header.Count; i++) columns.Add(header[i] with { Kind = header[i - 1].Kind == ColumnKind.Name ? ColumnKind.Name : header[i - 1].Kind, Header = header[i - 1].Header });
        columns.Add(header[^1] with { Start = extra });
        return columns;
    }

    /// <summary>
    /// A table that goes on with other column positions (the rest of a table set again after a page break or
    /// a note, with its own column widths): a row whose first line has one cell per column, not where the
    /// columns are, gives the columns' new starts for itself and the rows after it. Null when the row fits.
    /// </summary>
    public List<IndicatorColumn>? Reanchored(List<IndicatorColumn> columns, IndicatorRow row)
    {
        var first = row.Lines[0];
        if (first.Words.Count < 2) return null;
        var skip = columns[0].Kind == ColumnKind.Number ? 1 : 0;
        var words = first.Words.Skip(1).ToList();
        var starts = CellStarts(first with { Words = words }).ToList();
        if (starts.Count != columns.Count - skip && OneWordCells(words, columns.Count - skip - 1) is { } cells) starts = cells;
        if (starts.Count != columns.Count - skip) return null;
        var moved = false;
        for (var i = 1; i < starts.Count; i++)
            moved |= Math.Abs(starts[i] - columns[i + skip].Start) > 6;
        if (!moved) return null;
        var result = new List<IndicatorColumn>(columns);
        result[0] = result[0] with { Start = Math.Min(result[0].Start, first.Words[0].X0 - 1) };
        for (var i = 1; i < starts.Count; i++) result[i + skip] = result[i + skip] with { Start = starts[i] - 1 };
        if (skip == 1) result[1] = result[1] with { Start = starts[0] - 1 };
        return result;
    }

    /// <summary>
    /// Cells set closer than the document's column gap ("5 80 110 70%" in a tight grid): when the line ends with
    /// exactly one word per value column, well apart from the name before them, each of those words starts a
    /// cell. The starts of the name and of each value; null when the line does not read so.
    /// </summary>
    private static List<double>? OneWordCells(List<PdfWord> words, int values)
    {
        if (values < 1 || words.Count <= values) return null;
        var tail = words.Skip(words.Count - values).ToList();
        var inside = tail.Skip(1).Select((w, i) => w.X0 - tail[i].X1).DefaultIfEmpty(0).Max();
        var before = tail[0].X0 - words[words.Count - values - 1].X1;
        if (before <= 2 * Math.Max(inside, 1)) return null;
        return [words[0].X0, .. tail.Select(w => w.X0)];
    }

    /// <summary>Left edges of the cells of a line: words after a gap wider than the document's word gap.</summary>
    private IEnumerable<double> CellStarts(LayoutLine line)
    {
        for (var i = 0; i < line.Words.Count; i++)
            if (i == 0 || line.Words[i].X0 - line.Words[i - 1].X1 > Math.Max(Math.Max(4, 0.45 * line.Words[i].Height), spacing.ColumnGap))
                yield return line.Words[i].X0;
    }
}
