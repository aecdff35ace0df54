namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>
/// The vertical strips no word of a set of lines covers: the gaps between a table's columns, found across its rows.
/// A strip narrower than <c>minWidth</c> (the space between two words of a cell, where the other lines happen to leave
/// it free) is no gutter; only strips between the leftmost and rightmost word count.
/// </summary>
public static class Gutters
{
    public static IReadOnlyList<(double X0, double X1)> Find(IEnumerable<PdfWord> words, double minWidth)
    {
        var gutters = new List<(double X0, double X1)>();
        var reach = double.NegativeInfinity;
        foreach (var word in words.OrderBy(w => w.X0))
        {
            if (!double.IsNegativeInfinity(reach) && word.X0 - reach >= minWidth) gutters.Add((reach, word.X0));
            reach = Math.Max(reach, word.X1);
        }
        return gutters;
    }
}
