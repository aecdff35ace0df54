using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Chambers;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;

namespace Pipeline.Jobs.Feeds;

/// <summary>
/// One binding of <c>config/metrics.json</c>: metric <see cref="Metric"/> with <see cref="Parameters"/> (the
/// metric's defaults from the file's <c>defaults</c> section, overridden by the binding's own) computes the value
/// of the chamber's KPI <see cref="Kpi"/> (a KPI code, a Pareto code printed in the name such as <c>C1.1_04</c>, or
/// the name) for each of <see cref="Periods"/>.
/// </summary>
public sealed record MetricBinding(string Chamber, string Kpi, FeedMetric Metric, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<Period> Periods);

/// <summary>
/// The bindings of <c>config/metrics.json</c>: which feed metric, with which parameters, gives which KPI of which
/// chamber for which periods. Every binding is checked when the file is read (known chamber, known metric, valid
/// parameters, period codes), so a mistake is reported at start-up with the binding's position, not in the
/// middle of a nightly run.
/// </summary>
public sealed class MetricBindings
{
    public const string FileName = "metrics.json";

    private MetricBindings(IReadOnlyList<MetricBinding> bindings) => All = bindings;

    public IReadOnlyList<MetricBinding> All { get; }

    public static MetricBindings None { get; } = new([]);

    /// <summary>Bindings made in code (a benchmark's, a test's).</summary>
    public static MetricBindings Of(IEnumerable<MetricBinding> bindings) => new(bindings.ToList());

    /// <summary>The bindings of a chamber for the metrics that read the given kind of feed.</summary>
    public IReadOnlyList<MetricBinding> For(string chamberCode, FeedKind kind) =>
        All.Where(b => string.Equals(b.Chamber, chamberCode, StringComparison.OrdinalIgnoreCase) && b.Metric.Kind == kind).ToList();

    /// <summary>DIR/metrics.json when it exists; no bindings otherwise.</summary>
    public static MetricBindings FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return None;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : None;
    }

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the binding.</exception>
    public static MetricBindings Parse(string json, string origin)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigException($"{origin}: not valid JSON ({ex.Message})", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            var defaults = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("defaults", out var d))
                foreach (var metric in d.EnumerateObject())
                    defaults[metric.Name] = Strings(metric.Value, $"{origin}: defaults.{metric.Name}");

            var bindings = new List<MetricBinding>();
            if (root.TryGetProperty("bindings", out var list))
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var where = $"{origin}: bindings[{index++}]";
                    string Required(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                        ? s : throw new ConfigException($"{where}: '{name}' is required");
                    var chamber = ChamberResolver.Lookup(Required("chamber"))
                        ?? throw new ConfigException($"{where}: unknown chamber '{Required("chamber")}'");
                    FeedMetric metric;
                    try
                    {
                        metric = MetricCatalog.Get(Required("metric"));
                    }
                    catch (MetricException ex)
                    {
                        throw new ConfigException($"{where}: {ex.Message}", ex);
                    }
                    var parameters = new Dictionary<string, string>(defaults.GetValueOrDefault(metric.Id) ?? [], StringComparer.OrdinalIgnoreCase);
                    if (item.TryGetProperty("params", out var p))
                        foreach (var (k, v) in Strings(p, $"{where}.params")) parameters[k] = v;
                    if (!item.TryGetProperty("periods", out var periods) || periods.ValueKind != JsonValueKind.Array || periods.GetArrayLength() == 0)
                        throw new ConfigException($"{where}: 'periods' must list at least one period (2021, 2021-S1, …)");
                    var parsed = periods.EnumerateArray().Select(x => Period.TryParse(x.GetString(), out var period)
                        ? period : throw new ConfigException($"{where}: '{x}' is not a period (2021, 2021-S1, 2021-Q3, 2021-03)")).ToList();
                    try
                    {
                        // the parameters are checked once here, with the metric's own rules
                        foreach (var period in parsed) metric.Start(parameters, period);
                    }
                    catch (MetricException ex)
                    {
                        throw new ConfigException($"{where}: {ex.Message}", ex);
                    }
                    bindings.Add(new MetricBinding(chamber.Code, Required("kpi"), metric, parameters, parsed));
                }
            }
            return new MetricBindings(bindings);
        }
    }

    /// <summary>An object of strings; numbers and booleans are taken as their JSON text ("5", "true").</summary>
    private static Dictionary<string, string> Strings(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ConfigException($"{where}: expected an object of parameters");
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => throw new ConfigException($"{where}.{property.Name}: expected a string, number or boolean"),
            };
        return result;
    }
}
