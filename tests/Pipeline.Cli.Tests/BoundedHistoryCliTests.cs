using Pipeline.Core.Extraction;
using Pipeline.Extraction.Json;
using Pipeline.Samples.Feeds;

namespace Pipeline.Cli.Tests;

/// <summary>
/// The retention through the real CLI: with config/retention.json at 0 days, the ingest that supersedes a feed removes
/// its staged rows, and <c>pipeline trace</c> says so and what the lineage kept; the same files for another chamber load.
/// </summary>
public sealed class BoundedHistoryCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Folder(string name) => Directory.CreateDirectory(_cli.PathOf(name)).FullName;

    private string WriteFeed(string folder, int seed)
    {
        var path = Path.Combine(Folder(folder), "pratiche.csv");
        using var file = File.Create(path);
        PracticeFeed.Write(file, PracticeFeed.Rows(300, seed, 2021, 1), FeedCsvStyle.Priamo);
        return path;
    }

    [Fact]
    public async Task Trace_says_when_a_superseded_feed_s_rows_were_removed_and_what_its_lineage_kept()
    {
        var config = Folder("config");
        File.WriteAllText(Path.Combine(config, "retention.json"), """{ "staged_rows_retention_days": 0 }""");
        File.WriteAllText(Path.Combine(config, "metrics.json"),
            """{ "bindings": [ { "chamber": "FG", "kpi": "C1.1_04", "metric": "ri.practices_within_days", "params": { "days": 5 }, "periods": ["2021"] } ] }""");
        var plan = new ExtractedDocument
        {
            Document = new DocumentInfo { File = "piano.pdf", Sha256 = "", Format = "pdf", Family = "generic", DocType = "piano", PeriodFrom = 2021, PeriodTo = 2023, Pages = 1 },
            Kpis = [new() { Id = "k1", Code = "C1.1_04", Name = "Pratiche RI evase entro 5 giorni", Unit = "%", Source = SourceRef.ForPage(1, null) }],
        };
        File.WriteAllText(Path.Combine(Folder("v1"), "piano.json"), ExtractionJson.Serialize(plan));
        WriteFeed("v1", 1);
        var v2 = WriteFeed("v2", 2);

        Assert.Equal(0, (await _cli.RunAsync("init")).ExitCode);
        var first = await _cli.RunAsync("ingest", Folder("v1"), "--chamber", "FG", "--config", config);
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await _cli.RunAsync("ingest", v2, "--chamber", "FG", "--config", config);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("staged rows of 1 superseded feed removed after the retention: 300 rows (their measurements and lineage stay)", second.Stdout);

        var trace = await _cli.RunAsync("trace", "C1.1_04", "--config", config);
        Assert.True(trace.ExitCode == 0, trace.ToString());
        var removed = Assert.Single(trace.Stdout.Split('\n'), l => l.Contains("staged rows removed on"));
        Assert.StartsWith("  2021 from pratiche.csv: staged rows removed on ", removed);
        Assert.Contains("(superseded feed past its retention); kept: metric ri.practices_within_days (", removed);
        Assert.Contains(", 300 rows read, 300 staged, 0 quarantined, file sha256 ", removed);
        // the current feed's rows are still listed
        Assert.Contains("numerator (", trace.Stdout);

        // the same files for another chamber: loaded for it, not "unchanged"
        var other = await _cli.RunAsync("ingest", Folder("v1"), "--chamber", "BA", "--config", config);
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Contains(": 2 new, 0 superseding, 0 unchanged, 0 failed;", other.Stdout);
    }
}
