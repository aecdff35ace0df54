using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// A KPI table continued without its header — on the next page, or further down the page where the word processor
/// broke it into a second table — is laid out with column widths of its own. The columns of such rows are the free
/// strips across their lines (<see cref="Gutters"/>): when the rows from a row start on leave as many strips as the
/// table has column boundaries, and their cells do not start where the current columns do, the cells after the
/// strips become the columns. The rows tried are the longest run from the row start that gives a full set of strips
/// (rows in the old layout further down close some strips; they are given their columns when they are reached).
/// </summary>
internal static class ContinuationColumns
{
    /// <summary>The columns of <paramref name="rows"/> (each row its lines, the first row first), or null when they keep <paramref name="current"/>.</summary>
    public static TableColumns? Find(TableColumns current, IReadOnlyList<IReadOnlyList<LayoutLine>> rows, double minGutter)
    {
        // each row's words and own cell starts, once (every run length below looks at them again)
        var rowWords = rows.Select(r => r.SelectMany(l => l.Words).ToList()).ToList();
        var rowStarts = new List<double>?[rows.Count];
        List<double> StartsOf(int i) => rowStarts[i] ??= CellStarts(rows[i], minGutter).ToList();
        for (var count = rows.Count; count > 0; count--)
        {
            var words = rowWords.Take(count).SelectMany(w => w).ToList();
            if (words.Count == 0) continue;
            var gutters = Gutters.Find(words, minGutter);
            if (gutters.Count != current.Count - 1) continue;
            var starts = gutters.Select(g => g.X1).Prepend(Math.Min(current.Starts[0], words.Min(w => w.X0))).ToList();
            // rows of two layouts can leave a full set of strips between them: each row's own cells must start at the columns
            if (!Enumerable.Range(0, count).All(i => StartsOf(i).All(x => starts.Any(s => Math.Abs(s - x) <= current.Tolerance)))) continue;
            if (starts.Zip(current.Starts).All(p => Math.Abs(p.First - p.Second) <= current.Tolerance)) return null;
            return new TableColumns(starts, current.Tolerance);
        }
        return null;
    }

    /// <summary>Where the cells of one row start: its leftmost word and the word after each of its own strips.</summary>
    private static IEnumerable<double> CellStarts(IReadOnlyList<LayoutLine> row, double minGutter)
    {
        var words = row.SelectMany(l => l.Words).ToList();
        return words.Count == 0 ? [] : Gutters.Find(words, minGutter).Select(g => g.X1).Prepend(words.Min(w => w.X0));
    }
}
