using Pipeline.Core.Identity;

namespace Pipeline.Core.Indicators;

/// <summary>A standard indicator: the union's list, or a code a chamber's KPI prints.</summary>
public sealed record Indicator(string Code, string Name, string? Unit, IndicatorPolarity? Polarity, IndicatorFamily Family)
{
    public IndicatorTraits Traits => new(Unit, Polarity);
}

/// <summary>A chamber's KPI as the linker sees it.</summary>
public sealed record IndicatorKpi(long Id, string Chamber, string? Code, string Name, string? Algorithm, IndicatorTraits Traits);

/// <summary>
/// A decision of config/indicators.json: the KPI <see cref="Kpi"/> (its name as printed, or its code) of
/// <see cref="Chamber"/> (any chamber when null) is the indicator <see cref="Indicator"/>, or with null is none.
/// </summary>
public sealed record IndicatorDecision(string? Chamber, string Kpi, string? Indicator);

/// <summary>How a KPI was linked to its indicator.</summary>
public enum IndicatorLinkKind
{
    /// <summary>By the standard code the KPI prints.</summary>
    Code,
    /// <summary>By a decision of config/indicators.json.</summary>
    Config,
}

/// <summary>A KPI linked to an indicator, and how.</summary>
public sealed record IndicatorLink(long KpiId, string IndicatorCode, IndicatorLinkKind Kind);

/// <summary>A KPI left unlinked, with why (a code whose unit or polarity disagrees with the indicator's).</summary>
public sealed record IndicatorConflict(IndicatorKpi Kpi, string IndicatorCode, string Reason);

/// <summary>
/// A link that only the names suggest: never applied, listed by <c>pipeline conform indicators</c> with its evidence
/// (the similarity of the names and the units and polarities seen).
/// </summary>
public sealed record IndicatorProposal(IndicatorKpi Kpi, Indicator Indicator, double Score, string Evidence);

/// <summary>The outcome of linking: links to apply, conflicts, and proposals to review.</summary>
public sealed record IndicatorLinking(IReadOnlyList<IndicatorLink> Links, IReadOnlyList<IndicatorConflict> Conflicts, IReadOnlyList<IndicatorProposal> Proposals);
