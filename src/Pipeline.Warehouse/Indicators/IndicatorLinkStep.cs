using Pipeline.Core.Indicators;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Indicators;

/// <summary>
/// The step after a load that links the chambers' KPIs to standard indicators (docs/indicators.md): the configured
/// indicators and the codes the KPIs print are written to dim_indicator, then every KPI is linked by code or by a
/// configured decision. <see cref="ProposeAsync"/> computes the same without writing: what `pipeline conform
/// indicators` lists.
/// </summary>
public sealed class IndicatorLinkStep(SqlDialect dialect)
{
    private readonly IndicatorStore _store = new(dialect);

    /// <summary>Links, then returns the outcome (links and conflicts; proposals are left to <see cref="ProposeAsync"/>).</summary>
    public async Task<IndicatorLinking> RunAsync(IReadOnlyList<Indicator> configured, IReadOnlyList<IndicatorDecision> decisions, CancellationToken ct = default)
    {
        var (kpis, indicators) = await ReadAsync(configured, ct);
        var linking = IndicatorLinker.Link(kpis, indicators, decisions, propose: false);
        await _store.ApplyAsync(indicators, kpis, linking.Links, ct);
        return linking;
    }

    /// <summary>The outcome linking would have now, nothing written.</summary>
    public async Task<IndicatorLinking> ProposeAsync(IReadOnlyList<Indicator> configured, IReadOnlyList<IndicatorDecision> decisions, CancellationToken ct = default)
    {
        var (kpis, indicators) = await ReadAsync(configured, ct);
        return IndicatorLinker.Link(kpis, indicators, decisions);
    }

    // the configured indicators win over the stored ones of the same code; codes first printed now are added
    private async Task<(IReadOnlyList<IndicatorKpi>, IReadOnlyList<Indicator>)> ReadAsync(IReadOnlyList<Indicator> configured, CancellationToken ct)
    {
        var kpis = await _store.KpisAsync(ct);
        var codes = configured.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = configured.Concat((await _store.IndicatorsAsync(ct)).Where(i => !codes.Contains(i.Code))).ToList();
        return (kpis, known.Concat(IndicatorLinker.Discovered(kpis, known)).ToList());
    }
}
