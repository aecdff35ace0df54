using System.Security.Cryptography;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Ingest;
using Pipeline.Samples;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests.Archive;

/// <summary>
/// Real files ingested, replaced in their folder, ingested again, loaded for two chambers and failing mid-load, on
/// both dialects: what the archive keeps, opens and cleans up.
/// </summary>
public abstract class ArchiveIngestTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-archive-ingest-");
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();

    public void Dispose() => _input.Delete(recursive: true);

    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    /// <summary>A clock the test moves: the runner's archive ages orphans by it.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static IngestRunner Runner(TestWarehouse wh, TimeProvider? clock = null, DocumentLoader? loader = null)
    {
        var archive = SourceArchive.For(wh.Dialect, null, clock ?? TimeProvider.System);
        return new IngestRunner(wh.Dialect, DocumentExtractors.Create(null), Logger, clock, archive)
        {
            Loader = loader ?? new DocumentLoader(wh.Dialect, clock, archive),
            Feeds = new FeedIngestor(wh.Dialect, FeedHeaderConfig.Default, MetricBindings.None, "test-salt", clock, archive),
        };
    }

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_input.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<byte[]> ReadAllAsync(SourceArchive archive, string sha256)
    {
        await using var stream = await archive.OpenReadAsync(sha256, CancellationToken.None) ?? throw new FileNotFoundException($"{sha256} is not archived");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_file_replaced_in_its_folder_and_ingested_again_still_opens_from_the_archive_as_it_was()
    {
        await using var wh = await WarehouseAsync();
        var plan = SampleRegion.Molise();
        var layout = SampleGenerator.FirstHalfLayout();
        var original = SampleGenerator.Render(plan, layout);
        var path = Write("monitoraggio/" + original.FileName, original.Bytes);
        Assert.Equal(1, (await Runner(wh).RunAsync([path], null)).Count(FileStatus.New));

        // the chamber replaces the file in its folder: the same name, other bytes
        var edited = SampleGenerator.Render(plan, layout with { LegendLines = [.. layout.LegendLines, "Rettifica del 15/07/2021"] });
        Write("monitoraggio/" + original.FileName, edited.Bytes);
        var again = await Runner(wh).RunAsync([path], null);
        Assert.Equal(1, again.Count(FileStatus.Superseding));

        var archive = SourceArchive.For(wh.Dialect);
        Assert.Equal(original.Bytes, await ReadAllAsync(archive, Sha(original.Bytes)));
        Assert.Equal(edited.Bytes, await ReadAllAsync(archive, Sha(edited.Bytes)));
        // the superseded figures' trace names the archived original
        var kpi = await wh.ScalarAsync<long>("SELECT MIN(kpi_id) FROM v_kpi_lineage WHERE document_sha256 = @sha", new { sha = Sha(original.Bytes) });
        var traced = await new TraceQueries(wh.Dialect, archive).TraceAsync(kpi.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var old = traced.SelectMany(k => k.Values).Where(v => v.DocumentSha256 == Sha(original.Bytes)).ToList();
        Assert.NotEmpty(old);
        Assert.All(old, v => Assert.Equal((Sha(original.Bytes), (long)original.Bytes.Length), (v.Archived?.Sha256, v.Archived?.SizeBytes)));
        Assert.All(old, v => Assert.Equal("superseded", v.Version));
    }

    [Fact]
    public async Task A_feed_loaded_for_two_chambers_is_archived_once_and_unchanged_bytes_are_not_archived_again()
    {
        await using var wh = await WarehouseAsync();
        using var csv = new MemoryStream();
        PracticeFeed.Write(csv, PracticeFeed.Rows(500, 7, 2021, 1), FeedCsvStyle.Priamo);
        var path = Write("feeds/pratiche.csv", csv.ToArray());

        Assert.Equal(1, (await Runner(wh).RunAsync([path], "FG")).Count(FileStatus.New));
        Assert.Equal(1, (await Runner(wh).RunAsync([path], "BA")).Count(FileStatus.New));
        var storedAt = await wh.ScalarAsync<object>("SELECT stored_at FROM source_archive");
        Assert.Equal(1, (await Runner(wh).RunAsync([path], "FG")).Count(FileStatus.Unchanged));

        Assert.Equal(2, await wh.CountAsync("dim_document", "doc_type = 'feed'"));
        var row = Assert.Single(await wh.QueryAsync("SELECT sha256, media_type, file_name, stored_at FROM source_archive"));
        Assert.Equal((Sha(csv.ToArray()), "text/csv", "pratiche.csv"), ((string)row.sha256, (string)row.media_type, (string)row.file_name));
        Assert.Equal(storedAt?.ToString(), ((object)row.stored_at).ToString());
        Assert.Equal(csv.ToArray(), await ReadAllAsync(SourceArchive.For(wh.Dialect), Sha(csv.ToArray())));
    }

    [Fact]
    public async Task A_failed_load_archives_nothing_or_leaves_an_orphan_that_a_run_an_hour_later_removes()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(DateTimeOffset.UtcNow);
        var workbooks = SampleGenerator.RenderAll();
        foreach (var workbook in workbooks) Write("in/" + workbook.FileName, workbook.Bytes);
        var calls = 0;
        var archive = SourceArchive.For(wh.Dialect, null, clock);
        var failing = new DocumentLoader(wh.Dialect, clock, archive) { AfterStep = step => { if (step == "kpi:3" && calls++ == 0) throw new IOException("disk full (injected)"); } };

        var summary = await Runner(wh, clock, failing).RunAsync([Path.Combine(_input.FullName, "in")], null);

        var failed = Assert.Single(summary.Files, f => f.Status == FileStatus.Failed);
        var failedSha = Sha(await File.ReadAllBytesAsync(failed.Path));
        Assert.Equal(workbooks.Count - 1, await wh.CountAsync("source_archive"));
        Assert.Equal(0, await wh.CountAsync("source_archive", $"sha256 = '{failedSha}'"));
        var orphan = archive.Folder is { } folder ? Path.Combine(folder, failedSha[..2], failedSha[2..4], failedSha) : null;
        if (dialect == "postgres") Assert.Equal(0, await wh.CountAsync("source_chunk", $"sha256 = '{failedSha}'"));
        else Assert.True(File.Exists(orphan), "the folder store wrote the file before the commit that did not come");

        // a run within the hour leaves it (it may be a load still running); a run after the hour removes it
        var loaded = workbooks.First(w => Sha(w.Bytes) != failedSha);
        var other = Write("other/" + loaded.FileName, loaded.Bytes);
        clock.Now = DateTimeOffset.UtcNow.AddMinutes(30);
        Assert.Equal(0, (await Runner(wh, clock).RunAsync([other], null)).ArchiveOrphans.Files);
        clock.Now = DateTimeOffset.UtcNow.AddHours(2);
        var later = await Runner(wh, clock).RunAsync([other], null);

        Assert.Equal(dialect == "postgres" ? 0 : 1, later.ArchiveOrphans.Files);
        if (orphan is not null) Assert.False(File.Exists(orphan));
        // every file loaded still opens
        foreach (var workbook in workbooks.Where(w => Sha(w.Bytes) != failedSha))
            Assert.Equal(workbook.Bytes, await ReadAllAsync(archive, Sha(workbook.Bytes)));
    }

    [Fact]
    public async Task A_reviewed_extraction_is_archived_as_its_json_and_says_so()
    {
        await using var wh = await WarehouseAsync();
        var workbook = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout());
        var extracted = DocumentExtractors.Create(null).Extract(new InputFile(workbook.FileName, workbook.Bytes));
        var json = System.Text.Encoding.UTF8.GetBytes(Pipeline.Extraction.Json.ExtractionJson.Serialize(extracted));
        var path = Write("reviewed/monitoraggio.json", json);

        Assert.Equal(1, (await Runner(wh).RunAsync([path], null)).Count(FileStatus.New));

        var entry = await SourceArchive.For(wh.Dialect).FindAsync(Sha(json), CancellationToken.None);
        Assert.NotNull(entry);
        Assert.True(entry.IsExtractionJson);
        Assert.Equal(("application/json", "monitoraggio.json"), (entry.MediaType, entry.FileName));
        Assert.Equal(Sha(workbook.Bytes), await wh.ScalarAsync<string>("SELECT source_sha256 FROM dim_document"));
    }
}

public sealed class SqliteArchiveIngestTests() : ArchiveIngestTests("sqlite");

public sealed class PostgresArchiveIngestTests() : ArchiveIngestTests("postgres");
