using CsvHelper;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// A feed's field separator, told from its header row: <c>;</c>, <c>,</c> or tab, whichever names the most known
/// columns. The header is read within the record cap (<see cref="FeedLimits.MaxRecordBytes"/>), so a file of one
/// endless line is refused after 4 MiB instead of being read whole three times.
/// </summary>
internal static class FeedSeparator
{
    /// <summary>The separators tried, in order of preference when they tie.</summary>
    private static readonly char[] Separators = [';', ',', '\t'];

    /// <summary>
    /// The separator whose header row has the most known columns, then the most columns, and that header row.
    /// Quoted fields are respected (a quoted header may contain another candidate).
    /// </summary>
    public static (char Delimiter, IReadOnlyList<string> Header) Detect(string path, FeedEncoding encoding, FeedHeaderConfig config)
    {
        (char Delimiter, IReadOnlyList<string> Header, int Known)? best = null;
        foreach (var separator in Separators)
        {
            IReadOnlyList<string> header;
            try
            {
                using var csv = CsvReader.FromFile(path, FeedReader.Options(encoding, separator) with { MaxRecordSize = FeedLimits.MaxRecordBytes });
                header = [.. csv.Headers];
            }
            catch (CsvFormatException ex)
            {
                throw new ExtractionException(path, $"the header row: {FeedLimits.RecordTooLong}", ex);
            }
            var known = FeedLayout.KnownColumns(header, config);
            if (best is null || known > best.Value.Known || (known == best.Value.Known && header.Count > best.Value.Header.Count))
                best = (separator, header, known);
        }
        var (delimiter, found, _) = best!.Value;
        if (found.All(h => string.IsNullOrWhiteSpace(h)))
            throw new ExtractionException(path, "empty file");
        if (found.Count < 2)
            throw new ExtractionException(path, $"cannot detect the separator: the header row has no ';', ',' or tab (header: {Cut(found[0])})");
        return (delimiter, found);
    }

    private static string Cut(string text)
    {
        var s = TextKey.Clean(text);
        return s.Length <= 120 ? s : s[..120] + "…";
    }
}
