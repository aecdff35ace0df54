using System.Security.Cryptography;
using Pipeline.Core.Chambers;
using Pipeline.Core.Indicators;
using Pipeline.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf;
using Pipeline.Samples.Region;

namespace Pipeline.Samples.Tests;

/// <summary>
/// The synthetic region of <c>samples generate --chambers N</c>: real chambers, each its own seed, plan of K KPIs and
/// files, no two files the same bytes, the same bytes on every run, and documents the extractors read back as the plan.
/// </summary>
public sealed class SyntheticRegionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-region-");

    public void Dispose() => _dir.Delete(recursive: true);

    private SyntheticRegion Write(string name, RegionOptions options) => SyntheticRegion.Write(Path.Combine(_dir.FullName, name), options);

    private static Dictionary<string, string> Hashes(SyntheticRegion region) =>
        Directory.GetFiles(region.Root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(region.Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Chambers_are_the_first_real_chambers_each_with_its_own_seed_name_and_bytes()
    {
        var region = Write("a", new RegionOptions(4, Kpis: 12, Practices: 300));

        Assert.Equal(ItalianChambers.All.Take(4).Select(c => c.Code), region.Chambers.Select(c => c.Info.Code));
        Assert.Equal(4, region.Chambers.Select(c => c.Plan.ChamberName).Distinct().Count());
        Assert.Equal(4, region.Chambers.Select(c => c.Seed).Distinct().Count());
        var files = Hashes(region).Where(kv => kv.Key.StartsWith("chambers", StringComparison.Ordinal)).ToList();
        Assert.Equal(4 * 5, files.Count);
        Assert.Equal(files.Count, files.Select(kv => kv.Value).Distinct().Count());
        // values differ, not only the names printed: the first KPI's target and half-year value per chamber
        Assert.Equal(4, region.Chambers.Select(c => (c.Plan.Kpis[0].Target.Number, c.Plan.Kpis[0].ActualNumber(SamplePeriods.FirstHalf2021))).Distinct().Count());
    }

    [Fact]
    public void The_same_options_give_the_same_bytes_and_a_written_region_opens_again()
    {
        var options = new RegionOptions(2, Kpis: 9, Practices: 200);
        var first = Write("a", options);
        var second = Write("b", options);
        Assert.Equal(Hashes(first), Hashes(second));
        Assert.NotEqual(Hashes(first), Hashes(Write("c", options with { Seed = 7 })));

        var opened = SyntheticRegion.Open(first.Root);
        Assert.NotNull(opened);
        Assert.Equal(options, opened.Options);
        Assert.Null(SyntheticRegion.Open(Path.Combine(_dir.FullName, "nothing")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(100)]
    public void Each_plan_has_k_kpis_with_distinct_names_and_weights_summing_to_100_per_objective(int k)
    {
        var plan = RegionPlan.For(ItalianChambers.All[0], 11, k);
        Assert.Equal(k, plan.Kpis.Count);
        Assert.Equal(k, plan.Kpis.Select(x => x.Name).Distinct().Count());
        Assert.Equal(k, plan.Kpis.Select(x => x.Code).Distinct().Count());
        Assert.All(plan.Objectives, o => Assert.Equal(100m, plan.KpisOf(o).Sum(x => x.Weight)));
        Assert.All(plan.StrategicObjectives, s => Assert.NotEmpty(plan.ObjectivesOf(s)));
    }

    [Fact]
    public void The_documents_read_back_as_the_plan_with_k_kpis()
    {
        var region = Write("a", new RegionOptions(1, Kpis: 26, Practices: 100));
        var chamber = region.Chambers[0];
        var names = chamber.Plan.Kpis.Select(k => k.Name).Order().ToList();
        foreach (var file in new[] { RegionFiles.PlanPdf, RegionFiles.ReportPdf, RegionFiles.FirstHalfWorkbook })
        {
            var path = Path.Combine(chamber.Folder, file);
            IDocumentExtractor extractor = file.EndsWith(".pdf", StringComparison.Ordinal) ? new PdfExtractor() : new WorkbookExtractor();
            var document = extractor.Extract(DocumentExtractors.Read(path));
            Assert.Equal(names, document.Kpis.Select(k => k.Name).Order().ToList());
        }
    }

    [Fact]
    public void Every_chamber_s_plan_prints_the_same_standard_codes_in_some_kpi_names()
    {
        var region = Write("a", new RegionOptions(3, Kpis: 26, Practices: 100));
        var codes = region.Chambers.Select(chamber =>
        {
            var document = new PdfExtractor().Extract(DocumentExtractors.Read(Path.Combine(chamber.Folder, RegionFiles.PlanPdf)));
            return document.Kpis.Select(k => StandardCodes.Find(k.Code, k.Name, k.Algorithm)?.Code).OfType<string>().Order().ToList();
        }).ToList();
        Assert.All(codes, c => Assert.Equal(["C1.1_04", "KPISTD 225"], c));
    }

    [Fact]
    public void Changing_one_value_rewrites_one_workbook_with_one_actual_different()
    {
        var region = Write("a", new RegionOptions(2, Kpis: 10, Practices: 100));
        var before = Hashes(region);
        var read = () => new WorkbookExtractor().Extract(DocumentExtractors.Read(region.Chambers[0].WorkbookPath))
            .Kpis.SelectMany(k => k.Actuals.Select(a => (k.Name, a.Period, a.Value))).ToList();
        var valuesBefore = read();

        var change = region.ChangeOneValue(0);

        var after = Hashes(region);
        Assert.Equal([Path.Combine("chambers", region.Chambers[0].Info.Code, RegionFiles.FirstHalfWorkbook)],
            before.Where(kv => after[kv.Key] != kv.Value).Select(kv => kv.Key));
        var valuesAfter = read();
        Assert.Single(valuesAfter.Except(valuesBefore));
        Assert.StartsWith($"{region.Chambers[0].Info.Code}: {RegionFiles.FirstHalfWorkbook} {region.Chambers[0].Plan.Kpis[0].Code} 2021-S1: ", change);

        region.RestoreWorkbook(0);
        Assert.Equal(before, Hashes(region));
        Assert.Equal(valuesBefore, read());
    }

    [Theory]
    [InlineData(0, 100, 10, "--chambers")]
    [InlineData(1000, 100, 10, "--chambers")]
    [InlineData(2, 0, 10, "--kpis")]
    [InlineData(2, 10, 0, "--practices")]
    public void Options_out_of_range_are_refused_naming_the_option(int chambers, int kpis, int practices, string option) =>
        Assert.StartsWith(option, Assert.Throws<ArgumentException>(() => new RegionOptions(chambers, kpis, practices).Check()).Message);
}
