using Pipeline.Samples.Feeds;
using Pipeline.Samples.Pdf;

namespace Pipeline.Samples.Region;

/// <summary>
/// The files of one chamber of a synthetic region, rendered from its plan with the sample's layouts: the plan in
/// Integra's plan-export layout, the half-year monitoring workbook, the Relazione 2021 in Integra's report layout, a
/// practice export and a company list drawn from the chamber's seed.
/// </summary>
public static class RegionFiles
{
    public const string PlanPdf = "piano-2021-2023.pdf";
    public const string FirstHalfWorkbook = "monitoraggio-2021-semestre1.xlsx";
    public const string ReportPdf = "relazione-2021.pdf";
    public const string PracticesFeed = "feeds/" + FeedFiles.SamplePracticesFileName;
    public const string CompaniesFeed = "feeds/" + FeedFiles.SampleCompaniesFileName;

    /// <summary>Writes the chamber's files under its folder; returns their paths. The feeds are streamed to disk.</summary>
    public static IReadOnlyList<string> Write(RegionChamber chamber, RegionOptions options)
    {
        var plan = chamber.Plan;
        var documents = new (string Name, byte[] Bytes)[]
        {
            (PlanPdf, IntegraPianoLayout.Render(plan, SampleGenerator.PlanPdfStyle())),
            (FirstHalfWorkbook, FirstHalf(plan)),
            (ReportPdf, IntegraRelazioneLayout.Render(plan, SampleGenerator.ReportPdfStyle() with { RunningHeader = $"{plan.ChamberName} - Relazione 2021" })),
        };
        var written = new List<string>();
        Directory.CreateDirectory(Path.Combine(chamber.Folder, "feeds"));
        foreach (var (name, bytes) in documents)
        {
            var path = Path.Combine(chamber.Folder, name);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }
        var practices = Path.Combine(chamber.Folder, PracticesFeed);
        FeedFiles.WritePractices(practices, options.Practices, chamber.Seed);
        written.Add(practices);
        var companies = Path.Combine(chamber.Folder, CompaniesFeed);
        using (var file = new FileStream(companies, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            CompanyFeed.Write(file, CompanyFeed.Rows(options.Companies, chamber.Seed ^ 0x5A5A, FeedFiles.SampleCompanyListDate), FeedCsvStyle.InfoCamere);
        written.Add(companies);
        return written;
    }

    /// <summary>The half-year monitoring workbook of a plan, in the sample's half-year layout.</summary>
    public static byte[] FirstHalf(SamplePlan plan) => SampleGenerator.Render(plan, SampleGenerator.FirstHalfLayout()).Bytes;

    /// <summary>The plan with its first numeric half-year actual one unit higher, and what changed ("IND.1.1.1 2021-S1: 812 → 813").</summary>
    public static (SamplePlan Plan, string Change) WithOneValueChanged(SamplePlan plan)
    {
        const string half = SamplePeriods.FirstHalf2021;
        var index = plan.Kpis.ToList().FindIndex(k => k.ActualNumber(half) is not null);
        if (index < 0) throw new InvalidOperationException($"{plan.ChamberCode}: no KPI has a numeric half-year value to change");
        var kpi = plan.Kpis[index];
        var before = kpi.ActualNumber(half)!.Value;
        var after = before + 1m;
        var actuals = new Dictionary<string, SampleActual?>(kpi.Actuals) { [half] = SampleActual.Of(after) };
        var kpis = plan.Kpis.ToList();
        kpis[index] = kpi with { Actuals = actuals };
        return (plan with { Kpis = kpis }, $"{kpi.Code} {half}: {SamplePdfs.Display(SampleActual.Of(before))} → {SamplePdfs.Display(SampleActual.Of(after))}");
    }
}
