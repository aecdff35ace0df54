using System.Net;
using Pipeline.Core.Access;
using Quartz;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;
using Pipeline.Web.Access;
using Serilog;

namespace Pipeline.Web.Tests;

/// <summary>
/// The two forms that change something, taken by an administrator with the token: a held version rejected and
/// another accepted (the pipeline review rules: accepted is current, the one before superseded), and a job fired now
/// into the job store (as pipeline jobs trigger does).
/// </summary>
public abstract class AdminFormsTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-web-admin-");

    public void Dispose() => _input.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_input.FullName, name, "monitoraggio-2021-semestre1.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task An_admin_rejects_one_held_version_accepts_another_and_runs_a_job_now()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var config = Path.Combine(SampleSite.Repository(), "config");
        var runner = RunEnvironment.CreateIngestRunner(wh.Dialect, config, new LoggerConfiguration().CreateLogger());
        var plan = SampleRegion.Molise();
        var pdf = Path.Combine(_input.FullName, "piano.pdf");
        await File.WriteAllBytesAsync(pdf, Samples.Pdf.IntegraPianoLayout.Render(plan, SampleGenerator.PlanPdfStyle()));
        var workbook = SampleGenerator.Render(plan, SampleGenerator.FirstHalfLayout()).Bytes;
        Assert.Equal(2, (await runner.RunAsync([pdf, Write("v1", workbook)], "CBIS")).Count(FileStatus.New));
        await runner.RunAsync([Write("v2", DamagedCopies.WithoutSheet(workbook, plan.StrategicObjectives[0].SheetName))], "CBIS");
        await runner.RunAsync([Write("v3", DamagedCopies.WithoutSheet(workbook, plan.StrategicObjectives[1].SheetName))], "CBIS");
        var held = await Ids(wh, "SELECT document_id FROM dim_document WHERE review_status = 'held' ORDER BY document_id");
        Assert.Equal(2, held.Count);

        await new LocalAccounts(wh.Dialect).SaveAsync("admin", WebRole.Admin, [], SampleSite.Password);
        await JobBoard.WithStoreAsync(wh.Dialect, scheduler => ScheduleSync.ApplyAsync(scheduler,
            JobDefinitions.FromDirectory(Path.Combine(SampleSite.Repository(), "jobs")),
            ChamberSources.Of(new ChamberSource("CBIS", plan.ChamberName, "Molise", null, [], [_input.FullName])), CancellationToken.None), CancellationToken.None);
        await using var app = await SampleSite.StartAsync(wh, config);
        using var admin = await SampleSite.ClientAsync(app, "admin");

        var rejected = await PostAsync(admin, "/documenti", "Decide", new() { ["id"] = $"{held[0]}", ["decision"] = "reject" });
        Assert.Contains("respinto", rejected);
        var accepted = await PostAsync(admin, "/documenti", "Decide", new() { ["id"] = $"{held[1]}", ["decision"] = "accept" });
        Assert.Contains("accettato", accepted);
        Assert.Equal([held[1]], await Ids(wh, "SELECT document_id FROM dim_document WHERE is_current AND doc_type = 'monitoraggio'"));
        Assert.Equal([held[0]], await Ids(wh, "SELECT document_id FROM dim_document WHERE review_status = 'rejected'"));

        var jobs = await PageTests.Ok(admin, "/pianificazione");
        Assert.Contains("nightly.CBIS", jobs);
        var before = (await new Pipeline.Warehouse.Runs.EtlRunStore(wh.Dialect).RecentAsync(10)).Count;
        var fired = await PostAsync(admin, "/pianificazione", "RunNow", new() { ["job"] = "nightly.CBIS" });
        Assert.Contains("Avviati 1 job: nightly.CBIS", fired);
        var triggers = await JobBoard.WithStoreAsync(wh.Dialect, async scheduler =>
            (await scheduler.GetTriggersOfJob(new Quartz.JobKey("CBIS", "nightly"), CancellationToken.None)).Count(t => t.Key.Name.StartsWith("manual-", StringComparison.Ordinal)), CancellationToken.None);
        Assert.Equal(1, triggers);
        Assert.Equal(before, (await new Pipeline.Warehouse.Runs.EtlRunStore(wh.Dialect).RecentAsync(10)).Count);   // stored for a node to run, not run by the web app
    }

    private static async Task<string> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = SampleSite.Token(await client.GetStringAsync(page));
        var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} {handler}: {(int)response.StatusCode}");
        return body;
    }

    private static async Task<List<long>> Ids(TestWarehouse wh, string sql)
    {
        await using var connection = await wh.Dialect.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<long>(connection, sql)).ToList();
    }
}

public sealed class SqliteAdminFormsTests() : AdminFormsTests("sqlite");

public sealed class PostgresAdminFormsTests() : AdminFormsTests("postgres");
