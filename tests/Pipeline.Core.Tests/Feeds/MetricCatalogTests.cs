using Pipeline.Core.Feeds;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Feeds;

public sealed class MetricCatalogTests
{
    private static readonly Period Year2021 = Period.Parse("2021");

    [Fact]
    public void Catalog_lists_exactly_the_public_metrics()
    {
        var metrics = MetricCatalog.All.Select(m => (m.Id, m.Kind, m.Unit)).ToArray();
        Assert.Equal(
        [
            ("ri.practices_within_days", FeedKind.Practices, "%"),
            ("ri.mean_processing_days", FeedKind.Practices, "gg"),
            ("registry.active_companies", FeedKind.Companies, "n."),
            ("registry.section_companies", FeedKind.Companies, "n."),
            ("registry.section_growth_pct", FeedKind.Companies, "%"),
            ("registry.cassetto_share", FeedKind.Companies, "%"),
        ], metrics);
        Assert.All(MetricCatalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Description)));
    }

    [Theory]
    [InlineData("ri.practices_within_days", "days:required:|days_kind:optional:working|net_of_suspension:optional:true|patron:optional:")]
    [InlineData("ri.mean_processing_days", "days_kind:optional:working|net_of_suspension:optional:true|patron:optional:")]
    [InlineData("registry.active_companies", "")]
    [InlineData("registry.section_companies", "section:required:")]
    [InlineData("registry.section_growth_pct", "section:required:")]
    [InlineData("registry.cassetto_share", "")]
    public void Parameters_and_defaults(string id, string expected)
    {
        var parameters = MetricCatalog.Get(id).Parameters
            .Select(p => $"{p.Name}:{(p.Required ? "required" : "optional")}:{p.Default}");
        Assert.Equal(expected, string.Join("|", parameters));
        Assert.All(MetricCatalog.Get(id).Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Theory]
    [InlineData("ri.practices_within_days")]
    [InlineData("RI.Practices_Within_Days")]
    public void Get_finds_a_metric_by_id(string id) =>
        Assert.Equal("ri.practices_within_days", MetricCatalog.Get(id).Id);

    [Fact]
    public void Unknown_metric()
    {
        var e = Assert.Throws<MetricException>(() => MetricCatalog.Get("ri.processing_speed"));
        Assert.StartsWith("unknown metric 'ri.processing_speed' (known: ", e.Message);
        Assert.Contains("ri.practices_within_days, ri.mean_processing_days, registry.active_companies, registry.section_companies, registry.section_growth_pct, registry.cassetto_share", e.Message);
    }

    public static TheoryData<string, Dictionary<string, string>, string> CanonicalCases => new()
    {
        { "ri.practices_within_days", new() { ["days"] = "5" }, "days=5;days_kind=working;net_of_suspension=true" },
        { "ri.practices_within_days", new() { ["days"] = "5", ["patron"] = "06-24" }, "days=5;days_kind=working;net_of_suspension=true;patron=06-24" },
        // names in any case, keyword values normalised, leading zeros dropped
        { "ri.practices_within_days", new() { ["Patron"] = "12-07", ["DAYS_KIND"] = "Calendar", ["Days"] = "07", ["Net_Of_Suspension"] = "FALSE" },
            "days=7;days_kind=calendar;net_of_suspension=false;patron=12-07" },
        // a blank value is not given: the default applies, an optional parameter is left out
        { "ri.practices_within_days", new() { ["days"] = "10", ["days_kind"] = " ", ["patron"] = "" }, "days=10;days_kind=working;net_of_suspension=true" },
        { "ri.mean_processing_days", new(), "days_kind=working;net_of_suspension=true" },
        { "ri.mean_processing_days", new() { ["patron"] = "04-23" }, "days_kind=working;net_of_suspension=true;patron=04-23" },
        { "registry.active_companies", new(), "" },
        { "registry.cassetto_share", new(), "" },
        { "registry.section_companies", new() { ["SECTION"] = "  start-up innovativa " }, "section=START-UP INNOVATIVA" },
        { "registry.section_growth_pct", new() { ["section"] = "PMI INNOVATIVA" }, "section=PMI INNOVATIVA" },
    };

    [Theory]
    [MemberData(nameof(CanonicalCases))]
    public void Canonical_parameters_are_sorted_lower_case_and_defaulted(string id, Dictionary<string, string> parameters, string expected)
    {
        var accumulator = MetricCatalog.Get(id).Start(parameters, Year2021);
        Assert.Equal(expected, accumulator.CanonicalParameters);
        Assert.Equal(id, accumulator.Metric);
        Assert.Equal(Year2021, accumulator.Period);
    }

    public static TheoryData<string, Dictionary<string, string>, string[]> InvalidCases => new()
    {
        // unknown parameter: the message lists the accepted ones
        { "ri.practices_within_days", new() { ["days"] = "5", ["day_kind"] = "working" },
            ["metric 'ri.practices_within_days'", "unknown parameter 'day_kind'", "accepted: days, days_kind, net_of_suspension, patron"] },
        { "registry.active_companies", new() { ["section"] = "X" },
            ["metric 'registry.active_companies'", "unknown parameter 'section'", "accepted: none"] },
        { "ri.mean_processing_days", new() { ["days"] = "5" },
            ["metric 'ri.mean_processing_days'", "unknown parameter 'days'", "accepted: days_kind, net_of_suspension, patron"] },
        // the same parameter twice, spelled differently
        { "ri.practices_within_days", new() { ["days"] = "5", ["DAYS"] = "6" },
            ["metric 'ri.practices_within_days'", "'days' is given twice"] },
        // missing required parameter
        { "ri.practices_within_days", new(), ["metric 'ri.practices_within_days'", "missing required parameter 'days'", "whole number"] },
        { "ri.practices_within_days", new() { ["days"] = "  " }, ["metric 'ri.practices_within_days'", "missing required parameter 'days'"] },
        { "registry.section_companies", new(), ["metric 'registry.section_companies'", "missing required parameter 'section'"] },
        { "registry.section_growth_pct", new() { ["section"] = "" }, ["metric 'registry.section_growth_pct'", "missing required parameter 'section'"] },
        // bad integers
        { "ri.practices_within_days", new() { ["days"] = "five" }, ["metric 'ri.practices_within_days'", "parameter 'days'", "whole number ≥ 0", "got 'five'"] },
        { "ri.practices_within_days", new() { ["days"] = "-1" }, ["parameter 'days'", "whole number ≥ 0", "got '-1'"] },
        { "ri.practices_within_days", new() { ["days"] = "5.5" }, ["parameter 'days'", "got '5.5'"] },
        { "ri.practices_within_days", new() { ["days"] = "+5" }, ["parameter 'days'", "got '+5'"] },
        { "ri.practices_within_days", new() { ["days"] = " 5" }, ["parameter 'days'", "got ' 5'"] },
        { "ri.practices_within_days", new() { ["days"] = "99999999999" }, ["parameter 'days'", "got '99999999999'"] },
        // bad days_kind
        { "ri.practices_within_days", new() { ["days"] = "5", ["days_kind"] = "lavorativi" },
            ["metric 'ri.practices_within_days'", "parameter 'days_kind'", "'calendar' or 'working'", "got 'lavorativi'"] },
        { "ri.mean_processing_days", new() { ["days_kind"] = "work" }, ["metric 'ri.mean_processing_days'", "parameter 'days_kind'", "'calendar' or 'working'"] },
        // bad flag
        { "ri.practices_within_days", new() { ["days"] = "5", ["net_of_suspension"] = "yes" },
            ["metric 'ri.practices_within_days'", "parameter 'net_of_suspension'", "'true' or 'false'", "got 'yes'"] },
        { "ri.mean_processing_days", new() { ["net_of_suspension"] = "1" }, ["parameter 'net_of_suspension'", "'true' or 'false'"] },
        // bad patron
        { "ri.practices_within_days", new() { ["days"] = "5", ["patron"] = "6-24" },
            ["metric 'ri.practices_within_days'", "parameter 'patron'", "MM-DD", "got '6-24'"] },
        { "ri.practices_within_days", new() { ["days"] = "5", ["patron"] = "24-06" }, ["parameter 'patron'", "MM-DD", "got '24-06'"] },
        { "ri.practices_within_days", new() { ["days"] = "5", ["patron"] = "02-30" }, ["parameter 'patron'", "MM-DD", "got '02-30'"] },
        { "ri.mean_processing_days", new() { ["patron"] = "23/04" }, ["metric 'ri.mean_processing_days'", "parameter 'patron'", "got '23/04'"] },
        // a section that would break the canonical form
        { "registry.section_companies", new() { ["section"] = "A;B" }, ["metric 'registry.section_companies'", "parameter 'section'", "got 'A;B'"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_parameters_name_the_metric_and_the_parameter(string id, Dictionary<string, string> parameters, string[] fragments)
    {
        var e = Assert.Throws<MetricException>(() => MetricCatalog.Get(id).Start(parameters, Year2021));
        Assert.All(fragments, f => Assert.Contains(f, e.Message));
    }
}
