namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>The text of one table cell on one line, with its box; empty when no word fell in the column.</summary>
public sealed record CellText(string Text, double X0, double Y0, double X1, double Y1)
{
    public bool IsEmpty => Text.Length == 0;
    public IReadOnlyList<double> Bbox => [X0, Y0, X1, Y1];
}

/// <summary>
/// Table columns fixed by where their headers start: a word belongs to the last column whose start is at or
/// left of the word's left edge (with a small tolerance). Neighbouring cells closer than a word gap
/// ("Target Consuntivo") are still told apart, and cells that wrap stay in their column.
/// </summary>
public sealed class TableColumns
{
    public TableColumns(IReadOnlyList<double> starts, double tolerance = 3)
    {
        if (starts.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(starts));
        Starts = starts.Order().ToList();
        Tolerance = tolerance;
    }

    /// <summary>Left edge of each column, ascending.</summary>
    public IReadOnlyList<double> Starts { get; }
    public double Tolerance { get; }
    public int Count => Starts.Count;

    /// <summary>The column index of a word.</summary>
    public int ColumnOf(PdfWord word)
    {
        var index = 0;
        for (var i = 0; i < Starts.Count; i++)
            if (word.X0 + Tolerance >= Starts[i]) index = i;
        return index;
    }

    /// <summary>The line's words distributed over the columns (one entry per column, empty ones included).</summary>
    public IReadOnlyList<CellText> Split(LayoutLine line)
    {
        var buckets = Enumerable.Range(0, Starts.Count).Select(_ => new List<PdfWord>()).ToList();
        foreach (var word in line.Words) buckets[ColumnOf(word)].Add(word);
        return buckets.Select(words => words.Count == 0
                ? new CellText("", 0, line.Y0, 0, line.Y1)
                : new CellText(string.Join(' ', words.Select(w => w.Text)), words.Min(w => w.X0), words.Min(w => w.Y0), words.Max(w => w.X1), words.Max(w => w.Y1)))
            .ToList();
    }
}
