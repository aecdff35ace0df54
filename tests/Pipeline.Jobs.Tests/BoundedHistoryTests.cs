using System.Text;
using Pipeline.Core.Extraction;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Extraction.Json;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Ingest;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests;

/// <summary>
/// Issue 13 on both dialects, through real files and the ingest runner: the same bytes for two chambers are loaded
/// for both; a feed superseded longer ago than the retention loses its staged rows and keeps its measurements and
/// lineage, and trace says so; a run where nothing changed leaves the database the same size.
/// </summary>
public abstract class BoundedHistoryTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-history-");
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 22, 0, 0, TimeSpan.Zero);

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A clock the test moves from night to night.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly MetricBindings Bindings = MetricBindings.Parse(
        """
        {
          "bindings": [
            { "chamber": "FG", "kpi": "C1.1_04", "metric": "ri.practices_within_days", "params": { "days": 5 }, "periods": ["2021"] },
            { "chamber": "BA", "kpi": "C1.1_04", "metric": "ri.practices_within_days", "params": { "days": 5 }, "periods": ["2021"] }
          ]
        }
        """, "test");

    private IngestRunner Runner(TestWarehouse wh, Clock clock, TimeSpan? retention = null) =>
        new(wh.Dialect, DocumentExtractors.Create(null), Logger, clock)
        {
            Feeds = new FeedIngestor(wh.Dialect, FeedHeaderConfig.Default, Bindings, "test-salt", clock),
            StagedRowsRetention = retention ?? TimeSpan.FromDays(30),
        };

    /// <summary>A reviewed extraction (JSON) of a plan 2021-2023 that names no chamber: --chamber says whose it is.</summary>
    private string WritePlan(string folder)
    {
        var plan = new ExtractedDocument
        {
            Document = new DocumentInfo { File = "piano.pdf", Sha256 = "", Format = "pdf", Family = "generic", DocType = "piano", PeriodFrom = 2021, PeriodTo = 2023, Pages = 2 },
            Objectives = [new() { Id = "o1", Code = "OO.1", Level = "operational", Title = "Tempi del Registro Imprese", Source = SourceRef.ForPage(1, null) }],
            Kpis = [new() { Id = "k1", Objective = "o1", Code = "C1.1_04", Name = "Pratiche RI evase entro 5 giorni", Unit = "%", Source = SourceRef.ForPage(2, null) }],
        };
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir.FullName, folder)).FullName, "piano.json");
        File.WriteAllText(path, ExtractionJson.Serialize(plan));
        return path;
    }

    /// <summary>A 2021 practice export of <paramref name="rows"/> rows; another seed gives other bytes.</summary>
    private string WriteFeed(string folder, string name, int rows, int seed)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir.FullName, folder)).FullName, name);
        using var file = File.Create(path);
        PracticeFeed.Write(file, PracticeFeed.Rows(rows, seed, 2021, 1), FeedCsvStyle.Priamo);
        return path;
    }

    private static async Task<long> StagedAsync(TestWarehouse wh, long documentId) =>
        await wh.ScalarAsync<long>("SELECT COUNT(*) FROM stg_practice WHERE document_id = @documentId", new { documentId });

    /// <summary>SQLite: pages × page size of the file; PostgreSQL: the size of the database on disk.</summary>
    private async Task<long> DatabaseSizeAsync(TestWarehouse wh) => dialect == "sqlite"
        ? await wh.ScalarAsync<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        : await wh.ScalarAsync<long>("SELECT pg_database_size(current_database())");

    [Fact]
    public async Task The_same_bytes_for_two_chambers_are_loaded_for_both_each_with_its_own_documents_and_values()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var clock = new Clock();
        WritePlan("in");
        WriteFeed("in", "pratiche.csv", 200, 7);
        var input = Path.Combine(_dir.FullName, "in");

        var fg = await Runner(wh, clock).RunAsync([input], "FG");
        var ba = await Runner(wh, clock).RunAsync([input], "BA");
        var again = await Runner(wh, clock).RunAsync([input], "BA");

        Assert.Equal((2, 0), (fg.Count(FileStatus.New), fg.Count(FileStatus.Unchanged)));
        Assert.Equal((2, 0), (ba.Count(FileStatus.New), ba.Count(FileStatus.Unchanged)));
        Assert.Equal((0, 2), (again.Count(FileStatus.New), again.Count(FileStatus.Unchanged)));
        var documents = await wh.QueryAsync(
            "SELECT c.code, d.doc_type, d.sha256, d.document_id FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id ORDER BY d.document_id");
        Assert.Equal(["FG piano", "FG feed", "BA piano", "BA feed"], documents.Select(d => $"{d.code} {d.doc_type}"));
        Assert.Equal((string)documents[0].sha256, (string)documents[2].sha256);
        Assert.Equal((string)documents[1].sha256, (string)documents[3].sha256);
        // the feed's rows are staged for each chamber (not shared: each history is removed on its own clock)
        Assert.Equal((200L, 200L), (await StagedAsync(wh, (long)documents[1].document_id), await StagedAsync(wh, (long)documents[3].document_id)));

        // each chamber has its own KPI, measured from its own feed document, traced to it
        var traced = await new TraceQueries(wh.Dialect).TraceAsync("C1.1_04");
        Assert.Equal(["BA", "FG"], traced.Select(k => k.ChamberCode).Order());
        foreach (var kpi in traced)
        {
            var measured = Assert.Single(kpi.Values, v => v.SourceKind == "rows");
            var feedOfChamber = documents.Single(d => d.code == kpi.ChamberCode && d.doc_type == "feed");
            Assert.Equal((long)feedOfChamber.document_id, measured.DocumentId);
            Assert.NotNull(measured.FeedRows);
            Assert.Equal(kpi.Values.Single(v => v.SourceKind == "rows").Value, traced[0].Values.Single(v => v.SourceKind == "rows").Value);
        }
    }

    [Fact]
    public async Task A_feed_superseded_longer_ago_than_the_retention_loses_its_rows_and_keeps_its_values_and_lineage()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var clock = new Clock();
        WritePlan("v1");
        var v1 = WriteFeed("v1", "pratiche.csv", 500, 1);
        var first = await Runner(wh, clock).RunAsync([Path.Combine(_dir.FullName, "v1")], "FG");
        var v1Id = first.Files.Single(f => f.Feed is not null).Load!.DocumentId;

        clock.Now = Start.AddDays(1);
        var second = await Runner(wh, clock).RunAsync([WriteFeed("v2", "pratiche.csv", 500, 2)], "FG");
        var v2Id = second.Files.Single().Load!.DocumentId;
        Assert.Equal(FileStatus.Superseding, second.Files.Single().Status);

        // 30 days after it was superseded the rows are still there; the next night they are not
        clock.Now = Start.AddDays(1 + 30).AddMinutes(-1);
        var within = await Runner(wh, clock).RunAsync([v1], "FG");
        Assert.Empty(within.Purged!.Documents);
        Assert.Equal(500, await StagedAsync(wh, v1Id));
        var measurements = await wh.CountAsync("fact_kpi_measurement");
        var lineage = await wh.CountAsync("lineage");

        clock.Now = Start.AddDays(1 + 31);
        var past = await Runner(wh, clock).RunAsync([v1], "FG");

        Assert.Equal([v1Id], past.Purged!.Documents);
        Assert.Equal(500, past.Purged.Rows);
        Assert.Equal((0L, 500L), (await StagedAsync(wh, v1Id), await StagedAsync(wh, v2Id)));
        Assert.Equal(measurements, await wh.CountAsync("fact_kpi_measurement"));
        Assert.Equal(lineage, await wh.CountAsync("lineage"));
        Assert.Equal(1, await wh.CountAsync("dim_document", $"document_id = {v1Id} AND rows_removed_at IS NOT NULL"));
        Assert.Equal(1, await wh.CountAsync("dim_document", "rows_removed_at IS NOT NULL"));

        var kpi = Assert.Single(await new TraceQueries(wh.Dialect).TraceAsync("C1.1_04"));
        var old = kpi.Values.Single(v => v.DocumentId == v1Id);
        Assert.Equal(clock.Now, old.RowsRemovedAt);
        Assert.Null(old.FeedRows);
        Assert.Equal("superseded", old.Version);
        Assert.Contains("\"metric\":\"ri.practices_within_days\"", old.Detail);
        Assert.Contains("\"rows_staged\":500", old.Detail);
        Assert.Contains($"\"feed_sha256\":\"{old.DocumentSha256}\"", old.Detail);
        var current = kpi.Values.Single(v => v.DocumentId == v2Id);
        Assert.Null(current.RowsRemovedAt);
        Assert.NotNull(current.FeedRows);

        // removed once: a later night finds nothing more to remove and keeps the first time
        clock.Now = Start.AddDays(60);
        var later = await Runner(wh, clock).RunAsync([v1], "FG");
        Assert.Empty(later.Purged!.Documents);
        Assert.Equal(Start.AddDays(1 + 31), (await new TraceQueries(wh.Dialect).TraceAsync("C1.1_04"))[0].Values.Single(v => v.DocumentId == v1Id).RowsRemovedAt);
    }

    [Fact]
    public async Task A_chamber_s_run_removes_only_its_own_feeds_rows()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var clock = new Clock();
        WritePlan("plan");
        foreach (var chamber in new[] { "FG", "BA" })
        {
            await Runner(wh, clock).RunAsync([Path.Combine(_dir.FullName, "plan"), WriteFeed("v1", "pratiche.csv", 50, 1)], chamber);
            await Runner(wh, clock).RunAsync([WriteFeed("v2", "pratiche.csv", 50, 2)], chamber);
        }

        clock.Now = Start.AddDays(40);
        var fg = await Runner(wh, clock).RunAsync([Path.Combine(_dir.FullName, "v2")], "FG");

        var removed = Assert.Single(fg.Purged!.Documents);
        Assert.Equal("FG", await wh.ScalarAsync<string>(
            "SELECT c.code FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id WHERE d.document_id = @removed", new { removed }));
        Assert.Equal(150, await wh.CountAsync("stg_practice"));
    }

    [Fact]
    public async Task A_night_where_nothing_changed_leaves_the_database_the_same_size()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var clock = new Clock();
        WritePlan("in");
        var feed = WriteFeed("in", "pratiche.csv", 5_000, 3);
        var input = Path.Combine(_dir.FullName, "in");
        await Runner(wh, clock).RunAsync([input], "FG");
        clock.Now = Start.AddDays(1);
        File.Delete(feed);
        WriteFeed("in", "pratiche.csv", 5_000, 4); // a new export supersedes the first
        await Runner(wh, clock).RunAsync([input], "FG");
        clock.Now = Start.AddDays(40); // the first export's rows go
        var purging = await Runner(wh, clock).RunAsync([input], "FG");
        Assert.Single(purging.Purged!.Documents);

        var before = await DatabaseSizeAsync(wh);
        clock.Now = Start.AddDays(41);
        var quiet = await Runner(wh, clock).RunAsync([input], "FG");

        Assert.Equal(2, quiet.Count(FileStatus.Unchanged));
        Assert.Empty(quiet.Purged!.Documents);
        Assert.Equal(before, await DatabaseSizeAsync(wh));
    }
}

public sealed class SqliteBoundedHistoryTests() : BoundedHistoryTests("sqlite");

public sealed class PostgresBoundedHistoryTests() : BoundedHistoryTests("postgres");
