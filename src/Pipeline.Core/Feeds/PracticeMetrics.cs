using Pipeline.Core.Values;

namespace Pipeline.Core.Feeds;

/// <summary>
/// How a practice metric counts processing days (<c>days_kind</c>, <c>net_of_suspension</c>, <c>patron</c>) and
/// which practices it measures: those with status EVASA processed inside the period.
/// </summary>
internal sealed record ProcessingRule(DaysKind Kind, bool NetOfSuspension, MonthDay? Patron)
{
    public static readonly MetricParameter DaysKindParameter =
        new("days_kind", "'calendar' or 'working' (Monday to Friday, national holidays and the patron day excluded)", false, "working");

    public static readonly MetricParameter NetOfSuspensionParameter =
        new("net_of_suspension", "'true' to subtract the practice's suspension days, 'false' to keep them", false, "true");

    public static readonly MetricParameter PatronParameter =
        new("patron", "the local patron saint's day as MM-DD (e.g. 06-24), a non-working day; optional", false, null);

    public static ProcessingRule Read(MetricArguments arguments) =>
        new(arguments.DaysKind("days_kind"), arguments.Flag("net_of_suspension"), arguments.OptionalMonthDay("patron"));

    /// <summary>True for a practice in the population: EVASA, with its processing day inside <paramref name="period"/>.</summary>
    public static bool InPopulation(PracticeRow row, Period period) =>
        row.Status == PracticeStatus.Evasa && row.Processed is { } processed && period.Contains(processed);

    /// <summary>The processing days of a practice in the population.</summary>
    public int Days(PracticeRow row)
    {
        if (row.SuspensionDays < 0)
            throw new ArgumentException($"practice at row {row.RowNumber} has negative suspension days ({row.SuspensionDays})", nameof(row));
        return ProcessingDays.Count(row.Registered, row.Processed!.Value, Kind, Patron, row.SuspensionDays, NetOfSuspension);
    }
}

/// <summary><c>ri.practices_within_days</c>: the share of processed practices processed within a number of days.</summary>
internal sealed class PracticesWithinDaysMetric : FeedMetric
{
    public override string Id => "ri.practices_within_days";
    public override FeedKind Kind => FeedKind.Practices;
    public override string Unit => "%";
    public override string Description =>
        "Percentage of the practices processed (EVASA) in the period whose processing days are at most 'days'";

    public override bool IsShare => true;

    public override IReadOnlyList<MetricParameter> Parameters { get; } =
    [
        new("days", "the maximum processing days, a whole number ≥ 0", true, null),
        ProcessingRule.DaysKindParameter,
        ProcessingRule.NetOfSuspensionParameter,
        ProcessingRule.PatronParameter,
    ];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period)
    {
        var days = arguments.NonNegativeInt("days");
        var rule = ProcessingRule.Read(arguments);
        return new Accumulator(this, period, arguments, days, rule);
    }

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments, int days, ProcessingRule rule)
        : MetricAccumulator(metric, period, arguments)
    {
        private long population;
        private long within;

        public override bool Add(PracticeRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            if (!ProcessingRule.InPopulation(row, Period)) return false;
            population++;
            if (rule.Days(row) <= days) within++;
            return true;
        }

        public override MetricResult Result() => Percentage(within, population);
    }
}

/// <summary><c>ri.mean_processing_days</c>: the mean processing days of the practices processed in the period.</summary>
internal sealed class MeanProcessingDaysMetric : FeedMetric
{
    public override string Id => "ri.mean_processing_days";
    public override FeedKind Kind => FeedKind.Practices;
    public override string Unit => "gg";
    public override string Description => "Mean processing days of the practices processed (EVASA) in the period";

    public override IReadOnlyList<MetricParameter> Parameters { get; } =
    [
        ProcessingRule.DaysKindParameter,
        ProcessingRule.NetOfSuspensionParameter,
        ProcessingRule.PatronParameter,
    ];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period) =>
        new Accumulator(this, period, arguments, ProcessingRule.Read(arguments));

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments, ProcessingRule rule)
        : MetricAccumulator(metric, period, arguments)
    {
        private long population;
        private long totalDays;

        public override bool Add(PracticeRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            if (!ProcessingRule.InPopulation(row, Period)) return false;
            population++;
            totalDays += rule.Days(row);
            return true;
        }

        public override MetricResult Result() => Mean(totalDays, population);
    }
}
