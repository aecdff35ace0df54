using System.Globalization;
using Pipeline.Core.Achievement;
using Pipeline.Core.Alerts;
using Pipeline.Extraction;
using Pipeline.Jobs.Achievement;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Jobs.Ingest;
using Pipeline.Samples;
using Pipeline.Samples.Pdf;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Review;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests.Review;

/// <summary>
/// Suspect new versions held for review (issue 12, deliver 3) on real generated files: a Relazione with bits flipped
/// in its page streams and a workbook missing a sheet are held, the current version and every figure computed from it
/// stay as they were; accepting makes the held one current and computes again; a clean new version supersedes.
/// </summary>
public abstract class HeldVersionTests(string dialect) : IDisposable
{
    private const string Chamber = "CBIS";
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();
    private static readonly DateOnly EndOf2021 = new(2021, 12, 31);
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-held-");

    public void Dispose() => _input.Delete(recursive: true);

    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    private static IngestRunner Runner(TestWarehouse wh) => new(wh.Dialect, DocumentExtractors.Create(null), Logger);

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_input.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] SamplePdf(string name) => SampleGenerator.RenderPdfs().Single(p => p.FileName == name).Bytes;

    private static byte[] SampleWorkbook(string name) => SampleGenerator.RenderAll().Single(w => w.FileName == name).Bytes;

    private static async Task<FileOutcome> IngestAsync(TestWarehouse wh, string path) => (await Runner(wh).RunAsync([path], Chamber)).Files.Single();

    /// <summary>What the current versions show and what is computed from them: KPI rows, achievement of KPIs, objectives and chamber.</summary>
    private static async Task<string> FiguresAsync(TestWarehouse wh)
    {
        await new ChamberAchievement(wh.Dialect, TimeProvider.System).ComputeAsync(Chamber, AchievementPolicy.Integra, EndOf2021);
        var kpis = (await new KpiQueries(wh.Dialect).ListAsync(Chamber, null)).Select(r =>
            $"{r.KpiId}|{r.Kpi}|{r.Period}|{r.TargetText}|{r.ActualText}|{r.ActualValue}");
        var rows = new List<string>(kpis);
        foreach (var sql in new[]
                 {
                     "SELECT kpi_id, period_id, achievement, status, rule FROM fact_kpi_achievement WHERE basis = 'computed' ORDER BY kpi_id, period_id",
                     "SELECT objective_id, period_id, achievement, kpis, kpis_measured FROM fact_objective_achievement WHERE basis = 'computed' ORDER BY objective_id, period_id",
                     "SELECT plan_id, period_id, achievement, kpis, kpis_measured FROM fact_chamber_achievement ORDER BY plan_id, period_id",
                     "SELECT document_id, sha256 FROM dim_document WHERE is_current ORDER BY document_id",
                     "SELECT kpi_id, objective_id, name, code, unit FROM dim_kpi WHERE EXISTS (SELECT 1 FROM v_kpi_period v WHERE v.kpi_id = dim_kpi.kpi_id) ORDER BY kpi_id",
                 })
            rows.AddRange((await wh.QueryAsync(sql)).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
        return string.Join("\n", rows);
    }

    [Fact]
    public async Task A_relazione_with_flipped_bits_is_held_nothing_computed_changes_and_accepting_makes_it_current()
    {
        await using var wh = await WarehouseAsync();
        await IngestAsync(wh, Write("v1/piano-2021-2023.pdf", SamplePdf(SampleGenerator.PlanPdf)));
        var good = SamplePdf(SampleGenerator.ReportPdf);
        var current = await IngestAsync(wh, Write("v1/relazione-2021.pdf", good));
        Assert.Equal(FileStatus.New, current.Status);
        Assert.Equal(20, current.Load!.Actuals);
        var before = await FiguresAsync(wh);

        // ten flipped bits in the page streams, three ways: the PDF still opens, and each copy is held or fails alone
        var held = new List<FileOutcome>();
        for (var seed = 1; seed <= 3; seed++)
        {
            var outcome = await IngestAsync(wh, Write($"v2-{seed}/relazione-2021.pdf", DamagedCopies.FlipContentBits(good, 10, seed)));
            Assert.True(outcome.Status is FileStatus.Held or FileStatus.Failed, $"seed {seed}: {outcome.Status}");
            if (outcome.Status == FileStatus.Held) held.Add(outcome);
        }
        Assert.NotEmpty(held);
        Assert.Contains(held, h => h.Load!.HeldReasons.Any(r => r.StartsWith("actuals 20 → ", StringComparison.Ordinal)));
        Assert.All(held, h => Assert.Equal(current.Load.DocumentId, h.Load!.CurrentDocumentId));
        Assert.Equal(before, await FiguresAsync(wh));

        // the same held bytes again: unchanged
        var again = await IngestAsync(wh, Path.Combine(_input.FullName, $"v2-{Seed(held[0])}", "relazione-2021.pdf"));
        Assert.Equal(FileStatus.Unchanged, again.Status);

        // the alert goes to the chamber's recipients, once per held version
        var channel = new RecordingChannel();
        var config = AlertConfig.Default with { Recipients = new Dictionary<string, IReadOnlyList<string>> { [Chamber] = ["controllo@molise.camcom.it"] } };
        var evaluator = new AlertEvaluator(wh.Dialect, config, [channel], TimeProvider.System);
        var raised = await evaluator.EvaluateAsync(Chamber, null, default, new HashSet<string> { VersionHeldRule.Id });
        Assert.Equal(held.Count, raised.Raised);
        var digest = Assert.Single(channel.Digests);
        Assert.Equal(["controllo@molise.camcom.it"], digest.Recipients);
        Assert.All(digest.Alerts, a => Assert.Equal("version-held", a.Rule));
        Assert.Contains(digest.Alerts, a => a.Text.Contains("actuals 20 → ", StringComparison.Ordinal));

        // accept: the held version becomes current, the old one is superseded, achievement is computed again from it
        var review = new VersionReview(wh.Dialect);
        Assert.Equal(held.Select(h => h.Load!.DocumentId), (await review.ListAsync()).Select(v => v.DocumentId));
        var chosen = held[0].Load!;
        var decision = await review.DecideAsync(chosen.DocumentId, accept: true, "tester");
        Assert.Equal(current.Load.DocumentId, decision.Superseded);
        Assert.Equal(chosen.DocumentId, await wh.ScalarAsync<long>("SELECT document_id FROM dim_document WHERE doc_type = 'relazione' AND is_current"));
        Assert.Equal(chosen.DocumentId, await wh.ScalarAsync<long>($"SELECT superseded_by_id FROM dim_document WHERE document_id = {current.Load.DocumentId}"));
        var recorded = (await wh.QueryAsync($"SELECT review_status, reviewed_by, reviewed_at FROM dim_document WHERE document_id = {chosen.DocumentId}")).Single();
        Assert.Equal(("accepted", "tester"), ((string)recorded.review_status, (string)recorded.reviewed_by));
        Assert.NotNull(recorded.reviewed_at);
        Assert.Equal(1, await wh.CountAsync("alert", $"rule = 'version-held' AND subject = 'doc:{chosen.DocumentId}' AND status = 'resolved'"));
        Assert.Equal(0, await wh.CountAsync("alert", $"rule = 'version-held' AND subject = 'doc:{chosen.DocumentId}' AND status <> 'resolved'"));
        Assert.True(await new ChamberAchievement(wh.Dialect, TimeProvider.System).RecomputeAsync(Chamber, AchievementPolicy.Integra) > 0);
        var actuals2021 = (await new KpiQueries(wh.Dialect).ListAsync(Chamber, 2021)).Count(r => r.Period == "2021" && r.ActualText is not null);
        Assert.Equal(chosen.Actuals, actuals2021);
        Assert.NotEqual(before, await FiguresAsync(wh));

        // a decided version is decided: a second decision is refused, the others stay held
        await Assert.ThrowsAsync<ReviewException>(() => review.DecideAsync(chosen.DocumentId, accept: false, "tester"));
        Assert.Equal(held.Count - 1, (await review.ListAsync()).Count);
    }

    [Fact]
    public async Task A_workbook_missing_a_sheet_is_held_and_rejected_a_clean_new_version_supersedes_as_today()
    {
        await using var wh = await WarehouseAsync();
        await IngestAsync(wh, Write("v1/piano-2021-2023.pdf", SamplePdf(SampleGenerator.PlanPdf)));
        await IngestAsync(wh, Write("v1/monitoraggio-2021-semestre1.pdf", SamplePdf(SampleGenerator.FirstHalfPdf)));
        // the demo's case: the half-year workbook is the same logical document as the PDF, and supersedes it
        var workbook = SampleWorkbook(SampleGenerator.FirstHalfXlsx);
        var superseding = await IngestAsync(wh, Write("v1/monitoraggio-2021-semestre1.xlsx", workbook));
        Assert.Equal(FileStatus.Superseding, superseding.Status);
        var report = await IngestAsync(wh, Write("v1/relazione-2021.pdf", SamplePdf(SampleGenerator.ReportPdf)));
        var before = await FiguresAsync(wh);

        var damaged = DamagedCopies.WithoutSheet(workbook, SampleRegion.Molise().StrategicObjectives[^1].SheetName);
        var held = await IngestAsync(wh, Write("v2/monitoraggio-2021-semestre1.xlsx", damaged));
        Assert.Equal(FileStatus.Held, held.Status);
        Assert.True(held.Load!.Kpis < 20);
        Assert.Contains(held.Load.HeldReasons, r => r.StartsWith($"KPIs 20 → {held.Load.Kpis} ", StringComparison.Ordinal));
        Assert.Equal(superseding.Load!.DocumentId, held.Load.CurrentDocumentId);
        Assert.Equal(before, await FiguresAsync(wh));

        var review = new VersionReview(wh.Dialect);
        var found = await review.FindAsync("monitoraggio-2021-semestre1.xlsx");
        Assert.Equal(held.Load.DocumentId, found.DocumentId);
        Assert.Equal("rejected", (await review.DecideAsync(found.DocumentId, accept: false, "tester")).Status);
        Assert.Equal(before, await FiguresAsync(wh));
        Assert.Equal(1, await wh.CountAsync("dim_document", $"document_id = {held.Load.DocumentId} AND NOT is_current AND review_status = 'rejected' AND reviewed_by = 'tester'"));
        await Assert.ThrowsAsync<ReviewException>(() => review.FindAsync("monitoraggio-2021-semestre1.xlsx"));

        // a clean new version (one actual changed) supersedes the Relazione as before
        var plan = SampleRegion.Molise();
        var kpi = plan.Kpis.First(k => k.ActualNumber(SamplePeriods.Year2021) is not null);
        var changed = kpi with
        {
            Actuals = new Dictionary<string, SampleActual?>(kpi.Actuals) { [SamplePeriods.Year2021] = SampleActual.Of(kpi.ActualNumber(SamplePeriods.Year2021)!.Value + 1) },
        };
        var corrected = IntegraRelazioneLayout.Render(plan with { Kpis = plan.Kpis.Select(k => k == kpi ? changed : k).ToList() }, SampleGenerator.ReportPdfStyle());
        var shortened = IntegraRelazioneLayout.Render(plan with { Kpis = plan.Kpis.Take(12).ToList() }, SampleGenerator.ReportPdfStyle());
        var heldReport = await IngestAsync(wh, Write("v2/relazione-2021.pdf", shortened));
        Assert.Equal(FileStatus.Held, heldReport.Status);
        Assert.Contains("KPIs 20 → 12 (−40 %)", heldReport.Load!.HeldReasons);
        var clean = await IngestAsync(wh, Write("v3/relazione-2021.pdf", corrected));
        Assert.Equal(FileStatus.Superseding, clean.Status);
        Assert.Empty(clean.Load!.HeldReasons);
        Assert.Equal(report.Load!.DocumentId, clean.Load.SupersededDocumentId);
        Assert.NotEqual(before, await FiguresAsync(wh));

        // the version held before the clean one is older than the current one: it cannot be accepted, only rejected
        var refused = await Assert.ThrowsAsync<ReviewException>(() => review.DecideAsync(heldReport.Load.DocumentId, accept: true, "tester"));
        Assert.Contains("a newer version is current", refused.Message);
        Assert.Equal(clean.Load.DocumentId, await wh.ScalarAsync<long>("SELECT document_id FROM dim_document WHERE doc_type = 'relazione' AND is_current"));
        Assert.Equal("rejected", (await review.DecideAsync(heldReport.Load.DocumentId, accept: false, "tester")).Status);
    }

    private static int Seed(FileOutcome outcome) =>
        int.Parse(Path.GetFileName(Path.GetDirectoryName(outcome.Path)!)["v2-".Length..], CultureInfo.InvariantCulture);

    private sealed class RecordingChannel : IAlertChannel
    {
        public List<AlertDigest> Digests { get; } = [];

        public string Name => "recording";

        public Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct)
        {
            Digests.Add(digest);
            return Task.FromResult(new ChannelResult(true, 1, null));
        }
    }
}

public sealed class SqliteHeldVersionTests() : HeldVersionTests("sqlite");

public sealed class PostgresHeldVersionTests() : HeldVersionTests("postgres");
