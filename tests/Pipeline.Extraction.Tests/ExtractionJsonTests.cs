using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Extraction.Json;

namespace Pipeline.Extraction.Tests;

public sealed class ExtractionJsonTests
{
    private static ExtractedDocument Sample() => new()
    {
        Document = new DocumentInfo
        {
            File = "relazione-2021.pdf", Sha256 = "abc", Format = "pdf", Family = "integra-relazione", Chamber = "Foggia",
            DocType = "relazione", PeriodFrom = 2021, PeriodTo = 2021, Pages = 27,
        },
        Objectives = [new() { Id = "o12", Code = "OS.01.01", Level = "strategic", Title = "Competitività", Mission = "011", Programme = "005", ReportedAchievement = 99.83m, Source = SourceRef.ForPage(9, [56.7, 120.2, 540.1, 131.0]) }],
        Kpis =
        [
            new()
            {
                Id = "k40", Objective = "o12", Name = "Diffusione del cassetto digitale", KpiType = "efficacia", Unit = "%", Weight = 30,
                Baseline = new RawNumber("65%", 65m),
                Targets =
                [
                    new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 13.00m, ">= 13,00 %", "%")),
                    new ExtractedTarget("2022", TargetValue.Deadline("2022", new DateOnly(2022, 10, 30), "Entro 30/10/2022")),
                    new ExtractedTarget("2023", TargetValue.YesNo("2023", true, "SI")),
                ],
                Actuals =
                [
                    new ExtractedActual("2021", "21,66 %", 21.66m, SourceRef.ForPage(9, [56.7, 301.5, 540.1, 330.9])),
                    new ExtractedActual("2022", "28/10/2022", null) { Date = new DateOnly(2022, 10, 28) },
                ],
                Source = SourceRef.ForCell("Monitoraggio", "E12"),
            },
        ],
        Warnings = ["page 14: something"],
    };

    [Fact]
    public void Writes_the_contract_shape()
    {
        using var json = JsonDocument.Parse(ExtractionJson.Serialize(Sample()));
        var root = json.RootElement;
        Assert.Equal("pipeline.extraction/1", root.GetProperty("schema").GetString());
        Assert.Equal("relazione", root.GetProperty("document").GetProperty("doc_type").GetString());
        Assert.Equal(2021, root.GetProperty("document").GetProperty("period_from").GetInt32());
        var objective = root.GetProperty("objectives")[0];
        Assert.Equal(JsonValueKind.Null, objective.GetProperty("parent").ValueKind);
        Assert.Equal(9, objective.GetProperty("source").GetProperty("page").GetInt32());
        Assert.Equal(4, objective.GetProperty("source").GetProperty("bbox").GetArrayLength());
        var kpi = root.GetProperty("kpis")[0];
        Assert.Equal("efficacia", kpi.GetProperty("kpi_type").GetString());
        Assert.Equal(JsonValueKind.Null, kpi.GetProperty("source_system").ValueKind);
        Assert.Equal("65%", kpi.GetProperty("baseline").GetProperty("raw").GetString());
        var targets = kpi.GetProperty("targets");
        Assert.Equal(">=", targets[0].GetProperty("operator").GetString());
        Assert.Equal("13", targets[0].GetProperty("value").GetRawText());
        Assert.Equal("2022-10-30", targets[1].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.True, targets[2].GetProperty("value").ValueKind);
        Assert.Equal(21.66m, kpi.GetProperty("actuals")[0].GetProperty("value").GetDecimal());
        Assert.Equal("2022-10-28", kpi.GetProperty("actuals")[1].GetProperty("value").GetString());
        Assert.Equal("E12", kpi.GetProperty("source").GetProperty("cell").GetString());
    }

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var original = Sample();
        var again = ExtractionJson.Deserialize(ExtractionJson.Serialize(original));
        Assert.Equal(ExtractionJson.Serialize(original), ExtractionJson.Serialize(again));
        Assert.Equal(new DateOnly(2022, 10, 30), again.Kpis[0].Targets[1].Value.Date);
        Assert.Equal(TargetOperator.Bool, again.Kpis[0].Targets[2].Value.Operator);
    }

    [Theory]
    [InlineData("{\"schema\": \"other/2\", \"document\": {\"file\": \"a\", \"sha256\": \"b\", \"format\": \"pdf\", \"family\": \"x\", \"doc_type\": \"piano\"}}", "schema is 'other/2'")]
    [InlineData("{\"schema\": \"pipeline.extraction/1\"}", "document")]
    [InlineData("{ not json", "not a valid extraction JSON")]
    public void Rejects_an_invalid_extraction_with_a_reason(string json, string reason)
    {
        var ex = Assert.Throws<ExtractionException>(() => new ExtractionJsonExtractor().Extract(new InputFile("reviewed.json", System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.StartsWith("reviewed.json: ", ex.Message);
        Assert.Contains(reason, ex.Message);
    }
}
