using Pipeline.Core.Feeds;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Feeds;

public sealed class PracticeMetricTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static PracticeRow Practice(string protocol, string registered, string? processed, PracticeStatus status = PracticeStatus.Evasa, int suspension = 0) =>
        new(1, protocol, Day(registered), processed is null ? null : Day(processed), status, null, suspension, null, null);

    /// <summary>
    /// Hand-computed processing days (working / calendar, net of suspension, no patron):
    /// A Mon 1/3 -> Fri 5/3: 2, 3, 4, 5 = 4 working; 4 calendar.
    /// B Mon 1/3 -> Thu 11/3, 3 suspended: 2-5, 8-11 = 8 working - 3 = 5 (8 gross); 10 - 3 = 7 calendar (10 gross).
    /// C Fri 11/6 -> Fri 18/6: 14-18 = 5 working; 7 calendar.
    /// D Wed 31/3 -> Thu 8/4: 1, 2, (3, 4 weekend), (5 Easter Monday), 6, 7, 8 = 5 working; 8 calendar.
    /// E Thu 2/12 -> Mon 13/12: 3, 6, 7, (8 holiday), 9, 10, 13 = 6 working (5 with Milano's patron 12-07); 11 calendar.
    /// J Thu 1/7 -> Mon 12/7: 2, 5, 6, 7, 8, 9, 12 = 7 working; 11 calendar.
    /// F Tue 28/12/2021 -> Tue 4/1/2022: 29, 30, 31, (1, 2 weekend), 3, 4 = 5 working; 7 calendar — counts in 2022 only.
    /// The others are not in any 2021 population.
    /// </summary>
    private static readonly PracticeRow[] Rows =
    [
        Practice("A", "2021-03-01", "2021-03-05"),
        Practice("B", "2021-03-01", "2021-03-11", suspension: 3),
        Practice("C", "2021-06-11", "2021-06-18"),
        Practice("D", "2021-03-31", "2021-04-08"),
        Practice("E", "2021-12-02", "2021-12-13"),
        Practice("J", "2021-07-01", "2021-07-12"),
        Practice("F", "2021-12-28", "2022-01-04"),
        Practice("open", "2021-05-03", null, PracticeStatus.InLavorazione),
        Practice("suspended", "2021-05-03", null, PracticeStatus.Sospesa, 10),
        Practice("evasa-without-date", "2021-05-03", null),
        Practice("rejected", "2021-05-03", "2021-05-04", PracticeStatus.Respinta),
        Practice("cancelled", "2021-05-03", "2021-05-04", PracticeStatus.Annullata),
        Practice("last-year", "2020-12-20", "2020-12-30"),
    ];

    private static MetricResult Run(string metric, string period, Dictionary<string, string> parameters, IEnumerable<PracticeRow> rows)
    {
        var accumulator = MetricCatalog.Get(metric).Start(parameters, Period.Parse(period));
        foreach (var row in rows) accumulator.Add(row);
        return accumulator.Result();
    }

    public static TheoryData<string, Dictionary<string, string>, string, long, long> WithinDaysCases => new()
    {
        // working, net: A4 B5 C5 D5 in, E6 J7 out -> 4/6 = 66.666.. -> 66.67
        { "2021", new() { ["days"] = "5" }, "66.67", 4, 6 },
        // Milano patron: E becomes 5 -> 5/6 = 83.333.. -> 83.33
        { "2021", new() { ["days"] = "5", ["patron"] = "12-07" }, "83.33", 5, 6 },
        // gross of suspension: B is 8 -> A, C, D -> 3/6 = 50
        { "2021", new() { ["days"] = "5", ["net_of_suspension"] = "false" }, "50.00", 3, 6 },
        // calendar, net: A4 in; B7 C7 D8 E11 J11 out -> 1/6 = 16.666.. -> 16.67
        { "2021", new() { ["days"] = "5", ["days_kind"] = "calendar" }, "16.67", 1, 6 },
        // calendar, 7 days: A4 B7 C7 in -> 3/6 = 50
        { "2021", new() { ["days"] = "7", ["days_kind"] = "calendar" }, "50.00", 3, 6 },
        // 0 days: nobody -> 0/6 = 0 (measurable, not null)
        { "2021", new() { ["days"] = "0" }, "0.00", 0, 6 },
        // first semester: A, B, C, D (processed in March, March, June, April), all within 5 -> 4/4 = 100
        { "2021-S1", new() { ["days"] = "5" }, "100.00", 4, 4 },
        // second semester: E6, J7 -> 0/2 = 0
        { "2021-S2", new() { ["days"] = "5" }, "0.00", 0, 2 },
        // second semester with Milano's patron: E5 -> 1/2 = 50
        { "2021-S2", new() { ["days"] = "5", ["patron"] = "12-07" }, "50.00", 1, 2 },
        // 2022: F only (registered 2021, processed 2022), 5 working days -> 1/1 = 100
        { "2022", new() { ["days"] = "5" }, "100.00", 1, 1 },
        // 2022 in calendar days: F is 7 -> 0/1 = 0
        { "2022", new() { ["days"] = "5", ["days_kind"] = "calendar" }, "0.00", 0, 1 },
        // 2020: "last-year" (20/12 -> 30/12/2020: 21, 22, 23, 24, (25, 26 holidays, 27 Sunday), 28, 29, 30 = 7) -> 0/1
        { "2020", new() { ["days"] = "5" }, "0.00", 0, 1 },
        { "2020", new() { ["days"] = "7" }, "100.00", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(WithinDaysCases))]
    public void Practices_within_days(string period, Dictionary<string, string> parameters, string value, long numerator, long denominator)
    {
        var result = Run("ri.practices_within_days", period, parameters, Rows);
        Assert.Equal(new MetricResult("ri.practices_within_days", period, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "%", numerator, denominator, 13), result);
    }

    [Fact]
    public void Add_reports_which_practices_are_in_the_population()
    {
        var accumulator = MetricCatalog.Get("ri.practices_within_days").Start(new Dictionary<string, string> { ["days"] = "5" }, Period.Parse("2021"));
        var counted = Rows.Where(accumulator.Add).Select(r => r.Protocol).ToArray();
        Assert.Equal(["A", "B", "C", "D", "E", "J"], counted);
    }

    [Fact]
    public void Empty_population_is_not_measurable()
    {
        // nothing was processed in 2023; 13 rows were looked at
        var within = Run("ri.practices_within_days", "2023", new() { ["days"] = "5" }, Rows);
        Assert.Equal(new MetricResult("ri.practices_within_days", "2023", null, "%", 0, 0, 13), within);
        var mean = Run("ri.mean_processing_days", "2023", [], Rows);
        Assert.Equal(new MetricResult("ri.mean_processing_days", "2023", null, "gg", 0, 0, 13), mean);
        var none = Run("ri.mean_processing_days", "2021", [], []);
        Assert.Equal(new MetricResult("ri.mean_processing_days", "2021", null, "gg", 0, 0, 0), none);
    }

    public static TheoryData<string, Dictionary<string, string>, string, long, long> MeanCases => new()
    {
        // working, net: 4 + 5 + 5 + 5 + 6 + 7 = 32; 32 / 6 = 5.333.. -> 5.33
        { "2021", new(), "5.33", 32, 6 },
        // Milano patron: E is 5 -> 31; 31 / 6 = 5.1666.. -> 5.17
        { "2021", new() { ["patron"] = "12-07" }, "5.17", 31, 6 },
        // working, gross: B is 8 -> 35; 35 / 6 = 5.8333.. -> 5.83
        { "2021", new() { ["net_of_suspension"] = "false" }, "5.83", 35, 6 },
        // calendar, net: 4 + 7 + 7 + 8 + 11 + 11 = 48; 48 / 6 = 8
        { "2021", new() { ["days_kind"] = "calendar" }, "8.00", 48, 6 },
        // calendar, gross: B is 10 -> 51; 51 / 6 = 8.5
        { "2021", new() { ["days_kind"] = "calendar", ["net_of_suspension"] = "false" }, "8.50", 51, 6 },
        // first semester: 4 + 5 + 5 + 5 = 19; 19 / 4 = 4.75
        { "2021-S1", new(), "4.75", 19, 4 },
        // second semester: 6 + 7 = 13; 13 / 2 = 6.5
        { "2021-S2", new(), "6.50", 13, 2 },
        // 2022: F, 5 working days
        { "2022", new(), "5.00", 5, 1 },
    };

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void Mean_processing_days(string period, Dictionary<string, string> parameters, string value, long sum, long population)
    {
        var result = Run("ri.mean_processing_days", period, parameters, Rows);
        Assert.Equal(new MetricResult("ri.mean_processing_days", period, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "gg", sum, population, 13), result);
    }

    [Fact]
    public void Suspension_longer_than_the_processing_time_counts_as_zero_days()
    {
        // Mon 1/3 -> Fri 5/3/2021: 4 working days, 9 suspended -> 0 (not -5); Mon 1/3 -> Mon 8/3: 5 working, none suspended
        PracticeRow[] rows = [Practice("S", "2021-03-01", "2021-03-05", suspension: 9), Practice("T", "2021-03-01", "2021-03-08")];
        var mean = Run("ri.mean_processing_days", "2021", [], rows);
        Assert.Equal(new MetricResult("ri.mean_processing_days", "2021", 2.5m, "gg", 5, 2, 2), mean); // (0 + 5) / 2
        var within = Run("ri.practices_within_days", "2021", new() { ["days"] = "0" }, rows);
        Assert.Equal(new MetricResult("ri.practices_within_days", "2021", 50m, "%", 1, 2, 2), within); // S only: 1/2
    }

    [Fact]
    public void Means_round_half_away_from_zero()
    {
        // one practice of 1 working day (Mon 1/3 -> Tue 2/3) and seven same-day ones: 1 / 8 = 0.125 -> 0.13
        var rows = new List<PracticeRow> { Practice("one", "2021-03-01", "2021-03-02") };
        for (var i = 0; i < 7; i++) rows.Add(Practice($"same-{i}", "2021-03-01", "2021-03-01"));
        var mean = Run("ri.mean_processing_days", "2021", [], rows);
        Assert.Equal(0.13m, mean.Value);
    }

    [Fact]
    public void Percentages_round_half_away_from_zero()
    {
        // 1 same-day practice within 0 days out of 32: 100 / 32 = 3.125 -> 3.13; the other 31 take 1 day (Mon 1/3 -> Tue 2/3)
        var rows = new List<PracticeRow> { Practice("same", "2021-03-01", "2021-03-01") };
        for (var i = 0; i < 31; i++) rows.Add(Practice($"one-{i}", "2021-03-01", "2021-03-02"));
        var within = Run("ri.practices_within_days", "2021", new() { ["days"] = "0" }, rows);
        Assert.Equal(new MetricResult("ri.practices_within_days", "2021", 3.13m, "%", 1, 32, 32), within);
    }

    [Fact]
    public void A_practice_metric_takes_no_companies()
    {
        var accumulator = MetricCatalog.Get("ri.practices_within_days").Start(new Dictionary<string, string> { ["days"] = "5" }, Period.Parse("2021"));
        var company = new CompanyRow(2, "CB", "1", "00000000000", "X", "SRL", "ATTIVA", null, null, null, null, null, false, null);
        Assert.False(accumulator.Add(company));
        Assert.Equal(new MetricResult("ri.practices_within_days", "2021", null, "%", 0, 0, 0), accumulator.Result());
    }
}
