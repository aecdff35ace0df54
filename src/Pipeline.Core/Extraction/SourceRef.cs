namespace Pipeline.Core.Extraction;

/// <summary>
/// Where a value was read: a PDF page and box, a workbook sheet and cell, or a row range of a flat file.
/// Exactly the fields of one kind are set.
/// </summary>
public sealed record SourceRef
{
    public int? Page { get; init; }
    /// <summary>[x0, y0, x1, y1] in PDF points, origin top-left.</summary>
    public IReadOnlyList<double>? Bbox { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }
    public long? Row { get; init; }
    public long? RowTo { get; init; }

    public static SourceRef ForCell(string sheet, string cell) => new() { Sheet = sheet, Cell = cell };
    public static SourceRef ForPage(int page, IReadOnlyList<double>? bbox) => new() { Page = page, Bbox = bbox };
    public static SourceRef ForRow(long row, long? rowTo = null) => new() { Row = row, RowTo = rowTo };

    /// <summary>
    /// Short human-readable form: "Monitoraggio!E12", "p. 9 [57,120,540,131]" (the box in whole points: no decimal
    /// number in a human output; the JSON keeps the box as read), "row 1042".
    /// </summary>
    public override string ToString()
    {
        if (Sheet is not null) return $"{Sheet}!{Cell}";
        if (Page is not null)
        {
            return Bbox is { Count: 4 }
                ? FormattableString.Invariant($"p. {Page} [{Bbox[0]:0},{Bbox[1]:0},{Bbox[2]:0},{Bbox[3]:0}]")
                : $"p. {Page}";
        }
        if (Row is not null) return RowTo is not null && RowTo != Row ? $"rows {Row}-{RowTo}" : $"row {Row}";
        return "unknown";
    }
}
