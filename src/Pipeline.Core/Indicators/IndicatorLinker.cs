using Pipeline.Core.Identity;
using Pipeline.Core.Text;

namespace Pipeline.Core.Indicators;

/// <summary>
/// Links chambers' KPIs to standard indicators: a decision of the configuration first (a null indicator there keeps
/// the KPI unlinked), else the standard code the KPI prints in its code, name or algorithm; a link is made only when
/// the KPI's unit and polarity agree with the indicator's. A KPI left unlinked whose name is similar to an
/// indicator's (<see cref="KpiIdentity.Similarity"/> at or above <see cref="KpiIdentity.SimilarAt"/>) and agrees
/// with it is a proposal only.
/// </summary>
public static class IndicatorLinker
{
    /// <summary>
    /// The indicators the KPIs print that <paramref name="known"/> lacks: each code once, named, with the unit and
    /// polarity of the first KPI (by id) printing it.
    /// </summary>
    public static IReadOnlyList<Indicator> Discovered(IReadOnlyList<IndicatorKpi> kpis, IReadOnlyList<Indicator> known)
    {
        var codes = known.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<Indicator>();
        foreach (var kpi in kpis.OrderBy(k => k.Id))
        {
            if (StandardCodes.Find(kpi.Code, kpi.Name, kpi.Algorithm) is not { } code || !codes.Add(code.Code)) continue;
            found.Add(new Indicator(code.Code, TextKey.Clean(kpi.Name), kpi.Traits.Unit, kpi.Traits.Polarity, code.Family));
        }
        return found;
    }

    public static IndicatorLinking Link(IReadOnlyList<IndicatorKpi> kpis, IReadOnlyList<Indicator> indicators, IReadOnlyList<IndicatorDecision> decisions)
    {
        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var links = new List<IndicatorLink>();
        var conflicts = new List<IndicatorConflict>();
        var proposals = new List<IndicatorProposal>();
        foreach (var kpi in kpis.OrderBy(k => k.Id))
        {
            var decision = DecisionFor(kpi, decisions);
            if (decision is { Indicator: null }) continue;
            var (target, kind) = decision is { Indicator: { } chosen }
                ? (chosen, IndicatorLinkKind.Config)
                : (StandardCodes.Find(kpi.Code, kpi.Name, kpi.Algorithm)?.Code, IndicatorLinkKind.Code);
            if (target is not null && byCode.TryGetValue(StandardCode.Canonical(target), out var indicator))
            {
                if (kpi.Traits.Disagreement(indicator.Traits) is { } reason) conflicts.Add(new IndicatorConflict(kpi, indicator.Code, reason));
                else links.Add(new IndicatorLink(kpi.Id, indicator.Code, kind));
                continue;
            }
            if (Propose(kpi, indicators) is { } proposal) proposals.Add(proposal);
        }
        return new IndicatorLinking(links, conflicts, proposals);
    }

    private static IndicatorDecision? DecisionFor(IndicatorKpi kpi, IReadOnlyList<IndicatorDecision> decisions)
    {
        var key = KpiIdentity.Key(kpi.Name);
        return decisions.FirstOrDefault(d =>
            (d.Chamber is null || string.Equals(d.Chamber, kpi.Chamber, StringComparison.OrdinalIgnoreCase))
            && (KpiIdentity.Key(d.Kpi) == key || (kpi.Code is not null && string.Equals(d.Kpi.Trim(), kpi.Code.Trim(), StringComparison.OrdinalIgnoreCase))));
    }

    private static IndicatorProposal? Propose(IndicatorKpi kpi, IReadOnlyList<Indicator> indicators)
    {
        var best = indicators
            .Where(i => kpi.Traits.AgreesWith(i.Traits))
            .Select(i => (Indicator: i, Score: KpiIdentity.Similarity(kpi.Name, i.Name)))
            .Where(x => x.Score >= KpiIdentity.SimilarAt)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Indicator.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Indicator is null) return null;
        var evidence = $"names {best.Score:0.00} alike; unit {kpi.Traits.Unit ?? "?"} / {best.Indicator.Unit ?? "?"}; polarity "
                       + $"{Describe(kpi.Traits.Polarity)} / {Describe(best.Indicator.Polarity)}";
        return new IndicatorProposal(kpi, best.Indicator, best.Score, evidence);
    }

    private static string Describe(IndicatorPolarity? p) => p is { } v ? IndicatorTraits.Name(v) : "?";
}
