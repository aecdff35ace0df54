using Pipeline.Core.Extraction;
using Pipeline.Extraction;
using Pipeline.Extraction.Pdf;
using Pipeline.Samples.Pdf;

namespace Pipeline.Samples.Tests;

/// <summary>
/// The sample PDFs through the project's PDF extractor with every family competing (as an ingest runs it), checked
/// against the oracle: the family that wins, then every objective (code, title, level, parent, units), every KPI
/// (name, objective, algorithm, unit as printed, weight), its 2021 target and its actual for the document's period,
/// and the scores the Relazione prints. The committed files are read from sample-data/; the generic-layout renders
/// (what sample-data held before the Integra layouts) are rendered here so that family stays exercised on samples.
/// </summary>
public sealed class PdfOracleTests : IDisposable
{
    private static readonly SamplePlan Plan = SampleRegion.Molise();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-sample-pdfs-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string GenericPlan = "generic/piano-2021-2023.pdf";
    private const string GenericReport = "generic/relazione-2021.pdf";

    /// <summary>
    /// How a PDF reads: family, type, years, the period of its actuals (null for a plan), the unit it prints for a KPI,
    /// whether it prints the organisational units and the objectives' scores.
    /// </summary>
    private sealed record Expectation(
        string Family, string DocType, int From, int To, string? Period, Func<SampleKpi, string?> Unit, bool OrgUnits, bool Scores);

