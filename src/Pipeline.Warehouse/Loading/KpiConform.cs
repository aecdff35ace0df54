using Pipeline.Core.Extraction;
using Pipeline.Core.Identity;

namespace Pipeline.Warehouse.Loading;

/// <summary>A KPI of the plan as it was before the document being loaded.</summary>
internal sealed record KnownKpi(long Id, long? ObjectiveId, string ScopeKey, string KpiKey, string? Code, string Name);

/// <summary>
/// KPI identity for one document (<see cref="KpiIdentity"/>): each of its KPIs against the plan's KPIs under the
/// same objective, a manual match first; which outcomes are recorded in <c>conform_match</c>.
/// </summary>
internal sealed class KpiConform(IReadOnlyList<KnownKpi> known, string docType, IReadOnlyList<KpiManualMatch> manual)
{
    public IReadOnlyList<KnownKpi> Known { get; } = known;

    public KpiMatch Match(ExtractedKpi kpi, string scopeKey)
    {
        var key = KpiIdentity.Key(kpi.Name);
        KpiCandidate? chosen = null;
        if (manual.FirstOrDefault(m => KpiIdentity.Key(m.Name) == key) is { } m)
        {
            var target = Known.FirstOrDefault(k => k.Code is not null && string.Equals(k.Code.Trim(), m.Kpi.Trim(), StringComparison.OrdinalIgnoreCase))
                         ?? Known.FirstOrDefault(k => KpiIdentity.Key(k.Name) == KpiIdentity.Key(m.Kpi));
            if (target is not null) chosen = new KpiCandidate(target.Id, target.Code, target.Name);
        }
        var candidates = Known.Where(k => k.ScopeKey == scopeKey).Select(k => new KpiCandidate(k.Id, k.Code, k.Name)).ToList();
        return KpiIdentity.Match(kpi.Code, kpi.Name, candidates, chosen);
    }

    /// <summary>What is worth recording: a manual or similar match taken, an uncertain one, a report's KPI no plan defines.</summary>
    public string? Record(KpiMatch match, bool taken) => match.Kind switch
    {
        KpiMatchKind.Manual when taken => "manual",
        KpiMatchKind.Similar when taken => "similar",
        KpiMatchKind.Uncertain => "uncertain",
        KpiMatchKind.None when docType != "piano" => "unmatched",
        _ => null,
    };
}
