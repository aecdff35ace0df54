using Pipeline.Core.Values;
using Pipeline.Extraction;
using Pipeline.Extraction.Excel;

namespace Pipeline.Samples.Tests;

/// <summary>
/// The samples through the project's workbook extractor, checked against the oracle: what a reader gets out of the
/// traps is what the plan says. Numeric target cells carry no operator, so for those only the number is compared.
/// </summary>
public class ExtractorOracleTests
{
    private static readonly SamplePlan Plan = SampleRegion.Molise();

    public static TheoryData<string, string> Samples => new()
    {
        { SampleGenerator.FirstHalfXlsx, SamplePeriods.FirstHalf2021 },
        { SampleGenerator.YearXls, SamplePeriods.Year2021 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Extracted_kpis_match_the_plan(string name, string period)
    {
        var file = SampleGenerator.RenderAll().Single(f => f.FileName == name);
        var document = new WorkbookExtractor().Extract(new InputFile(name, file.Bytes));

        Assert.Equal(2021, document.Document.PeriodFrom);
        Assert.Equal(2023, document.Document.PeriodTo);
        Assert.Equal(Plan.Kpis.Select(k => k.Name), document.Kpis.Select(k => k.Name));
        var objectives = document.Objectives.Where(o => o.Level == "operational").ToList();
        Assert.Equal(Plan.Objectives.Select(o => (o.Code, o.Title)), objectives.Select(o => (o.Code!, o.Title)));

        foreach (var (kpi, extracted) in Plan.Kpis.Zip(document.Kpis))
        {
            Assert.Equal(kpi.Weight, extracted.Weight);
            Assert.Equal(Plan.ObjectiveOf(kpi).Code, objectives.Single(o => o.Id == extracted.Objective).Code);

            var target = Assert.Single(extracted.Targets);
            Assert.Equal("2021", target.Period);
            var (sheet, row) = CommittedSamplesTests.Locate(file, kpi.Code);
            var targetCell = sheet.Cells.Single(c => c.Row == row && sheet.Headers[c.Column].StartsWith("Target", StringComparison.Ordinal));
            if (targetCell.Value is string)
                Assert.Equal(kpi.Target, target.Value with { Raw = kpi.Target.Raw });
            else
                Assert.Equal((kpi.Target.Number, kpi.Target.Date), (target.Value.Number, target.Value.Date));

            var expected = kpi.ActualFor(period);
            if (expected is null)
            {
                Assert.Empty(extracted.Actuals);
                continue;
            }
            var actual = Assert.Single(extracted.Actuals);
            Assert.Equal(period, actual.Period);
            Assert.Equal((expected.Number, expected.Date, expected.Flag), (actual.Value, actual.Date, actual.Flag));
        }
    }

    [Fact]
    public void The_missing_half_year_value_is_the_only_kpi_without_an_actual()
    {
        var file = SampleGenerator.Render(Plan, SampleGenerator.FirstHalfLayout());
        var document = new WorkbookExtractor().Extract(new InputFile(file.FileName, file.Bytes));
        var without = document.Kpis.Where(k => k.Actuals.Count == 0).Select(k => k.Name);
        Assert.Equal([Plan.Kpi(SampleRegion.KpiMissingFirstHalf).Name], without);
    }
}
