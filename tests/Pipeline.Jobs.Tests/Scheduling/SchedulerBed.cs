using System.Runtime.CompilerServices;
using Dapper;
using Pipeline.Jobs.Scheduling;
using Pipeline.Warehouse.Runs;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests.Scheduling;

/// <summary>
/// A real warehouse, a configuration folder (the committed config/ with a chambers.json of the test's own, sources
/// pointing at the committed sample-data/) and scheduler nodes running in this process on Quartz's persistent store.
/// </summary>
public sealed class SchedulerBed : IAsyncDisposable
{
    private readonly DirectoryInfo _root;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private SchedulerBed(TestWarehouse warehouse, DirectoryInfo root)
    {
        Warehouse = warehouse;
        _root = root;
    }

    public TestWarehouse Warehouse { get; }
    public string ConfigDirectory => Path.Combine(_root.FullName, "config");
    public EtlRunStore Runs => new(Warehouse.Dialect);

    /// <summary>The committed sample region's folder (sample-data/molise).</summary>
    public static string Samples([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "sample-data", "molise"));

    private static string RepositoryConfig([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "config"));

    /// <summary>A bed whose config/chambers.json lists the sample chamber (CBIS) with these sources (absolute paths or globs).</summary>
    public static Task<SchedulerBed> CreateAsync(string dialect, params string[] sources)
    {
        var list = string.Join(", ", sources.Select(s => System.Text.Json.JsonSerializer.Serialize(s)));
        return CreateAsync(dialect, $$"""{ "code": "CBIS", "name": "Camera di Commercio del Molise", "region": "Molise", "patron": "04-23", "sources": { "all": [{{list}}] } }""");
    }

    /// <summary>A bed whose config/chambers.json lists these chambers (e.g. a <see cref="Runs.RegionBed"/>'s), each with its folder.</summary>
    public static Task<SchedulerBed> CreateAsync(string dialect, IReadOnlyList<Pipeline.Jobs.Runs.ChamberSource> chambers) =>
        CreateAsync(dialect, string.Join(", ", chambers.Select(c => System.Text.Json.JsonSerializer.Serialize(new
        {
            code = c.Code, name = c.Name, region = c.Region, sources = new { all = c.Sources },
        }))));

    private static async Task<SchedulerBed> CreateAsync(string dialect, string chambersJson)
    {
        var root = Directory.CreateTempSubdirectory("pipeline-sched-");
        var config = Directory.CreateDirectory(Path.Combine(root.FullName, "config"));
        foreach (var file in Directory.EnumerateFiles(RepositoryConfig(), "*.json"))
            File.Copy(file, Path.Combine(config.FullName, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "chambers.json"), $$"""{ "chambers": [ {{chambersJson}} ] }""");
        var warehouse = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        return new SchedulerBed(warehouse, root);
    }

    public static JobDefinition Nightly(string cron = "0 30 1 * * ?", RetrySettings? retry = null) =>
        new("nightly", JobKind.Nightly, "Nightly load", cron, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"), null,
            retry ?? new RetrySettings(0, TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(1)));

    public static SchedulerSettings Settings(string node, int threads = 2) => new(node)
    {
        Threads = threads,
        IdleWait = TimeSpan.FromSeconds(1),
        MisfireThreshold = TimeSpan.FromSeconds(1),
        CheckinInterval = TimeSpan.FromSeconds(1),
        CheckinMisfireThreshold = TimeSpan.FromSeconds(1),
    };

    /// <summary>A node running until <see cref="Node.StopAsync"/>; started when this returns.</summary>
    public async Task<Node> StartNodeAsync(string id, IReadOnlyList<JobDefinition> definitions, TimeSpan? stopGrace = null, int threads = 2)
    {
        var settings = Settings(id, threads);
        var services = new SchedulerServices(Warehouse.Dialect, ConfigDirectory, id, new LoggerConfiguration().CreateLogger(), TimeProvider.System, _http);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = new SchedulerHost(services, settings, definitions, Pipeline.Jobs.Runs.ChamberSources.FromDirectory(ConfigDirectory))
        {
            StopGrace = stopGrace ?? TimeSpan.FromSeconds(30),
            Started = _ => started.TrySetResult(),
        };
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => host.RunAsync(stop.Token));
        await Task.WhenAny(started.Task, running, Task.Delay(TimeSpan.FromSeconds(60)));
        if (running.IsFaulted) await running;
        Assert.True(started.Task.IsCompleted, "the scheduler node did not start within 60 s");
        return new Node(host, stop, running);
    }

    public sealed class Node(SchedulerHost host, CancellationTokenSource stop, Task running)
    {
        public Quartz.IScheduler Scheduler => host.Scheduler ?? throw new InvalidOperationException("the node is not running");

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(120));
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the runs of a job (newest first), or fails after the timeout.</summary>
    public async Task<IReadOnlyList<EtlRunRow>> WaitForRunsAsync(string job, Func<IReadOnlyList<EtlRunRow>, bool> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var runs = await Runs.RecentAsync(100, job: job);
            if (done(runs)) return runs;
            if (clock.Elapsed > timeout)
                Assert.Fail($"after {timeout.TotalSeconds:0}s the runs of {job} are: " +
                            string.Join("; ", runs.Select(r => $"{r.RunId} {r.Status} attempt {r.Attempt} {r.Error}")));
            await Task.Delay(100);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Warehouse.Dialect.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Warehouse.DisposeAsync();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
