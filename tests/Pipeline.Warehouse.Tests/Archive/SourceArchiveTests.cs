using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Extraction;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests.Archive;

/// <summary>
/// The archive through the document loader on both dialects: SQLite's folder store (archive/ beside the warehouse
/// file) and PostgreSQL's database store (source_chunk), each with real bytes written to disk first.
/// </summary>
public abstract class SourceArchiveTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-archive-in-");

    public void Dispose() => _input.Delete(recursive: true);

    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    /// <summary>A clock the test moves: the archive stamps entries and ages orphans by it.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A file written to the input folder and a load of it (the document built in code, its bytes archived).</summary>
    private (LoadRequest Request, byte[] Bytes) Written(string name, string content, ExtractedDocument document, string? chamber = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var path = Path.Combine(_input.FullName, name);
        File.WriteAllBytes(path, bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (new LoadRequest(document, path, sha) { ChamberCode = chamber, Source = ArchiveSource.FromBytes(File.ReadAllBytes(path), path, sha) }, bytes);
    }

    private static ExtractedDocument Unnamed(ExtractedDocument document) => document with { Document = document.Document with { Chamber = null } };

    private static async Task<byte[]> ReadAllAsync(SourceArchive archive, string sha256)
    {
        await using var stream = await archive.OpenReadAsync(sha256, CancellationToken.None) ?? throw new FileNotFoundException(sha256);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Loaded_bytes_open_from_the_archive_byte_identical_with_their_size_type_and_store()
    {
        await using var wh = await WarehouseAsync();
        var (request, bytes) = Written("monitoraggio.xlsx", "the workbook's bytes, version 1", Documents.FoggiaMonitoring());
        await new DocumentLoader(wh.Dialect).LoadAsync(request);

        var archive = SourceArchive.For(wh.Dialect);
        Assert.Equal(bytes, await ReadAllAsync(archive, request.Sha256));
        Assert.Equal(bytes, await ReadAllAsync(archive, request.Sha256.ToUpperInvariant()));
        var entry = await archive.FindAsync(request.Sha256, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal((bytes.Length, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "monitoraggio.xlsx", false),
            (entry.SizeBytes, entry.MediaType, entry.FileName, entry.IsExtractionJson));
        Assert.Equal(dialect == "sqlite" ? "folder" : "database", entry.Store);
        if (dialect == "sqlite")
        {
            var sqliteFile = ((Dialects.SqliteDialect)wh.Dialect).DataSource;
            Assert.Equal(Path.Combine(Path.GetDirectoryName(sqliteFile)!, "archive", request.Sha256[..2], request.Sha256[2..4], request.Sha256), entry.Location);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(entry.Location));
        }
        Assert.InRange(entry.StoredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        // what is not archived, or is no sha256 at all, is absent: never an error, never a path
        Assert.Null(await archive.OpenReadAsync(new string('a', 64), CancellationToken.None));
        Assert.Null(await archive.FindAsync("../../../../etc/passwd", CancellationToken.None));
        Assert.Null(await archive.OpenReadAsync(request.Sha256[..63] + "/", CancellationToken.None));
    }

    [Fact]
    public async Task Identical_bytes_loaded_for_two_chambers_are_stored_once()
    {
        await using var wh = await WarehouseAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var (foggia, bytes) = Written("monitoraggio.xlsx", "one workbook sent by two chambers", Unnamed(Documents.FoggiaMonitoring()), "FG");
        var (lecce, _) = Written("monitoraggio.xlsx", "one workbook sent by two chambers", Unnamed(Documents.FoggiaMonitoring()), "LE");

        Assert.Equal(LoadOutcome.Loaded, (await loader.LoadAsync(foggia)).Outcome);
        Assert.Equal(LoadOutcome.Loaded, (await loader.LoadAsync(lecce)).Outcome);

        Assert.Equal(2, await wh.CountAsync("dim_document"));
        Assert.Equal(1, await wh.CountAsync("source_archive"));
        if (dialect == "postgres") Assert.Equal(1, await wh.CountAsync("source_chunk"));
        else Assert.Single(Directory.EnumerateFiles(SourceArchive.For(wh.Dialect).Folder!, "*", SearchOption.AllDirectories));
        Assert.Equal(bytes, await ReadAllAsync(SourceArchive.For(wh.Dialect), foggia.Sha256));
    }

    [Fact]
    public async Task A_load_that_fails_after_archiving_leaves_no_entry_and_at_most_an_orphan_that_the_clean_up_removes_after_an_hour()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(DateTimeOffset.UtcNow);
        var archive = SourceArchive.For(wh.Dialect, null, clock);
        var failing = new DocumentLoader(wh.Dialect, clock, archive) { AfterStep = step => { if (step == "kpi:2") throw new IOException("disk full (injected)"); } };
        var (request, _) = Written("monitoraggio.xlsx", "a workbook whose load fails", Documents.FoggiaMonitoring());

        await Assert.ThrowsAsync<IOException>(() => failing.LoadAsync(request));

        Assert.Equal(0, await wh.CountAsync("dim_document"));
        Assert.Equal(0, await wh.CountAsync("source_archive"));
        Assert.Null(await archive.FindAsync(request.Sha256, CancellationToken.None));
        if (dialect == "postgres")
        {
            Assert.Equal(0, await wh.CountAsync("source_chunk"));
            Assert.Equal(OrphansRemoved.None, await archive.RemoveOrphansAsync(CancellationToken.None));
            return;
        }
        // the folder store wrote its file before the commit that did not come: an orphan, kept while it may be a load's
        var orphan = Path.Combine(archive.Folder!, request.Sha256[..2], request.Sha256[2..4], request.Sha256);
        Assert.True(File.Exists(orphan));
        clock.Now = DateTimeOffset.UtcNow.AddMinutes(50);
        Assert.Equal(0, (await archive.RemoveOrphansAsync(CancellationToken.None)).Files);
        Assert.True(File.Exists(orphan));
        // a file of a committed load, as old, stays
        var (kept, _) = Written("relazione.xlsx", "a workbook that loads", Documents.FoggiaMonitoring("sha-other", 30m));
        await new DocumentLoader(wh.Dialect, clock, archive).LoadAsync(kept);
        var temporary = Path.Combine(archive.Folder!, ".left-by-a-crash.tmp");
        await File.WriteAllTextAsync(temporary, "half a file");

        clock.Now = DateTimeOffset.UtcNow.AddHours(2);
        var removed = await archive.RemoveOrphansAsync(CancellationToken.None);

        Assert.Equal((2, (long)"a workbook whose load fails".Length + "half a file".Length), (removed.Files, removed.Bytes));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(temporary));
        Assert.NotNull(await archive.OpenReadAsync(kept.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task The_folder_file_is_written_before_the_load_waits_for_the_write_gate()
    {
        if (dialect != "sqlite") return;   // the database store writes in the load's transaction; PostgreSQL has no gate
        await using var wh = await WarehouseAsync();
        var (request, bytes) = Written("monitoraggio.xlsx", "bytes copied while another chamber writes", Documents.FoggiaMonitoring());
        var archive = SourceArchive.For(wh.Dialect);
        var file = Path.Combine(archive.Folder!, request.Sha256[..2], request.Sha256[2..4], request.Sha256);
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        // another writer (its own flow) holds SQLite's one writer's turn
        var other = Task.Run(async () =>
        {
            await using var writing = await wh.Dialect.Writes.EnterAsync();
            held.SetResult();
            await release.Task;
        });
        await held.Task;

        var load = new DocumentLoader(wh.Dialect).LoadAsync(request);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(file) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(File.Exists(file), "the archive file was not written while the gate was held");
        Assert.False(load.IsCompleted);
        Assert.Equal(0, await wh.CountAsync("source_archive"));

        release.SetResult();
        await other;
        Assert.Equal(LoadOutcome.Loaded, (await load).Outcome);
        Assert.Equal(bytes, await ReadAllAsync(archive, request.Sha256));
        Assert.Equal(1, await wh.CountAsync("source_archive"));
    }

    [Fact]
    public async Task A_load_whose_file_changed_since_it_was_read_fails_and_archives_nothing()
    {
        await using var wh = await WarehouseAsync();
        var (request, _) = Written("pratiche.csv", "protocollo;data\n1;01/02/2021\n", Documents.FoggiaMonitoring());
        // the loader recorded one sha256; the file on disk now holds other bytes
        await File.WriteAllTextAsync(request.FilePath, "protocollo;data\n2;01/02/2021\n");
        var changed = request with { Source = ArchiveSource.FromFile(request.FilePath, request.Sha256) };

        var ex = await Assert.ThrowsAsync<LoadException>(() => new DocumentLoader(wh.Dialect).LoadAsync(changed));

        Assert.StartsWith("pratiche.csv: its bytes changed while it was loaded (sha256 ", ex.Message);
        Assert.Equal(0, await wh.CountAsync("dim_document"));
        Assert.Equal(0, await wh.CountAsync("source_archive"));
    }

    [Fact]
    public async Task A_configured_folder_holds_the_bytes_on_either_warehouse_and_entries_stored_elsewhere_still_open()
    {
        await using var wh = await WarehouseAsync();
        var (before, first) = Written("piano.xlsx", "stored by the warehouse's default store", Documents.FoggiaMonitoring());
        await new DocumentLoader(wh.Dialect).LoadAsync(before);
        var folder = Path.Combine(_input.FullName, "shared-archive");
        var configured = SourceArchive.For(wh.Dialect, new ArchiveSettings(folder));
        var (after, second) = Written("monitoraggio.xlsx", "stored in the configured folder", Documents.FoggiaMonitoring("v2", 30m));

        await new DocumentLoader(wh.Dialect, null, configured).LoadAsync(after);

        Assert.Equal(("folder", Path.Combine(folder, after.Sha256[..2], after.Sha256[2..4], after.Sha256)),
            (configured.Store, (await configured.FindAsync(after.Sha256, CancellationToken.None))?.Location));
        Assert.Equal(second, await File.ReadAllBytesAsync(Path.Combine(folder, after.Sha256[..2], after.Sha256[2..4], after.Sha256)));
        Assert.Equal("folder", await wh.ScalarAsync<string>("SELECT store FROM source_archive WHERE sha256 = @Sha256", new { after.Sha256 }));
        // the entry the default store holds is read from it, whatever the configuration says now
        var expected = dialect == "postgres" ? first : null;
        Assert.Equal(expected, await configured.OpenReadAsync(before.Sha256, CancellationToken.None) is { } stream ? await ReadAsync(stream) : null);
    }

    private static async Task<byte[]> ReadAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task A_document_loaded_without_its_bytes_keeps_loading_and_is_simply_not_archived()
    {
        await using var wh = await WarehouseAsync();
        var result = await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(Documents.FoggiaMonitoring(), "/in/monitoraggio.xlsx", "sha-foggia-1"));

        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        Assert.Equal(0, await wh.CountAsync("source_archive"));
        Assert.Null(await SourceArchive.For(wh.Dialect).FindAsync("sha-foggia-1", CancellationToken.None));
    }
}

public sealed class SqliteSourceArchiveTests() : SourceArchiveTests("sqlite");

public sealed class PostgresSourceArchiveTests() : SourceArchiveTests("postgres");