    private static Expectation Expected(string name) => name switch
    {
        SampleGenerator.PlanPdf => new("integra-piano", "piano", 2021, 2023, null, IntegraPianoLayout.PrintedUnit, OrgUnits: true, Scores: false),
        SampleGenerator.FirstHalfPdf => new("generic", "monitoraggio", 2021, 2023, SamplePeriods.FirstHalf2021, k => k.Target.Unit, false, false),
        // a relazione of one year (contract: period_from = period_to = the reported year); deadlines have unit "date"
        SampleGenerator.ReportPdf => new("integra-relazione", "relazione", 2021, 2021, SamplePeriods.Year2021,
            k => k.Kind == SampleKpiKind.Deadline ? "date" : IntegraRelazioneLayout.PrintedUnit(k), OrgUnits: true, Scores: true),
        GenericPlan => new("generic", "piano", 2021, 2023, null, k => k.Target.Unit, false, false),
        GenericReport => new("generic", "relazione", 2021, 2023, SamplePeriods.Year2021, k => k.Target.Unit, false, false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no expectation"),
    };

    public static TheoryData<string> CommittedPdfs => new(SampleGenerator.RenderPdfs().Select(p => p.FileName));

    [Theory]
    [MemberData(nameof(CommittedPdfs))]
    public void Committed_pdf_is_read_by_its_family_and_matches_the_plan(string name)
    {
        var document = new PdfExtractor().Extract(DocumentExtractors.Read(Path.Combine(RepositoryPaths.SampleData, name)));
        AssertMatchesPlan(document, Expected(name));
    }

    public static TheoryData<string> GenericRenders => new() { GenericPlan, GenericReport };

    [Theory]
    [MemberData(nameof(GenericRenders))]
    public void Generic_layout_render_is_read_by_the_generic_family_and_matches_the_plan(string name)
    {
        var bytes = name == GenericPlan
            ? SamplePdfs.Plan(Plan, new PdfStyle())
            // half-inch margins: with 50 pt ones a landscape page's running header and footer fall outside the band
            // (10% of the page height) where Layout/RunningText looks for them, and end up in objective titles
            : SamplePdfs.YearReport(Plan, new PdfStyle
            {
                Font = "Times-Roman", FontSize = 10, Landscape = true, Margin = 36, RunningHeader = Plan.ChamberName + " - Relazione 2021", PageNumbers = true,
            });
        var path = Path.Combine(_dir.FullName, Path.GetFileName(name));
        File.WriteAllBytes(path, bytes);
        AssertMatchesPlan(new PdfExtractor().Extract(DocumentExtractors.Read(path)), Expected(name));
    }

    [Fact]
    public void The_relazione_prints_the_scores_of_the_documented_rule()
    {
        // the rule is checked where its results differ: on the half-year values, where targets are not yet reached
        var half = SamplePeriods.FirstHalf2021;
        Assert.Equal(100m, SampleAchievement.Kpi(Plan.Kpi("IND.1.2.1"), half)); // <= 5 gg with 4,2: met
        Assert.Equal(0m, SampleAchievement.Kpi(Plan.Kpi("IND.1.2.3"), half)); // deadline "In corso": not met
        Assert.Equal(0m, SampleAchievement.Kpi(Plan.Kpi(SampleRegion.KpiMissingFirstHalf), half)); // no value
        Assert.Equal(50m, SampleAchievement.Kpi(Plan.Kpi("IND.4.2.3"), half)); // = 100% with 50%
        Assert.Equal(97.06m, SampleAchievement.Printed(SampleAchievement.Kpi(Plan.Kpi("IND.1.2.2"), half))); // 82,5 / 85
        var objective = Plan.Objectives.Single(o => o.Code == "OO.1.2");
        // (100 × 50 + 97,06 × 30 + 0 × 20) / 100
        Assert.Equal(79.12m, SampleAchievement.Printed(SampleAchievement.Objective(Plan, objective, half)));
        // in 2021 every target of the sample is reached
        Assert.All(Plan.Objectives, o => Assert.Equal(100m, SampleAchievement.Printed(SampleAchievement.Objective(Plan, o, SamplePeriods.Year2021))));
    }

    private static void AssertMatchesPlan(ExtractedDocument document, Expectation expected)
    {
        var info = document.Document;
        Assert.Equal(expected.Family, info.Family);
        Assert.Equal(expected.DocType, info.DocType);
        Assert.Equal((expected.From, expected.To), (info.PeriodFrom, info.PeriodTo));
        Assert.Equal("Molise", info.Chamber);

        // objectives: the four strategic ones (roots), the eight operational ones under them
        var byId = document.Objectives.ToDictionary(o => o.Id);
        Assert.Equal(Plan.StrategicObjectives.Count + Plan.Objectives.Count, document.Objectives.Count);
        var strategic = document.Objectives.Where(o => o.Level == "strategic").ToList();
        Assert.Equal(Plan.StrategicObjectives.Select(s => (s.Code, s.Title)), strategic.Select(o => (o.Code!, o.Title)));
        Assert.All(strategic, o => Assert.Null(o.Parent));
        var operational = document.Objectives.Where(o => o.Level == "operational").ToList();
        Assert.Equal(Plan.Objectives.Select(o => (o.Code, o.Title, (string?)o.ParentCode)),
            operational.Select(o => (o.Code!, o.Title, o.Parent is { } parent ? byId[parent].Code : null)));
        if (expected.OrgUnits)
            Assert.Equal(Plan.Objectives.Select(o => o.OrgUnit), operational.Select(o => string.Join(" | ", o.OrgUnits)));
        if (expected.Scores)
        {
            Assert.Equal(Plan.StrategicObjectives.Select(s => (decimal?)SampleAchievement.Printed(SampleAchievement.Strategic(Plan, s, SamplePeriods.Year2021))),
                strategic.Select(o => o.ReportedAchievement));
            Assert.Equal(Plan.Objectives.Select(o => (decimal?)SampleAchievement.Printed(SampleAchievement.Objective(Plan, o, SamplePeriods.Year2021))),
                operational.Select(o => o.ReportedAchievement));
        }
        else Assert.All(document.Objectives, o => Assert.Null(o.ReportedAchievement));
        Assert.All(document.Objectives, o => Assert.True(o.Source?.Page is not null && o.Source.Bbox is { Count: 4 }, $"{o.Code} has no page/bbox"));

        // KPIs, in the plan's order, with everything the layout prints
        Assert.Equal(Plan.Kpis.Select(k => k.Name), document.Kpis.Select(k => k.Name));
        var problems = new List<string>();
        foreach (var (kpi, read) in Plan.Kpis.Zip(document.Kpis))
        {
            void Check(string what, object? want, object? got)
            {
                if (!Equals(want, got)) problems.Add($"{kpi.Code} {what}: expected '{want}', read '{got}'");
            }
            Check("objective", kpi.ObjectiveCode, read.Objective is { } id ? byId[id].Code : null);
            Check("weight", (decimal?)kpi.Weight, read.Weight);
            Check("algorithm", kpi.Algorithm, read.Algorithm);
            Check("unit", expected.Unit(kpi), read.Unit);
            Check("targets", 1, read.Targets.Count);
            if (read.Targets.Count == 1)
            {
                var target = read.Targets[0];
                Check("target period", SamplePeriods.Year2021, target.Period);
                Check("target", (kpi.Target.Operator, kpi.Target.Number, kpi.Target.Date, kpi.Target.Flag),
                    (target.Value.Operator, target.Value.Number, target.Value.Date, target.Value.Flag));
            }
            var actual = expected.Period is { } period ? kpi.ActualFor(period) : null;
            Check("actuals", actual is null ? 0 : 1, read.Actuals.Count);
            if (actual is not null && read.Actuals.Count == 1)
            {
                var value = read.Actuals[0];
                Check("actual period", expected.Period, value.Period);
                Check("actual", (actual.Number, actual.Date, actual.Flag), (value.Value, value.Date, value.Flag));
                if (actual.Text is { } status) Check("actual text", status, value.Raw);
            }
            if (read.Source?.Page is null || read.Source.Bbox is not { Count: 4 }) problems.Add($"{kpi.Code}: no page/bbox");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
