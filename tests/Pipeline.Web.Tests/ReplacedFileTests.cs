using System.Net;
using System.Security.Cryptography;
using Pipeline.Core.Access;
using Pipeline.Extraction;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;
using Pipeline.Web.Access;
using Serilog;

namespace Pipeline.Web.Tests;

/// <summary>
/// A file replaced in its source folder and ingested again, then the folder gone: the superseded value's source page
/// still shows the sheet around its cell, read from the archive, and the archived original downloads as it was.
/// </summary>
public abstract class ReplacedFileTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-web-replaced-");

    public void Dispose()
    {
        if (_input.Exists) _input.Delete(recursive: true);
    }

    [Fact]
    public async Task The_old_figure_source_opens_from_the_archive_after_the_file_was_replaced_and_removed()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var config = Path.Combine(SampleSite.Repository(), "config");
        var runner = RunEnvironment.CreateIngestRunner(wh.Dialect, config, new LoggerConfiguration().CreateLogger());
        var plan = SampleRegion.Molise();
        var layout = SampleGenerator.FirstHalfLayout();
        var original = SampleGenerator.Render(plan, layout);
        var planPdf = Path.Combine(_input.FullName, "piano.pdf");
        await File.WriteAllBytesAsync(planPdf, Samples.Pdf.IntegraPianoLayout.Render(plan, SampleGenerator.PlanPdfStyle()));
        var workbook = Path.Combine(_input.FullName, Path.GetFileName(original.FileName));
        await File.WriteAllBytesAsync(workbook, original.Bytes);
        Assert.Equal(2, (await runner.RunAsync([planPdf, workbook], plan.ChamberCode)).Count(FileStatus.New));

        var edited = SampleGenerator.Render(plan, layout with { LegendLines = [.. layout.LegendLines, "Rettifica del 15/07/2021"] });
        await File.WriteAllBytesAsync(workbook, edited.Bytes);
        Assert.Equal(1, (await runner.RunAsync([workbook], plan.ChamberCode)).Count(FileStatus.Superseding));
        _input.Delete(recursive: true);

        await new LocalAccounts(wh.Dialect).SaveAsync("molise", WebRole.Chamber, ["CBIS"], SampleSite.Password);
        await using var app = await SampleSite.StartAsync(wh, config);
        using var client = await SampleSite.ClientAsync(app, "molise");
        var oldSha = Convert.ToHexStringLower(SHA256.HashData(original.Bytes));
        await using var connection = await wh.Dialect.OpenAsync();
        var (lineage, cell, raw) = (await Dapper.SqlMapper.QueryAsync<(long, string, string)>(connection,
            "SELECT lineage_id, cell, raw_text FROM v_kpi_lineage WHERE source_kind = 'cell' AND document_sha256 = @oldSha AND NOT is_current ORDER BY lineage_id",
            new { oldSha })).First();

        var html = WebUtility.HtmlDecode(await PageTests.Ok(client, $"/fonte/{lineage}"));
        Assert.Contains($"cella {cell}", html);
        Assert.Contains("non corrente", html);
        Assert.StartsWith(raw.Trim().Split(' ')[0], html[(html.IndexOf("id=\"cella\">", StringComparison.Ordinal) + 11)..].Trim());
        var download = await client.GetAsync($"/archive/{oldSha}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(original.Bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(Path.GetFileName(original.FileName), download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}

public sealed class SqliteReplacedFileTests() : ReplacedFileTests("sqlite");

public sealed class PostgresReplacedFileTests() : ReplacedFileTests("postgres");
