using System.Runtime.CompilerServices;
using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Core.Chambers;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Runs;
using Pipeline.Samples;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests.Runs;

/// <summary>
/// A region of several chambers on a real warehouse: each chamber the sample plan under its own code and name (so its
/// plan and workbooks are bytes of its own), in a folder of its own, loaded by the real nightly run with the committed
/// configuration, on a day of the test's choosing.
/// </summary>
public sealed class RegionBed : IAsyncDisposable
{
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();
    private readonly DirectoryInfo _root;

    private RegionBed(TestWarehouse warehouse, DirectoryInfo root, IReadOnlyList<ChamberSource> chambers)
    {
        Warehouse = warehouse;
        _root = root;
        Chambers = chambers;
    }

    public TestWarehouse Warehouse { get; }
    public IReadOnlyList<ChamberSource> Chambers { get; }

    public static string RepositoryConfig([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "config"));

    /// <summary>A warehouse and the folders of the first <paramref name="count"/> chambers of the reference list, each with its plan (PDF) and its two monitoring workbooks.</summary>
    public static async Task<RegionBed> CreateAsync(string dialect, int count)
    {
        var warehouse = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var root = Directory.CreateTempSubdirectory("pipeline-region-");
        var chambers = new List<ChamberSource>();
        foreach (var info in ItalianChambers.All.Take(count))
        {
            var (code, name) = (info.Code, $"Camera di Commercio di {info.Name}");
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, code));
            var plan = SampleRegion.Molise() with { ChamberCode = code, ChamberName = name };
            foreach (var layout in SampleGenerator.Layouts())
            {
                var workbook = SampleGenerator.Render(plan, layout);
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, Path.GetFileName(workbook.FileName)), workbook.Bytes);
            }
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "piano.pdf"), Samples.Pdf.IntegraPianoLayout.Render(plan, SampleGenerator.PlanPdfStyle()));
            chambers.Add(new ChamberSource(code, name, info.Region, null, [], [folder.FullName]));
        }
        return new RegionBed(warehouse, root, chambers);
    }

    public string FolderOf(ChamberSource chamber) => chamber.Sources[0];

    /// <summary>Adds a practice feed export of its own to the chamber's folder (a new feed version on the next night).</summary>
    public void AddPracticeFeed(ChamberSource chamber, string name, int rows, int seed) =>
        FeedFiles.WritePractices(Path.Combine(FolderOf(chamber), "feeds", name), rows, seed);

    /// <summary>A nightly run that computes and evaluates for <paramref name="day"/> (noon UTC) under these settings.</summary>
    public NightlyRun Night(DateOnly day, AchievementPolicy? policy = null, AlertConfig? alerts = null) =>
        Night(day, _ => policy ?? AchievementPolicy.Integra, alerts);

    /// <summary>A nightly run for <paramref name="day"/> with each chamber's policy from <paramref name="policyOf"/>.</summary>
    public NightlyRun Night(DateOnly day, Func<string, AchievementPolicy> policyOf, AlertConfig? alerts = null)
    {
        var clock = new Clock(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var config = alerts ?? AlertConfig.FromDirectory(RepositoryConfig());
        var ingest = RunEnvironment.CreateIngestRunner(Warehouse.Dialect, RepositoryConfig(), Logger, clock);
        var evaluator = new AlertEvaluator(Warehouse.Dialect, config, [], clock);
        return new NightlyRun(Warehouse.Dialect, ingest, evaluator, policyOf, clock, config);
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Warehouse.Dialect.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        try { _root.Delete(recursive: true); } catch (IOException) { }
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
