using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Feeds;

namespace Pipeline.Warehouse.Queries;

/// <summary>How a value was computed from a feed, from its lineage detail: the metric, its parameters and period.</summary>
public sealed record FeedComputation(string Metric, IReadOnlyDictionary<string, string> Parameters, string Period)
{
    /// <summary>The numerator and denominator stored with the value (a share's; null for a count or when not stored).</summary>
    public decimal? Numerator { get; init; }
    public decimal? Denominator { get; init; }
    public long? RowsRead { get; init; }

    /// <summary>The lineage detail's metric, parameters and period; null when the detail does not name them.</summary>
    public static FeedComputation? Parse(string? detail)
    {
        if (detail is null) return null;
        using var json = JsonDocument.Parse(detail);
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Text("metric") is not { } metric || Text("period") is not { } period) return null;
        var parameters = (Text("parameters") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        decimal? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        return new FeedComputation(metric, parameters, period)
        {
            Numerator = Number("numerator"), Denominator = Number("denominator"), RowsRead = Number("rows_read") is { } read ? (long)read : null,
        };
    }
}

/// <summary>
/// A staged row a computed value counted: its line in the file, whether it is in the numerator too (a share; null
/// for a count or a mean), its key fields (the columns of <see cref="FeedValueRows.Columns"/>) and the one-line
/// description <c>pipeline trace</c> prints.
/// </summary>
public sealed record CountedFeedRow(long RowNumber, bool? InNumerator, IReadOnlyList<string> Fields, string Description);

/// <summary>
/// The rows behind a value computed from a feed: the staged rows of its feed streamed again through the same metric
/// with the same parameters and period, keeping the ones the metric counts (its denominator; for a share, those
/// that grew the numerator are marked). Shared by <c>pipeline trace</c> and the web app's source page.
/// </summary>
public sealed class FeedValueRows(SqlDialect dialect)
{
    public static readonly IReadOnlyList<string> PracticeColumns = ["riga", "protocollo", "data protocollo", "data evasione", "giorni sospensione"];
    public static readonly IReadOnlyList<string> CompanyColumns = ["riga", "provincia", "REA", "stato", "iscrizione", "sezione", "cassetto digitale"];

    /// <summary>The metric of <paramref name="computation"/>, or null when it is not one of the catalogue (or its parameters are not valid).</summary>
    public static FeedMetric? MetricOf(FeedComputation computation)
    {
        try
        {
            var metric = MetricCatalog.Get(computation.Metric);
            if (!Period.TryParse(computation.Period, out var period)) return null;
            metric.Start(computation.Parameters, period);   // throws on parameters the metric does not take
            return metric;
        }
        catch (MetricException)
        {
            return null;
        }
    }

    public static IReadOnlyList<string> Columns(FeedMetric metric) => metric.Kind == FeedKind.Practices ? PracticeColumns : CompanyColumns;

    /// <summary>The canonical parameters the metric computed with (as stored with the measurement).</summary>
    public static string CanonicalParameters(FeedMetric metric, FeedComputation computation) =>
        Period.TryParse(computation.Period, out var period) ? metric.Start(computation.Parameters, period).CanonicalParameters : "";

    /// <summary>The counted rows of the feed document <paramref name="documentId"/>, in file order.</summary>
    public async IAsyncEnumerable<CountedFeedRow> ReadAsync(long documentId, FeedMetric metric, FeedComputation computation, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Period.TryParse(computation.Period, out var period)) yield break;
        var accumulator = metric.Start(computation.Parameters, period);
        var feeds = new FeedQueries(dialect);
        var share = metric.IsShare;
        if (metric.Kind == FeedKind.Practices)
        {
            await foreach (var row in feeds.ReadPracticesAsync(documentId, ct))
            {
                var before = share ? accumulator.Result().Numerator : null;
                if (!accumulator.Add(row)) continue;
                string[] fields =
                [
                    N(row.RowNumber), row.Protocol, D(row.Registered), row.Processed is { } p ? D(p) : "", N(row.SuspensionDays),
                ];
                yield return new CountedFeedRow(row.RowNumber, share ? accumulator.Result().Numerator > before : null, fields,
                    $"row {fields[0]}: {row.Protocol}, protocollo {fields[2]}, evasa {fields[3]}, sospensione {fields[4]} gg");
            }
        }
        else
        {
            await foreach (var row in feeds.ReadCompaniesAsync(documentId, ct))
            {
                var before = share ? accumulator.Result().Numerator : null;
                if (!accumulator.Add(row)) continue;
                string[] fields =
                [
                    N(row.RowNumber), row.Province ?? "", row.ReaNumber ?? "", row.Status, row.Registered is { } r ? D(r) : "", row.Section ?? "", row.DigitalDrawer ? "sì" : "no",
                ];
                yield return new CountedFeedRow(row.RowNumber, share ? accumulator.Result().Numerator > before : null, fields,
                    $"row {fields[0]}: REA {row.Province} {row.ReaNumber}, {row.Status}, iscritta {fields[4]}{(row.Section is null ? "" : ", " + row.Section)}{(row.DigitalDrawer ? ", cassetto" : "")}");
            }
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
