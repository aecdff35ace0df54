using Pipeline.Core.Configuration;
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
        var file = ConfigFile.Parse<MetricsFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        var defaults = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, parameters) in file.Defaults ?? [])
            defaults[Metric(root["defaults"][id], id).Id] = Texts(parameters);

        var bindings = new List<MetricBinding>();
        foreach (var (item, i) in (file.Bindings ?? []).Select((b, i) => (b, i)))
        {
            var at = root["bindings"][i];
            var chamber = at["chamber"].Chamber(item.Chamber);
            var kpi = at["kpi"].Required(item.Kpi, "a KPI code or name");
            var metric = Metric(at["metric"], at["metric"].Required(item.Metric, "a metric id"));
            var parameters = new Dictionary<string, string>(defaults.GetValueOrDefault(metric.Id) ?? [], StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in Texts(item.Params)) parameters[k] = v;
            if (item.Periods is not { Count: > 0 }) throw at["periods"].Error("must list at least one period (2021, 2021-S1, …)");
            var periods = item.Periods.Select((p, j) => Period.TryParse(p, out var period)
                ? period : throw at["periods"][j].Error($"'{p}' is not a period (2021, 2021-S1, 2021-Q3, 2021-03)")).ToList();
            try
            {
                // the parameters are checked once here, with the metric's own rules
                foreach (var period in periods) metric.Start(parameters, period);
            }
            catch (MetricException ex)
            {
                throw at["params"].Error(ex.Message, ex);
            }
            bindings.Add(new MetricBinding(chamber.Code, kpi, metric, parameters, periods));
        }
        return new MetricBindings(bindings);
    }

    private sealed record MetricsFile(Dictionary<string, Dictionary<string, ConfigText>>? Defaults, List<BindingEntry>? Bindings);

    private sealed record BindingEntry(string? Chamber, string? Kpi, string? Metric, Dictionary<string, ConfigText>? Params, List<string?>? Periods);

    private static FeedMetric Metric(ConfigSetting at, string id)
    {
        try
        {
            return MetricCatalog.Get(id);
        }
        catch (MetricException ex)
        {
            throw at.Error(ex.Message, ex);
        }
    }

    /// <summary>Parameters by name, whatever the case (the last one written wins, as a binding's own override the defaults).</summary>
    private static Dictionary<string, string> Texts(Dictionary<string, ConfigText>? parameters)
    {
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters ?? []) texts[name] = value.Value;
        return texts;
    }
}
