namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// Where each column of a table begins, from its headings and the words of its rows: between two headings, the
/// free vertical gutter (an x no word of the rows crosses) nearest to the later heading, so left-aligned cells wider
/// than their heading and headings centred over their column both come out right; without a free gutter, just left
/// of the heading. Words are then given to columns by their left edge.
/// </summary>
public sealed class ColumnBoundaries
{
    private readonly List<double> _starts;

    public ColumnBoundaries(IReadOnlyList<(double X0, double X1)> headings, IReadOnlyCollection<PdfWord> words)
    {
        _starts = [double.MinValue];
        for (var c = 1; c < headings.Count; c++)
        {
            // walk left from the heading: whenever a word covers x, jump to that word's left edge
            var x = headings[c].X0 + 1;
            var free = false;
            while (x > headings[c - 1].X1)
            {
                var covering = words.FirstOrDefault(w => w.X0 < x && x < w.X1);
                if (covering is null)
                {
                    free = true;
                    break;
                }
                x = covering.X0;
            }
            _starts.Add(Math.Max(_starts[^1], free ? Math.Min(x, headings[c].X0) : headings[c].X0 - 2));
        }
    }

    public int Count => _starts.Count;

    /// <summary>The column a word belongs to: the last whose start is at or left of the word's left edge.</summary>
    public int ColumnOf(PdfWord word)
    {
        var index = 0;
        for (var i = 1; i < _starts.Count; i++)
            if (word.X0 + 1 >= _starts[i]) index = i;
        return index;
    }

    /// <summary>
    /// Whether a line of words passes from one column to the next at an ordinary space: running text laid across the
    /// columns. The cells of a row glued into one fragment are apart by more than the line's usual space.
    /// </summary>
    public bool RunsAcross(IReadOnlyList<PdfWord> line)
    {
        if (line.Count < 3) return false;
        var gaps = new List<double>();
        for (var i = 1; i < line.Count; i++) gaps.Add(line[i].X0 - line[i - 1].X1);
        var usual = gaps.Order().ElementAt(gaps.Count / 2);
        for (var i = 1; i < line.Count; i++)
            if (ColumnOf(line[i]) != ColumnOf(line[i - 1]) && gaps[i - 1] < 1.5 * usual + 0.5) return true;
        return false;
    }

    /// <summary>Words of <paramref name="words"/> that straddle a column start: running text across the table, not a row of it.</summary>
    public int Straddling(IEnumerable<PdfWord> words) =>
        words.Count(w => _starts.Skip(1).Any(x => w.X0 < x - 2 && w.X1 > x + 2));
}
