namespace Pipeline.Core.Feeds;

/// <summary>The registry feed metrics, by id. The ids and their parameters are a public surface.</summary>
public static class MetricCatalog
{
    /// <summary>Every metric: practices first, then companies.</summary>
    public static IReadOnlyList<FeedMetric> All { get; } =
    [
        new PracticesWithinDaysMetric(),
        new MeanProcessingDaysMetric(),
        new ActiveCompaniesMetric(),
        new SectionCompaniesMetric(),
        new SectionGrowthMetric(),
        new CassettoShareMetric(),
    ];

    /// <summary>The metric with this id (case-insensitive).</summary>
    /// <exception cref="MetricException">No metric has this id.</exception>
    public static FeedMetric Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new MetricException($"unknown metric '{id}' (known: {string.Join(", ", All.Select(m => m.Id))})");
    }
}
