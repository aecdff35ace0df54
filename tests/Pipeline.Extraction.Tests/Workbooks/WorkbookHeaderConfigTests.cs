using Pipeline.Core.Configuration;
using Pipeline.Extraction.Excel;

namespace Pipeline.Extraction.Tests.Workbooks;

/// <summary>config/workbook-headers.json: read through the one reader; each mistake names the file and the setting.</summary>
public sealed class WorkbookHeaderConfigTests
{
    [Fact]
    public void A_file_with_comments_and_some_roles_reads_with_the_default_search_depth()
    {
        var config = WorkbookHeaderConfig.Parse(
            """
            { "$comment": "custom", // rows
              "roles": { "kpi_code": ["Cod. ind."], "target": ["Obiettivo atteso", "Target"], },
              "legendMarkers": ["Legenda", ""] }
            """, "workbook-headers.json");
        Assert.Equal(30, config.HeaderSearchRows);
        Assert.Equal([(ColumnRole.Target, "obiettivo atteso"), (ColumnRole.KpiCode, "cod ind"), (ColumnRole.Target, "target")], config.Synonyms);
        Assert.Equal(["legenda"], config.LegendMarkers);
    }

    [Theory]
    [InlineData("""{ "roles": { "kpi": ["Indicatore"] }, }}""", "workbook-headers.json: not valid JSON: ")]
    [InlineData("""{ "roles": { "kpi": "Indicatore" } }""", "workbook-headers.json: roles.kpi: expected a list of texts, found 'Indicatore' (line 1)")]
    [InlineData("""{ "headerSearchRows": 10 }""", "workbook-headers.json: roles: required (the header synonyms of each column role)")]
    [InlineData("""{ "headerSearchRows": 0, "roles": {} }""", "workbook-headers.json: headerSearchRows: must be from 1 to 1000 rows (not 0)")]
    [InlineData("""{ "roles": { "indicator": ["Indicatore"] } }""", "workbook-headers.json: roles.indicator: unknown role (known: area, strategic, objective_code")]
    [InlineData("""{ "roles": {}, "legend_markers": [] }""", "workbook-headers.json: legend_markers: unknown setting (known: roles, legendMarkers, headerSearchRows) (line 1)")]
    public void A_mistake_names_the_file_and_the_setting(string json, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => WorkbookHeaderConfig.Parse(json, "workbook-headers.json"));
        Assert.StartsWith(message, ex.Message);
    }
}
