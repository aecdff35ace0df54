using Pipeline.Core.Extraction;
using Pipeline.Core.Identity;
using Pipeline.Core.Model;
using Pipeline.Core.Text;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// Where one KPI of a document lands in <c>dim_kpi</c>: its objective scope, its key and name — those of the plan's
/// KPI it was matched to, or its own — worked out before anything is written, so that a new version can be judged
/// (how many of its KPIs are not KPIs of the plan) before it is loaded.
/// </summary>
internal sealed record KpiPlacement(ExtractedKpi Kpi, string ScopeKey, string KpiKey, string Name, KpiMatch Match, KnownKpi? Matched, bool FromMatch)
{
    /// <summary>The match was taken: the KPI is the plan's KPI <see cref="Matched"/>.</summary>
    public bool Taken => Matched is not null && KpiKey == Matched.KpiKey;

    /// <summary>The objective scope of each objective of the document: its level and its key in the plan (<see cref="ObjectiveKeys"/>).</summary>
    public static Dictionary<string, string> ScopeKeys(IReadOnlyList<ExtractedObjective> objectives, IReadOnlyDictionary<string, string> objectiveKeys)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var objective in objectives)
            keys[objective.Id] = $"{ObjectiveLevels.Parse(objective.Level).ToCode()}:{objectiveKeys[objective.Id]}";
        return keys;
    }

    /// <summary>
    /// Each KPI of the document in order: the same KPI as one already in the plan (manual match, code, name or a
    /// similar name) takes that KPI's keys, once per document; two KPIs of one name under one objective are told apart
    /// by their codes (or, failing that, by their order in the document).
    /// </summary>
    public static IReadOnlyList<KpiPlacement> Place(IReadOnlyList<ExtractedKpi> kpis, IReadOnlyDictionary<string, string> scopeKeys, KpiConform conform)
    {
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        var placements = new List<KpiPlacement>(kpis.Count);
        foreach (var kpi in kpis)
        {
            var scopeKey = kpi.Objective is { } s && scopeKeys.TryGetValue(s, out var sk) ? sk : "";
            var kpiKey = TextKey.Normalize(kpi.Name);
            var name = TextKey.Clean(kpi.Name);
            var match = conform.Match(kpi, scopeKey);
            var matched = match.IsMatch ? conform.Known.First(k => k.Id == match.Candidate!.Id) : null;
            var fromMatch = matched is not null && usedKeys.Add($"{matched.ScopeKey}#{matched.KpiKey}");
            if (fromMatch)
            {
                (scopeKey, kpiKey, name) = (matched!.ScopeKey, matched.KpiKey, matched.Name);
            }
            else if (!usedKeys.Add($"{scopeKey}#{kpiKey}"))
            {
                var baseKey = $"{kpiKey}#{TextKey.Normalize(kpi.Code)}";
                kpiKey = baseKey;
                for (var n = 2; !usedKeys.Add($"{scopeKey}#{kpiKey}"); n++) kpiKey = $"{baseKey}#{n}";
            }
            placements.Add(new KpiPlacement(kpi, scopeKey, kpiKey, name, match, matched, fromMatch));
        }
        return placements;
    }
}
