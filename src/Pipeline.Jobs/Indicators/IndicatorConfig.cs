using Pipeline.Core.Configuration;
using Pipeline.Core.Indicators;

namespace Pipeline.Jobs.Indicators;

/// <summary>The union's list of standard indicators and its explicit decisions, from config/indicators.json.</summary>
public sealed record IndicatorSettings(IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorDecision> Decisions)
{
    public static IndicatorSettings None { get; } = new([], []);
}

/// <summary>
/// <c>config/indicators.json</c> (optional; docs/indicators.md): the union's own indicators (code, name, unit,
/// polarity higher | lower, family pareto | pira | union) and decisions "this KPI of this chamber is that indicator"
/// (<c>"indicator": null</c>: is none). Mistakes are reported naming the entry.
/// </summary>
/// <example>
/// { "indicators": [ { "code": "U-01", "name": "Grado di soddisfazione degli utenti", "unit": "%", "polarity": "higher", "family": "union" } ],
///   "links": [ { "chamber": "BS", "kpi": "Customer satisfaction", "indicator": "U-01" } ] }
/// </example>
public static class IndicatorConfig
{
    public const string FileName = "indicators.json";

    /// <exception cref="ConfigException">The file is not valid.</exception>
    public static IndicatorSettings FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return IndicatorSettings.None;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : IndicatorSettings.None;
    }

    /// <exception cref="ConfigException">The text is not valid; the message names <paramref name="origin"/> and the entry.</exception>
    public static IndicatorSettings Parse(string json, string origin)
    {
        var root = ConfigSetting.Root(origin);
        var file = ConfigFile.Parse<IndicatorsFile>(json, origin);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var indicators = (file.Indicators ?? []).Select((e, i) =>
        {
            var at = root["indicators"][i];
            var code = StandardCode.Canonical(at["code"].Required(e.Code, "the indicator's code"));
            if (!seen.Add(code)) throw at["code"].Error($"'{code}' is listed twice");
            return new Indicator(code, at["name"].Required(e.Name, "the indicator's name").Trim(), e.Unit, e.Polarity,
                e.Family ?? StandardCodes.Find(code)?.Family ?? IndicatorFamily.Union);
        }).ToList();
        var decisions = (file.Links ?? []).Select((l, i) =>
        {
            var at = root["links"][i];
            var chamber = l.Chamber is null ? null : at["chamber"].Chamber(l.Chamber).Code;
            var kpi = at["kpi"].Required(l.Kpi, "the KPI's name as printed, or its code");
            var indicator = l.Indicator is null ? null : StandardCode.Canonical(l.Indicator);
            return new IndicatorDecision(chamber, kpi, indicator);
        }).ToList();
        return new IndicatorSettings(indicators, decisions);
    }

    private sealed record IndicatorsFile(List<IndicatorEntry>? Indicators, List<LinkEntry>? Links);

    private sealed record IndicatorEntry(string? Code, string? Name, string? Unit, IndicatorPolarity? Polarity, IndicatorFamily? Family);

    private sealed record LinkEntry(string? Chamber, string? Kpi, string? Indicator);
}
