namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>The two statistics the kit and the families measure a document's spacing with, kept in one place.</summary>
public static class Spacings
{
    /// <summary>
    /// The smallest value that recurs (at least 3 times, or one in 20): wrapped lines are the tightest frequent gap or
    /// step, list items, rows and paragraphs sit further apart. Values should be rounded (to half a point) by the caller.
    /// Null for no values; the most frequent when none recurs that often.
    /// </summary>
    public static double? TightestFrequent(IReadOnlyCollection<double> gaps)
    {
        if (gaps.Count == 0) return null;
        var minimum = Math.Max(3, gaps.Count / 20);
        var groups = gaps.GroupBy(g => g).OrderBy(g => g.Key).ToList();
        return (groups.FirstOrDefault(g => g.Count() >= minimum) ?? groups.OrderByDescending(g => g.Count()).First()).Key;
    }

    /// <summary>The value at index Count / 2 of the sorted values, found without sorting them all (quickselect).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var a = values.ToArray();
        int k = a.Length / 2, lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i > j) break;
                (a[i], a[j]) = (a[j], a[i]);
                i++;
                j--;
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }
}
