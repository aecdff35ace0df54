using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Chambers;
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
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var result = new List<KpiManualMatch>();
            if (!doc.RootElement.TryGetProperty("matches", out var matches)) return result;
            var i = 0;
            foreach (var m in matches.EnumerateArray())
            {
                var where = $"{origin}: matches[{i++}]";
                string Required(string name) => m.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s
                    ? s : throw new ConfigException($"{where}: '{name}' is required");
                var chamber = ChamberResolver.Lookup(Required("chamber")) ?? throw new ConfigException($"{where}: unknown chamber '{Required("chamber")}'");
                int? from = null, to = null;
                if (m.TryGetProperty("plan", out var plan) && plan.GetString() is { Length: > 0 } cycle)
                {
                    var parts = cycle.Split('-', StringSplitOptions.TrimEntries);
                    if (parts.Length != 2 || !int.TryParse(parts[0], out var f) || !int.TryParse(parts[1], out var t) || f > t)
                        throw new ConfigException($"{where}: plan '{cycle}' is not a cycle such as 2021-2023");
                    (from, to) = (f, t);
                }
                result.Add(new KpiManualMatch(chamber.Code, Required("name"), Required("kpi"), from, to));
            }
            return result;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ConfigException($"{origin}: not valid ({ex.Message})", ex);
        }
    }
}
