using Pipeline.Core.Identity;
using Pipeline.Core.Text;

namespace Pipeline.Core.Indicators;

/// <summary>
/// Links chambers' KPIs to standard indicators: a decision of the configuration first (a null indicator there keeps
/// the KPI unlinked), else the standard code the KPI prints in its code, name or algorithm; a link is made only when
/// the KPI's unit and polarity agree with the indicator's. A KPI left unlinked whose name is similar
/// (<see cref="KpiIdentity.Similarity"/> at or above <see cref="KpiIdentity.SimilarAt"/>) to an indicator's, or to the
/// name of another chamber's KPI linked to it, and agrees with it in unit and polarity, is a proposal only.
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

    /// <param name="propose">Whether to look for proposals among the KPIs left unlinked (<c>conform indicators</c>); the
    /// link step of every run does not: it applies links only, and the search compares every unlinked KPI's name.</param>
    public static IndicatorLinking Link(IReadOnlyList<IndicatorKpi> kpis, IReadOnlyList<Indicator> indicators, IReadOnlyList<IndicatorDecision> decisions,
        bool propose = true)
    {
        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var links = new List<IndicatorLink>();
        var conflicts = new List<IndicatorConflict>();
        var unlinked = new List<IndicatorKpi>();
        var linkedKpis = new Dictionary<string, List<IndicatorKpi>>(StringComparer.OrdinalIgnoreCase);
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
                else
                {
                    links.Add(new IndicatorLink(kpi.Id, indicator.Code, kind));
                    (linkedKpis.TryGetValue(indicator.Code, out var list) ? list : linkedKpis[indicator.Code] = []).Add(kpi);
                }
                continue;
            }
            unlinked.Add(kpi);
        }
        var proposals = propose ? unlinked.Select(k => Propose(k, indicators, linkedKpis)).OfType<IndicatorProposal>().ToList() : [];
        return new IndicatorLinking(links, conflicts, proposals);
    }

    private static IndicatorDecision? DecisionFor(IndicatorKpi kpi, IReadOnlyList<IndicatorDecision> decisions)
    {
        var key = KpiIdentity.Key(kpi.Name);
        return decisions.FirstOrDefault(d =>
            (d.Chamber is null || string.Equals(d.Chamber, kpi.Chamber, StringComparison.OrdinalIgnoreCase))
            && (KpiIdentity.Key(d.Kpi) == key || (kpi.Code is not null && string.Equals(d.Kpi.Trim(), kpi.Code.Trim(), StringComparison.OrdinalIgnoreCase))));
    }

    // the indicator's own name, and the names of other chambers' KPIs linked to it now (their printed code left out)
    private static IndicatorProposal? Propose(IndicatorKpi kpi, IReadOnlyList<Indicator> indicators, Dictionary<string, List<IndicatorKpi>> linkedKpis)
    {
        var best = indicators
            .Where(i => kpi.Traits.AgreesWith(i.Traits))
            .SelectMany(i => NamesOf(i, kpi.Chamber, linkedKpis).Select(n => (Indicator: i, n.Name, n.Chamber, Score: KpiIdentity.Similarity(kpi.Name, n.Name))))
            .Where(x => x.Score >= KpiIdentity.SimilarAt)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Indicator.Code, StringComparer.Ordinal).ThenBy(x => x.Chamber is null ? 0 : 1)
            .FirstOrDefault();
        if (best.Indicator is null) return null;
        var alike = best.Chamber is null ? "the indicator's" : $"{best.Chamber}'s KPI '{best.Name}'";
        var evidence = $"names {best.Score:0.00} alike ({alike}); unit {kpi.Traits.Unit ?? "?"} / {best.Indicator.Unit ?? "?"}; polarity "
                       + $"{Describe(kpi.Traits.Polarity)} / {Describe(best.Indicator.Polarity)}";
        return new IndicatorProposal(kpi, best.Indicator, best.Score, evidence);
    }

    private static IEnumerable<(string Name, string? Chamber)> NamesOf(Indicator indicator, string chamber, Dictionary<string, List<IndicatorKpi>> linkedKpis)
    {
        yield return (indicator.Name, null);
        if (!linkedKpis.TryGetValue(indicator.Code, out var linked)) yield break;
        foreach (var other in linked.Where(k => !string.Equals(k.Chamber, chamber, StringComparison.OrdinalIgnoreCase)))
            yield return (StandardCodes.WithoutCode(other.Name), other.Chamber);
    }

    private static string Describe(IndicatorPolarity? p) => p is { } v ? IndicatorTraits.Name(v) : "?";
}
