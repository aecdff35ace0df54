using Pipeline.Core.Values;

namespace Pipeline.Core.Feeds;

/// <summary>The company rules shared by the registry metrics, evaluated at a given day.</summary>
internal static class CompanyRules
{
    public static readonly MetricParameter SectionParameter =
        new("section", "the special section, compared trimmed and case-insensitively (e.g. START-UP INNOVATIVA)", true, null);

    /// <summary>
    /// Active at <paramref name="day"/>: status ATTIVA, registered on or before the day (no registration date
    /// counts as registered) and not ceased by then (no cessation date, or one after the day).
    /// </summary>
    public static bool IsActive(CompanyRow row, DateOnly day) =>
        string.Equals(row.Status?.Trim(), "ATTIVA", StringComparison.OrdinalIgnoreCase)
        && (row.Registered is null || row.Registered <= day)
        && (row.Ceased is null || row.Ceased > day);

    /// <summary>Active at <paramref name="day"/> and enrolled in <paramref name="section"/> (upper-case, trimmed) by then.</summary>
    public static bool InSection(CompanyRow row, string section, DateOnly day) =>
        IsActive(row, day)
        && string.Equals(row.Section?.Trim(), section, StringComparison.OrdinalIgnoreCase)
        && (row.SectionRegistered is null || row.SectionRegistered <= day);
}

/// <summary><c>registry.active_companies</c>: the companies active at the period end.</summary>
internal sealed class ActiveCompaniesMetric : FeedMetric
{
    public override string Id => "registry.active_companies";
    public override FeedKind Kind => FeedKind.Companies;
    public override string Unit => "n.";
    public override string Description =>
        "Companies active at the period end: status ATTIVA, registered by then and not ceased by then";

    public override IReadOnlyList<MetricParameter> Parameters { get; } = [];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period) =>
        new Accumulator(this, period, arguments);

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments)
        : MetricAccumulator(metric, period, arguments)
    {
        private long active;

        public override bool Add(CompanyRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            if (!CompanyRules.IsActive(row, Period.End)) return false;
            active++;
            return true;
        }

        public override MetricResult Result() => Count(active);
    }
}

/// <summary><c>registry.section_companies</c>: the active companies enrolled in a special section at the period end.</summary>
internal sealed class SectionCompaniesMetric : FeedMetric
{
    public override string Id => "registry.section_companies";
    public override FeedKind Kind => FeedKind.Companies;
    public override string Unit => "n.";
    public override string Description =>
        "Companies active at the period end and enrolled by then in the special section 'section'";

    public override IReadOnlyList<string> Columns => ["Section"];

    public override IReadOnlyList<MetricParameter> Parameters { get; } = [CompanyRules.SectionParameter];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period) =>
        new Accumulator(this, period, arguments, arguments.UpperText("section"));

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments, string section)
        : MetricAccumulator(metric, period, arguments)
    {
        private long count;

        public override bool Add(CompanyRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            if (!CompanyRules.InSection(row, section, Period.End)) return false;
            count++;
            return true;
        }

        public override MetricResult Result() => Count(count);
    }
}

/// <summary><c>registry.section_growth_pct</c>: the year-on-year growth of a special section at the period end.</summary>
internal sealed class SectionGrowthMetric : FeedMetric
{
    public override string Id => "registry.section_growth_pct";
    public override FeedKind Kind => FeedKind.Companies;
    public override string Unit => "%";
    public override string Description =>
        "Growth of the companies in the special section 'section' at the period end over the same day one year earlier, in percent";

    public override IReadOnlyList<string> Columns => ["Section"];

    public override IReadOnlyList<MetricParameter> Parameters { get; } = [CompanyRules.SectionParameter];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period) =>
        new Accumulator(this, period, arguments, arguments.UpperText("section"));

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments, string section)
        : MetricAccumulator(metric, period, arguments)
    {
        private readonly DateOnly yearBefore = period.End.AddYears(-1);
        private long atEnd;
        private long atYearBefore;

        public override bool Add(CompanyRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            var now = CompanyRules.InSection(row, section, Period.End);
            var before = CompanyRules.InSection(row, section, yearBefore);
            if (now) atEnd++;
            if (before) atYearBefore++;
            return now || before;
        }

        public override MetricResult Result() => Growth(atEnd, atYearBefore);
    }
}

/// <summary><c>registry.cassetto_share</c>: the share of active companies with an activated digital drawer.</summary>
internal sealed class CassettoShareMetric : FeedMetric
{
    public override string Id => "registry.cassetto_share";
    public override FeedKind Kind => FeedKind.Companies;
    public override string Unit => "%";
    public override string Description =>
        "Percentage of the companies active at the period end whose digital drawer (cassetto digitale) was activated by then";

    public override IReadOnlyList<string> Columns => ["Drawer"];

    public override bool IsShare => true;

    public override IReadOnlyList<MetricParameter> Parameters { get; } = [];

    private protected override MetricAccumulator CreateAccumulator(MetricArguments arguments, Period period) =>
        new Accumulator(this, period, arguments);

    private sealed class Accumulator(FeedMetric metric, Period period, MetricArguments arguments)
        : MetricAccumulator(metric, period, arguments)
    {
        private long active;
        private long withDrawer;

        public override bool Add(CompanyRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            RowsConsidered++;
            if (!CompanyRules.IsActive(row, Period.End)) return false;
            active++;
            if (row.DigitalDrawer && (row.DrawerActivated is null || row.DrawerActivated <= Period.End)) withDrawer++;
            return true;
        }

        public override MetricResult Result() => Percentage(withDrawer, active);
    }
}
