using Pipeline.Core.Values;

namespace Pipeline.Core.Feeds;

/// <summary>A parameter a metric accepts: its lower-case name, what it means, whether it is required, its default.</summary>
public sealed record MetricParameter(string Name, string Description, bool Required, string? Default);

/// <summary>
/// The value of one metric for one period. <see cref="Value"/> is null when the metric is not measurable (its
/// denominator is 0); percentages and means are rounded to 2 decimals (half away from zero), counts are exact.
/// <see cref="RowsConsidered"/> is the number of rows passed to the accumulator.
/// </summary>
public sealed record MetricResult(
    string Metric,
    string Period,
    decimal? Value,
    string Unit,
    long? Numerator,
    long? Denominator,
    long RowsConsidered);

/// <summary>
/// A metric computed from a registry feed. <see cref="Start"/> validates the parameters and returns an
/// accumulator for one period, to which the rows are streamed one at a time.
/// </summary>
public abstract class FeedMetric
{
    private protected FeedMetric()
    {
    }

    /// <summary>The stable id, e.g. <c>ri.practices_within_days</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The feed whose rows the metric reads.</summary>
    public abstract FeedKind Kind { get; }

    /// <summary>The unit of <see cref="MetricResult.Value"/>: <c>%</c>, <c>gg</c>, <c>n.</c>.</summary>
    public abstract string Unit { get; }

    /// <summary>What the metric measures.</summary>
    public abstract string Description { get; }

    /// <summary>The parameters accepted, with their defaults.</summary>
    public abstract IReadOnlyList<MetricParameter> Parameters { get; }

    /// <summary>
    /// The columns the metric reads beyond those every feed of its kind must have, by role name (<c>Section</c>,
    /// <c>Drawer</c>, as the feed header vocabulary names the roles): a feed without one of them cannot give the
    /// metric, which is then not computed rather than computed from empty cells.
    /// </summary>
    public virtual IReadOnlyList<string> Columns => [];

    /// <summary>
    /// The value is a share of the rows counted: its numerator's rows are some of its denominator's (a trace can tell
    /// them apart), unlike a count, a mean or a growth.
    /// </summary>
    public virtual bool IsShare => false;

    /// <summary>
    /// Validates <paramref name="parameters"/> and starts an accumulator for <paramref name="period"/>. Names are
    /// case-insensitive; a null or blank value counts as not given (so the default applies). Values are read
    /// strictly: a whole number of digits only, <c>calendar</c>/<c>working</c>, <c>true</c>/<c>false</c> (these
    /// words in any case), <c>MM-DD</c>.
    /// </summary>
    /// <exception cref="MetricException">A parameter is unknown, given twice, missing or invalid.</exception>
    public MetricAccumulator Start(IReadOnlyDictionary<string, string> parameters, Period period)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(period);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var spelled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var declared = Parameters.FirstOrDefault(p => string.Equals(p.Name, key?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new MetricException($"metric '{Id}': unknown parameter '{key}' (accepted: {Accepted()})");
            if (spelled.TryGetValue(declared.Name, out var earlier))
                throw new MetricException($"metric '{Id}': parameter '{declared.Name}' is given twice ('{earlier}' and '{key}')");
            spelled[declared.Name] = key!;
            if (!string.IsNullOrWhiteSpace(value)) given[declared.Name] = value;
        }
        foreach (var p in Parameters)
        {
            if (given.ContainsKey(p.Name)) continue;
            if (p.Default is not null) given[p.Name] = p.Default;
            else if (p.Required) throw new MetricException($"metric '{Id}': missing required parameter '{p.Name}' ({p.Description})");
        }
        return CreateAccumulator(new MetricArguments(Id, given), period);
    }

    /// <summary>Parses the (validated, defaulted) arguments and creates the accumulator.</summary>
    private protected abstract MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period);

    private string Accepted() => Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Select(p => p.Name));
}

/// <summary>
/// The running state of one metric, with its parameters, for one period. Rows are added one at a time and
/// only counters are kept, so memory stays flat whatever the size of the feed.
/// </summary>
public abstract class MetricAccumulator
{
    private readonly string unit;

    private protected MetricAccumulator(FeedMetric metric, Period period, MetricArguments arguments)
    {
        Metric = metric.Id;
        unit = metric.Unit;
        Period = period;
        CanonicalParameters = arguments.Canonical;
    }

    /// <summary>The metric id.</summary>
    public string Metric { get; }

    /// <summary>The period measured.</summary>
    public Period Period { get; }

    /// <summary>
    /// The parameters in canonical form: <c>key=value</c> pairs joined by <c>;</c>, sorted by key, lower-case
    /// keys, defaults filled in, values normalised, parameters without a value left out
    /// (e.g. <c>days=5;days_kind=working;net_of_suspension=true;patron=06-24</c>).
    /// </summary>
    public string CanonicalParameters { get; }

    /// <summary>The number of rows passed to <see cref="Add(PracticeRow)"/> or <see cref="Add(CompanyRow)"/> so far.</summary>
    private protected long RowsConsidered { get; set; }

    /// <summary>Adds a practice; true when it counts (it is in the population). False for a company metric.</summary>
    public virtual bool Add(PracticeRow row) => false;

    /// <summary>Adds a company; true when it counts at the period end (or is in the population). False for a practice metric.</summary>
    public virtual bool Add(CompanyRow row) => false;

    /// <summary>The value over the rows added so far.</summary>
    public abstract MetricResult Result();

    private protected MetricResult Count(long count) =>
        new(Metric, Period.Code, count, unit, count, null, RowsConsidered);

    private protected MetricResult Percentage(long numerator, long denominator) =>
        new(Metric, Period.Code, denominator == 0 ? null : Round(numerator * 100m / denominator), unit, numerator, denominator, RowsConsidered);

    private protected MetricResult Mean(long sum, long count) =>
        new(Metric, Period.Code, count == 0 ? null : Round((decimal)sum / count), unit, sum, count, RowsConsidered);

    private protected MetricResult Growth(long now, long before) =>
        new(Metric, Period.Code, before == 0 ? null : Round((now - before) * 100m / before), unit, now, before, RowsConsidered);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
