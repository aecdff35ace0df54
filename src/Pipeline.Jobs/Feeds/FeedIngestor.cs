using System.Security.Cryptography;
using Pipeline.Core.Chambers;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Feeds;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Jobs.Feeds;

/// <summary>What one feed file gave: the load, and the bindings that found no KPI.</summary>
public sealed record FeedIngestResult(FeedLoadResult Load, FeedKind Kind, string ChamberCode, long RowsRead, IReadOnlyList<string> Warnings)
{
    /// <summary>Metrics bound to the chamber that the feed cannot give (a column they read is missing): not computed, nothing stored.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// One registry feed file into the warehouse, in a single pass over its rows: each row is read (bad rows to
/// quarantine), staged, and handed to every metric bound to the chamber's KPIs for this kind of feed; after the
/// rows, the metrics' values become measurements of those KPIs. Nothing of the file is kept when any step fails.
/// Reading and the metrics run on a thread of their own, a few thousand rows ahead of the staging
/// (<see cref="Prefetch"/>). The file is archived with its load (<paramref name="archive"/>, default the warehouse's own).
/// </summary>
public sealed class FeedIngestor(SqlDialect dialect, FeedHeaderConfig headers, MetricBindings bindings, string salt, TimeProvider? clock = null,
    SourceArchive? archive = null)
{
    /// <summary>Test seam: the loader (e.g. one on another clock).</summary>
    public FeedLoader Loader { get; init; } = new(dialect, clock, archive);

    public async Task<FeedIngestResult> IngestAsync(string path, string? chamberCode, long? runId, CancellationToken ct = default)
    {
        var sha = await Sha256Async(path, ct);
        using var reader = FeedReader.Open(path, headers, salt);
        var chamber = chamberCode ?? ChamberOfFile(path)
            ?? throw new LoadException("no chamber: the file names none in a Camera or Provincia column; give --chamber");
        var queries = new FeedQueries(dialect);
        // a metric whose columns the feed lacks is not computed: empty cells would give a value (0 %) that is not one
        var failed = new List<string>();
        var computable = new List<MetricBinding>();
        foreach (var binding in bindings.For(chamber, reader.Kind))
        {
            if (reader.MissingColumns(binding.Metric.Columns) is [_, ..] missing)
                failed.Add($"metric {binding.Metric.Id} for '{binding.Kpi}' not computed: {Path.GetFileName(path)} has no " +
                           $"{string.Join(", ", missing.Select(m => $"'{m}'"))} column; nothing stored");
            else computable.Add(binding);
        }
        var computations = computable
            .SelectMany(b => b.Periods.Select(p => new Computation(b, b.Metric.Start(b.Parameters, p))))
            .ToList();
        var errors = new List<FeedRowError>();
        var warnings = new List<string>();

        async Task<IReadOnlyList<FeedMeasurement>> ComputeAsync(long documentId)
        {
            var measurements = new List<FeedMeasurement>();
            foreach (var c in computations)
            {
                var result = c.Accumulator.Result();
                if (result.Value is null)
                {
                    warnings.Add($"metric {c.Binding.Metric.Id} for {result.Period}: no row of the feed is in its population; nothing stored for '{c.Binding.Kpi}'");
                    continue;
                }
                var kpis = await queries.FindKpisAsync(chamber, c.Binding.Kpi, c.Accumulator.Period.Year, ct);
                if (kpis.Count == 0)
                {
                    warnings.Add($"metric {c.Binding.Metric.Id} for {c.Accumulator.Period.Code}: no KPI of {chamber} matches '{c.Binding.Kpi}' in a plan holding {c.Accumulator.Period.Year}; value {Raw(result)} not stored");
                    continue;
                }
                foreach (var kpi in kpis)
                    measurements.Add(new FeedMeasurement(kpi, result.Period, result.Value, Raw(result), result.Metric, c.Accumulator.CanonicalParameters,
                        result.Numerator, result.Denominator, c.RowFrom ?? 0, c.RowTo ?? 0));
            }
            return measurements;
        }

        var request = new FeedLoadRequest(Path.GetFullPath(path), sha, reader.Kind, chamber,
            reader.Kind == FeedKind.Practices ? Prefetch.Ahead(Observe(reader.Practices(errors.Add), computations, static (a, r) => a.Add(r), static r => r.RowNumber)) : null,
            reader.Kind == FeedKind.Companies ? Prefetch.Ahead(Observe(reader.Companies(errors.Add), computations, static (a, r) => a.Add(r), static r => r.RowNumber)) : null,
            () => errors, ComputeAsync, runId)
        {
            Source = ArchiveSource.FromFile(Path.GetFullPath(path), sha),
        };
        var load = await Loader.LoadAsync(request, ct);
        return new FeedIngestResult(load, reader.Kind, chamber, reader.RowsRead, warnings) { Errors = failed };
    }

    /// <summary>The value as stored in <c>raw</c>, written the Italian way with its unit ("88,25 %", "3,8 gg"), or why there is none.</summary>
    public static string Raw(MetricResult result) =>
        result.Value is { } v ? ItalianFormat.WithUnit(v, result.Unit) : $"n.d. (no rows in the population for {result.Period})";

    /// <summary>Each row goes to every computation on its way to the staging table; the rows that count set its row range.</summary>
    private static IEnumerable<T> Observe<T>(IEnumerable<T> rows, List<Computation> computations, Func<MetricAccumulator, T, bool> add, Func<T, long> rowNumber)
    {
        foreach (var row in rows)
        {
            foreach (var c in computations)
                if (add(c.Accumulator, row)) c.Counted(rowNumber(row));
            yield return row;
        }
    }

    /// <summary>
    /// The chamber a feed names in its first rows' Camera (practices) or Provincia (companies) column: a code,
    /// a name, or a province code that is part of a merged chamber's code (CB → CBIS).
    /// </summary>
    private string? ChamberOfFile(string path)
    {
        using var peek = FeedReader.Open(path, headers, salt);
        var values = peek.Kind == FeedKind.Practices
            ? peek.Practices(_ => { }).Take(50).Select(r => r.Chamber)
            : peek.Companies(_ => { }).Take(50).Select(r => r.Province);
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
            if (ChamberResolver.LookupWithProvince(value!) is { } chamber) return chamber.Code;
        return null;
    }

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExtractionException(path, $"cannot read the file: {ex.Message}", ex);
        }
    }

    private sealed class Computation(MetricBinding binding, MetricAccumulator accumulator)
    {
        public MetricBinding Binding { get; } = binding;
        public MetricAccumulator Accumulator { get; } = accumulator;
        public long? RowFrom { get; private set; }
        public long? RowTo { get; private set; }

        public void Counted(long row)
        {
            RowFrom = RowFrom is { } f ? Math.Min(f, row) : row;
            RowTo = RowTo is { } t ? Math.Max(t, row) : row;
        }
    }
}
