using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Jobs.Feeds;

/// <summary>One metric over one feed file, for <c>pipeline feeds compute</c>: no warehouse, rows streamed once.</summary>
public sealed record FeedComputeResult(MetricResult Result, string Parameters, FeedKind Kind, long RowsRead, long RowsQuarantined, IReadOnlyList<FeedRowError> FirstErrors);

public static class FeedCompute
{
    /// <exception cref="MetricException">Unknown metric or bad parameters.</exception>
    /// <exception cref="ExtractionException">The file cannot be read as a feed, is a feed of the other kind, or lacks a column the metric reads.</exception>
    public static FeedComputeResult Run(string path, FeedHeaderConfig headers, string salt, string metricId,
        IReadOnlyDictionary<string, string> parameters, Period period, CancellationToken ct = default)
    {
        var metric = MetricCatalog.Get(metricId);
        var accumulator = metric.Start(parameters, period);
        using var reader = FeedReader.Open(path, headers, salt);
        if (reader.Kind != metric.Kind)
            throw new ExtractionException(path, $"metric {metric.Id} reads a {metric.Kind.ToCode()} feed; this file is a {reader.Kind.ToCode()} feed");
        if (reader.MissingColumns(metric.Columns) is [_, ..] missing)
            throw new ExtractionException(path, $"metric {metric.Id} reads the {string.Join(", ", missing.Select(m => $"'{m}'"))} column, which this feed does not have");
        var errors = new List<FeedRowError>();
        void Quarantine(FeedRowError error)
        {
            if (errors.Count < 20) errors.Add(error);
        }
        var n = 0;
        if (reader.Kind == FeedKind.Practices)
            foreach (var row in reader.Practices(Quarantine))
            {
                if ((++n & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                accumulator.Add(row);
            }
        else
            foreach (var row in reader.Companies(Quarantine))
            {
                if ((++n & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                accumulator.Add(row);
            }
        return new FeedComputeResult(accumulator.Result(), accumulator.CanonicalParameters, reader.Kind, reader.RowsRead, reader.RowsQuarantined, errors);
    }
}
