using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Jobs.Feeds;

/// <summary>
/// What a feed file holds, from one streamed pass and no warehouse (<c>pipeline extract FILE.csv</c>, the feed
/// benchmark's survey): its kind, encoding and separator, its header, how many rows read well and which did not,
/// the years its dates cover and the chamber it names.
/// </summary>
public sealed record FeedInspection(
    string File, FeedKind Kind, string Encoding, char Delimiter, IReadOnlyList<string> Header,
    long RowsRead, long RowsQuarantined, IReadOnlyList<FeedRowError> FirstErrors, IReadOnlyList<int> Years, string? NamedChamber)
{
    /// <summary>How many quarantined rows an inspection keeps to show.</summary>
    public const int ErrorsKept = 50;

    /// <exception cref="Pipeline.Extraction.ExtractionException">The file cannot be read as a feed.</exception>
    public static FeedInspection Read(string path, FeedHeaderConfig headers, string salt, CancellationToken ct = default)
    {
        using var reader = FeedReader.Open(path, headers, salt);
        var errors = new List<FeedRowError>();
        void Quarantine(FeedRowError error)
        {
            if (errors.Count < ErrorsKept) errors.Add(error);
        }
        var years = new SortedSet<int>();
        string? named = null;
        long n = 0;
        if (reader.Kind == FeedKind.Practices)
            foreach (var row in reader.Practices(Quarantine))
            {
                if ((++n & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                years.Add(row.Registered.Year);
                named ??= string.IsNullOrWhiteSpace(row.Chamber) ? null : row.Chamber;
            }
        else
        {
            // a company list is as of its latest date; its metrics look at that year and the one before
            var latest = DateOnly.MinValue;
            foreach (var row in reader.Companies(Quarantine))
            {
                if ((++n & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                if (row.LatestDate is { } day && day > latest) latest = day;
                named ??= string.IsNullOrWhiteSpace(row.Province) ? null : row.Province;
            }
            if (latest > DateOnly.MinValue) years.UnionWith([latest.Year - 1, latest.Year]);
        }
        return new FeedInspection(Path.GetFileName(path), reader.Kind, reader.EncodingName, reader.Delimiter, reader.Header,
            reader.RowsRead, reader.RowsQuarantined, errors, years.ToList(), named);
    }
}
