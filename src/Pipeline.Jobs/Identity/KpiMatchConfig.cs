using Pipeline.Core.Configuration;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Jobs.Identity;

/// <summary>
/// Manual KPI matches, <c>config/kpi-matches.json</c>: "this KPI, as a document names it, is that KPI of the plan".
/// They win over the automatic matches when a document is loaded. Mistakes are reported naming the entry.
/// </summary>
/// <example>
/// { "matches": [ { "chamber": "BS", "plan": "2021-2023", "name": "Predisposizione format immagine coordinata dell'Ente",
///                  "kpi": "Realizzazione format immagine coordinata dell'ente" } ] }
/// </example>
public static class KpiMatchConfig
{
    public const string FileName = "kpi-matches.json";

    public static IReadOnlyList<KpiManualMatch> FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return [];
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : [];
    }

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the entry.</exception>
    public static IReadOnlyList<KpiManualMatch> Parse(string json, string origin)
    {
        var root = ConfigSetting.Root(origin);
        return (ConfigFile.Parse<MatchesFile>(json, origin).Matches ?? []).Select((m, i) =>
        {
            var at = root["matches"][i];
            var chamber = at["chamber"].Chamber(m.Chamber);
            var (from, to) = string.IsNullOrWhiteSpace(m.Plan) ? ((int?)null, (int?)null) : Cycle(at["plan"], m.Plan);
            return new KpiManualMatch(chamber.Code, at["name"].Required(m.Name, "the KPI as the document names it"),
                at["kpi"].Required(m.Kpi, "the plan KPI's code or name"), from, to);
        }).ToList();
    }

    private sealed record MatchesFile(List<MatchEntry>? Matches);

    private sealed record MatchEntry(string? Chamber, string? Plan, string? Name, string? Kpi);

    private static (int?, int?) Cycle(ConfigSetting at, string cycle)
    {
        var parts = cycle.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to) && from <= to
            ? (from, to)
            : throw at.Error($"'{cycle}' is not a cycle such as 2021-2023");
    }
}
