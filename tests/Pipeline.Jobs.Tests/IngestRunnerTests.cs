using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Ingest;
using Pipeline.Samples;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests;

/// <summary>A run over real files: generated sample workbooks plus every kind of bad file, on both dialects.</summary>
public abstract class IngestRunnerTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-ingest-");
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();

    public void Dispose() => _input.Delete(recursive: true);

    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    private IngestRunner Runner(TestWarehouse wh, DocumentLoader? loader = null) =>
        new(wh.Dialect, DocumentExtractors.Create(null), Logger)
        {
            Loader = loader ?? new DocumentLoader(wh.Dialect),
            Feeds = new FeedIngestor(wh.Dialect, FeedHeaderConfig.Default, MetricBindings.None, "test-salt"),
        };

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_input.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private void WriteSamples() => SampleGenerator.Generate(_input.FullName);

    [Fact]
    public async Task Bad_files_fail_alone_and_the_others_load()
    {
        await using var wh = await WarehouseAsync();
        WriteSamples();
        Write("bad/corrotto.xlsx", BadFiles.CorruptXlsx());
        Write("bad/export.xlsx", BadFiles.CsvRenamedAsXlsx());
        Write("bad/vuoto.xlsx", BadFiles.Empty());
        Write("bad/protetto.xlsx", BadFiles.PasswordProtectedXlsx());

        var summary = await Runner(wh).RunAsync([_input.FullName, Path.Combine(_input.FullName, "missing.xlsx")], null);

        Assert.Equal("partial", summary.Status);
        var newFiles = SampleGenerator.DocumentCount - SampleGenerator.SupersedingOnFirstIngest;
        Assert.Equal(newFiles, summary.Count(FileStatus.New));
        Assert.Equal(SampleGenerator.SupersedingOnFirstIngest, summary.Count(FileStatus.Superseding));
        Assert.Equal(5, summary.Count(FileStatus.Failed));
        var errors = summary.Files.Where(f => f.Status == FileStatus.Failed).ToDictionary(f => Path.GetFileName(f.Path), f => f.Error!);
        Assert.Contains("corrupt", errors["corrotto.xlsx"]);
        Assert.Contains("CSV", errors["export.xlsx"]);
        Assert.Contains("empty file", errors["vuoto.xlsx"]);
        Assert.Contains("password", errors["protetto.xlsx"]);
        Assert.Contains("no such file", errors["missing.xlsx"]);
        Assert.All(errors.Values, e => Assert.DoesNotContain('\n', e));

        Assert.Equal(SampleGenerator.DocumentCount, await wh.CountAsync("dim_document"));
        Assert.Equal(5, await wh.CountAsync("quarantine", "record_kind = 'file'"));
        Assert.Equal(newFiles, await wh.CountAsync("dim_document", "is_current"));
        var run = (await wh.QueryAsync("SELECT status, files_total, files_new, files_superseding, files_failed, facts_written FROM etl_run")).Single();
        Assert.Equal(("partial", SampleGenerator.DocumentCount + 5L, (long)newFiles, (long)SampleGenerator.SupersedingOnFirstIngest, 5L),
            ((string)run.status, Convert.ToInt64(run.files_total), Convert.ToInt64(run.files_new), Convert.ToInt64(run.files_superseding), Convert.ToInt64(run.files_failed)));
        Assert.Equal(summary.FactsWritten, Convert.ToInt32(run.facts_written));
        Assert.True(summary.FactsWritten > 40);
    }

    [Fact]
    public async Task A_second_run_over_the_same_files_changes_nothing_but_its_own_run_record()
    {
        await using var wh = await WarehouseAsync();
        WriteSamples();
        await Runner(wh).RunAsync([_input.FullName], null);
        var before = await wh.SnapshotAsync();

        var again = await Runner(wh).RunAsync([_input.FullName], null);

        Assert.Equal("succeeded", again.Status);
        Assert.Equal(SampleGenerator.DocumentCount, again.Count(FileStatus.Unchanged));
        var after = await wh.SnapshotAsync();
        foreach (var table in TestWarehouse.Tables.Where(t => t != "etl_run"))
            Assert.Equal(before[table], after[table]);
        Assert.Equal(before["etl_run"].Count + 1, after["etl_run"].Count);
    }

    [Fact]
    public async Task A_modified_copy_supersedes_the_loaded_version()
    {
        await using var wh = await WarehouseAsync();
        var plan = SampleRegion.Molise();
        var layout = SampleGenerator.FirstHalfLayout();
        var original = SampleGenerator.Render(plan, layout);
        Write("v1/" + original.FileName, original.Bytes);
        await Runner(wh).RunAsync([_input.FullName], null);

        // the same workbook with one more legend line: different bytes, same logical document
        var edited = SampleGenerator.Render(plan, layout with { LegendLines = [.. layout.LegendLines, "Rettifica del 15/07/2021"] });
        Assert.NotEqual(original.Bytes, edited.Bytes);
        var path = Write("v2/" + edited.FileName, edited.Bytes);
        var summary = await Runner(wh).RunAsync([path], null);

        Assert.Equal(1, summary.Count(FileStatus.Superseding));
        Assert.Equal(2, await wh.CountAsync("dim_document"));
        Assert.Equal(1, await wh.CountAsync("dim_document", "is_current"));
        Assert.Equal(await wh.CountAsync("fact_kpi_measurement") / 2, await wh.CountAsync("fact_kpi_measurement m", "EXISTS (SELECT 1 FROM dim_document d WHERE d.document_id = m.document_id AND d.is_current)"));
    }

    [Fact]
    public async Task A_failure_inside_one_load_rolls_that_file_back_and_the_run_goes_on()
    {
        await using var wh = await WarehouseAsync();
        WriteSamples();
        var calls = 0;
        var loader = new DocumentLoader(wh.Dialect) { AfterStep = step => { if (step == "kpi:3" && calls++ == 0) throw new IOException("disk full (injected)"); } };

        var summary = await Runner(wh, loader).RunAsync([_input.FullName], null);

        Assert.Equal(1, summary.Count(FileStatus.Failed));
        Assert.Equal(SampleGenerator.DocumentCount - 1 - SampleGenerator.SupersedingOnFirstIngest, summary.Count(FileStatus.New));
        Assert.Contains("disk full", summary.Files.Single(f => f.Status == FileStatus.Failed).Error);
        Assert.Equal(SampleGenerator.DocumentCount - 1, await wh.CountAsync("dim_document"));
        // the failed file's facts are not there: every fact belongs to a loaded document
        Assert.Equal(0, await wh.CountAsync("fact_kpi_target t", "t.document_id NOT IN (SELECT document_id FROM dim_document)"));
        var again = await Runner(wh).RunAsync([_input.FullName], null);
        Assert.Equal((1, SampleGenerator.DocumentCount - 1), (again.Count(FileStatus.New), again.Count(FileStatus.Unchanged)));
    }
}

public sealed class SqliteIngestRunnerTests() : IngestRunnerTests("sqlite");

public sealed class PostgresIngestRunnerTests() : IngestRunnerTests("postgres");
