namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// A table row a page break cut in two, as word processors print a row that does not fit at the bottom of a page:
/// the lines of each cell that fit stay there, and the rest of the cells that had more lines go on at the top of the
/// next page (after the running header and the repeated table header, if any). The part on the next page fills only
/// some of the columns the part before it filled, and leaves empty a column every row of the table fills (a short
/// cell such as the weight or the unit, printed whole before the break); a new row fills them.
/// </summary>
public static class BrokenRow
{
    /// <summary>
    /// Whether <paramref name="top"/>, the first row at the top of a page, is the rest of <paramref name="last"/>, the
    /// last row before the break. <paramref name="always"/>: the columns every row of the table filled so far (null
    /// before the first row).
    /// </summary>
    public static bool Continues(KpiRow last, KpiRow top, IReadOnlySet<int>? always)
    {
        var before = last.Filled;
        var after = top.Filled;
        if (after.Count == 0 || !after.IsProperSubsetOf(before)) return false;
        var missing = before.Except(after);
        return always is null ? missing.Any() : missing.Any(always.Contains);
    }
}
