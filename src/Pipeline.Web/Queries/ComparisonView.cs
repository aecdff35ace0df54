using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Web.Queries;

/// <summary>One region's league table of a standard indicator for a year: the chambers the user may see, and the
/// region's aggregates over every chamber with an actual (the same figures as <c>bi.confronto</c>).</summary>
public sealed record RegionLeague(string Region, IReadOnlyList<ComparisonRow> Rows, int Chambers, decimal? FirstQuartile, decimal? Median, decimal? ThirdQuartile);

/// <summary>The Confronto page: the standard indicators, the years, and the league tables of the one chosen.</summary>
public sealed record Comparison(
    IReadOnlyList<(string Code, string Name)> Indicators, IReadOnlyList<int> Years,
    string? Indicator, string? IndicatorName, string? Unit, string? Polarity, int? Year, IReadOnlyList<RegionLeague> Regions);

/// <summary>
/// The Confronto page and <c>/api/confronto</c>: chambers compared on a standard indicator (docs/indicators.md). As
/// with <c>bi.confronto</c> for a chamber role, a chamber user sees its own chambers' rows and the regions' median
/// and quartiles, never another chamber's figures; an administrator or region user sees every chamber.
/// </summary>
public sealed class ComparisonView(SqlDialect dialect)
{
    public async Task<Comparison> LoadAsync(ChamberScope scope, string? indicator, int? year, CancellationToken ct = default)
    {
        var all = await new ComparisonQueries(dialect).ListAsync(null, ct);
        var visible = scope.Filter(all, r => r.ChamberCode);
        var indicators = visible.Select(r => (r.IndicatorCode, r.Indicator)).Distinct().OrderBy(i => i.IndicatorCode, StringComparer.Ordinal).ToList();
        var chosen = indicators.FirstOrDefault(i => string.Equals(i.IndicatorCode, indicator?.Trim(), StringComparison.OrdinalIgnoreCase)).IndicatorCode
                     ?? indicators.FirstOrDefault().IndicatorCode;
        var ofIndicator = visible.Where(r => r.IndicatorCode == chosen).ToList();
        var years = ofIndicator.Select(r => r.Year).Distinct().Order().ToList();
        // the chosen year, else the latest with a ranked chamber, else the latest
        int? shown = year is { } y && years.Contains(y) ? y
            : ofIndicator.Where(r => r.Rank is not null).Select(r => (int?)r.Year).Max() ?? (years.Count > 0 ? years[^1] : null);
        var regions = ofIndicator.Where(r => r.Year == shown)
            .GroupBy(r => r.Region)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionLeague(g.Key, g.ToList(), g.First().Chambers, g.First().FirstQuartile, g.First().Median, g.First().ThirdQuartile))
            .ToList();
        var first = ofIndicator.FirstOrDefault();
        return new Comparison(indicators, years, chosen, first?.Indicator, first?.Unit, first?.Polarity, shown, regions);
    }
}
