using Pipeline.Core.Feeds;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Feeds;

public sealed class CompanyMetricTests
{
    private const string StartUp = "START-UP INNOVATIVA";

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static CompanyRow Company(
        string name, string status = "ATTIVA", string? registered = "2010-05-01", string? ceased = null,
        string? section = null, string? sectionRegistered = null, bool drawer = false, string? drawerActivated = null) =>
        new(1, "CB", "100", "01234567890", name, "SRL", status, Day(registered), Day(ceased), "62.01",
            section, Day(sectionRegistered), drawer, Day(drawerActivated));

    private static (MetricResult Result, string[] Counted) Run(string metric, string period, Dictionary<string, string> parameters, IEnumerable<CompanyRow> rows)
    {
        var accumulator = MetricCatalog.Get(metric).Start(parameters, Period.Parse(period));
        var counted = rows.Where(accumulator.Add).Select(r => r.Name!).ToArray();
        return (accumulator.Result(), counted);
    }

    private static readonly CompanyRow[] Registry =
    [
        Company("c1"),                                                 // active since 2010
        Company("c2", registered: null),                               // no registration date: counts as registered
        Company("c3", registered: "2022-01-10"),                       // registered after the end of 2021
        Company("c4", ceased: "2021-07-15"),                           // ceased in 2021-S2
        Company("c5", ceased: "2022-03-01"),                           // ceased after the end of 2021
        Company("c6", status: "CESSATA", ceased: "2020-02-01"),
        Company("c7", status: "INATTIVA"),
        Company("c8", registered: "2021-12-31"),                       // registered on the last day of 2021
        Company("c9", registered: "2015-01-01", ceased: "2021-12-31"), // ceased on the last day of 2021: ceased by then
    ];

    [Theory]
    // at 31/12/2021: c1, c2, c5, c8 (c3 registered later, c4 and c9 ceased by then, c6 and c7 not ATTIVA) = 4
    [InlineData("2021", 4, new[] { "c1", "c2", "c5", "c8" })]
    // at 30/6/2021: c1, c2, c4 (ceases in July), c5, c9 (ceases in December); c8 not yet registered = 5
    [InlineData("2021-S1", 5, new[] { "c1", "c2", "c4", "c5", "c9" })]
    // at 31/12/2022: c1, c2, c3, c8 (c5 ceased 1/3/2022) = 4
    [InlineData("2022", 4, new[] { "c1", "c2", "c3", "c8" })]
    public void Active_companies_at_the_period_end(string period, long expected, string[] counted)
    {
        var (result, added) = Run("registry.active_companies", period, [], Registry);
        Assert.Equal(new MetricResult("registry.active_companies", period, expected, "n.", expected, null, 9), result);
        Assert.Equal(counted, added);
    }

    [Fact]
    public void No_companies_count_zero()
    {
        var (result, _) = Run("registry.active_companies", "2021", [], []);
        Assert.Equal(new MetricResult("registry.active_companies", "2021", 0m, "n.", 0, null, 0), result);
    }

    private static readonly CompanyRow[] Sections =
    [
        Company("s1", section: StartUp, sectionRegistered: "2020-03-01"),                       // in at both dates
        Company("s2", section: StartUp, sectionRegistered: "2021-05-01"),                       // enrolled during 2021
        Company("s3", section: StartUp, sectionRegistered: "2022-02-01"),                       // enrolled after the end of 2021
        Company("s4", registered: "2018-01-01", section: "start-up innovativa ", sectionRegistered: null), // case and blanks differ
        Company("s5", section: "PMI INNOVATIVA", sectionRegistered: "2019-01-01"),               // another section
        Company("s6", registered: "2019-01-01", ceased: "2021-09-01", section: StartUp, sectionRegistered: "2019-06-01"), // ceased in 2021
        Company("s7", registered: "2021-02-01", section: StartUp, sectionRegistered: "2021-02-01"), // born in 2021
        Company("s8", status: "CESSATA", ceased: "2020-01-01", section: StartUp, sectionRegistered: "2019-01-01"),
        Company("s9", section: null),
    ];

    [Theory]
    // at 31/12/2021: s1, s2, s4, s7 = 4 (s3 enrolled later, s5 other section, s6 ceased, s8 not active)
    [InlineData("2021", StartUp, 4, new[] { "s1", "s2", "s4", "s7" })]
    // parameter trimmed and compared case-insensitively
    [InlineData("2021", "  start-up Innovativa ", 4, new[] { "s1", "s2", "s4", "s7" })]
    // at 30/6/2021: s1, s2 (enrolled 1/5), s4, s6 (ceases in September), s7 = 5
    [InlineData("2021-S1", StartUp, 5, new[] { "s1", "s2", "s4", "s6", "s7" })]
    // at 31/12/2020: s1, s4, s6 = 3
    [InlineData("2020", StartUp, 3, new[] { "s1", "s4", "s6" })]
    // at 31/12/2021, PMI: s5 = 1
    [InlineData("2021", "PMI INNOVATIVA", 1, new[] { "s5" })]
    public void Section_companies_at_the_period_end(string period, string section, long expected, string[] counted)
    {
        var (result, added) = Run("registry.section_companies", period, new() { ["section"] = section }, Sections);
        Assert.Equal(new MetricResult("registry.section_companies", period, expected, "n.", expected, null, 9), result);
        Assert.Equal(counted, added);
    }

    [Fact]
    public void Section_growth_over_one_year()
    {
        // 31/12/2021: s1, s2, s4, s7 = 4; 31/12/2020: s1, s4, s6 = 3; (4 - 3) / 3 × 100 = 33.333.. -> 33.33
        var (result, added) = Run("registry.section_growth_pct", "2021", new() { ["section"] = StartUp }, Sections);
        Assert.Equal(new MetricResult("registry.section_growth_pct", "2021", 33.33m, "%", 4, 3, 9), result);
        Assert.Equal(["s1", "s2", "s4", "s6", "s7"], added); // s6 counts one year earlier only
    }

    [Fact]
    public void Section_growth_of_a_semester_compares_with_the_same_day_a_year_earlier()
    {
        // 30/6/2021: s1, s2, s4, s6, s7 = 5; 30/6/2020: s1 (enrolled 1/3/2020), s4, s6 = 3; (5 - 3) / 3 × 100 = 66.666.. -> 66.67
        var (result, _) = Run("registry.section_growth_pct", "2021-S1", new() { ["section"] = StartUp }, Sections);
        Assert.Equal(new MetricResult("registry.section_growth_pct", "2021-S1", 66.67m, "%", 5, 3, 9), result);
    }

    [Fact]
    public void Section_growth_can_be_negative()
    {
        // s1 and s6 only: 31/12/2021 s1 = 1; 31/12/2020 s1, s6 = 2; (1 - 2) / 2 × 100 = -50
        var (result, _) = Run("registry.section_growth_pct", "2021", new() { ["section"] = StartUp }, Sections.Where(c => c.Name is "s1" or "s6"));
        Assert.Equal(new MetricResult("registry.section_growth_pct", "2021", -50m, "%", 1, 2, 2), result);
    }

    [Fact]
    public void Section_growth_from_zero_is_not_measurable()
    {
        // s2 and s7 enrolled in 2021: 31/12/2021 = 2, 31/12/2020 = 0 -> no value
        var (result, added) = Run("registry.section_growth_pct", "2021", new() { ["section"] = StartUp }, Sections.Where(c => c.Name is "s2" or "s7" or "s3"));
        Assert.Equal(new MetricResult("registry.section_growth_pct", "2021", null, "%", 2, 0, 3), result);
        Assert.Equal(["s2", "s7"], added);
    }

    private static readonly CompanyRow[] Drawers =
    [
        Company("k1", drawer: true, drawerActivated: "2020-01-10"),
        Company("k2", drawer: true, drawerActivated: null),         // activated, date unknown
        Company("k3", drawer: true, drawerActivated: "2022-01-05"), // activated after the end of 2021
        Company("k4", drawer: false),
        Company("k5", ceased: "2021-03-01", drawer: true, drawerActivated: "2019-01-01"), // not active: outside the population
        Company("k6", drawer: false, drawerActivated: "2020-01-01"), // a date without the flag does not count
    ];

    [Theory]
    // 31/12/2021: active k1, k2, k3, k4, k6 = 5; with an activated drawer k1, k2 = 2; 2 / 5 × 100 = 40
    [InlineData("2021", "40.00", 2, 5, new[] { "k1", "k2", "k3", "k4", "k6" })]
    // 31/12/2022: k3 now counts too: 3 / 5 × 100 = 60
    [InlineData("2022", "60.00", 3, 5, new[] { "k1", "k2", "k3", "k4", "k6" })]
    // 31/12/2020: k5 still active (ceases 1/3/2021): k1..k6 = 6; drawers k1, k2, k5 = 3; 3 / 6 × 100 = 50
    [InlineData("2020", "50.00", 3, 6, new[] { "k1", "k2", "k3", "k4", "k5", "k6" })]
    public void Cassetto_share_of_active_companies(string period, string value, long withDrawer, long active, string[] counted)
    {
        var (result, added) = Run("registry.cassetto_share", period, [], Drawers);
        Assert.Equal(new MetricResult("registry.cassetto_share", period, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "%", withDrawer, active, 6), result);
        Assert.Equal(counted, added);
    }

    [Fact]
    public void Cassetto_share_without_active_companies_is_not_measurable()
    {
        var (result, _) = Run("registry.cassetto_share", "2021", [], [Company("gone", status: "CESSATA", ceased: "2020-01-01", drawer: true)]);
        Assert.Equal(new MetricResult("registry.cassetto_share", "2021", null, "%", 0, 0, 1), result);
    }

    [Fact]
    public void A_company_metric_takes_no_practices()
    {
        var accumulator = MetricCatalog.Get("registry.active_companies").Start(new Dictionary<string, string>(), Period.Parse("2021"));
        var practice = new PracticeRow(2, "P1", new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 2), PracticeStatus.Evasa, null, 0, null, null);
        Assert.False(accumulator.Add(practice));
    }
}
