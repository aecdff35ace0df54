using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pipeline.Cli.Tests;
using Pipeline.Samples.Tests;

namespace Pipeline.Web.BrowserTests.Support;

/// <summary>
/// The issue's check, as child processes of the real CLI: <c>pipeline demo</c> on the committed sample region (in a
/// work folder of its own, SQLite), then <c>pipeline serve --urls http://127.0.0.1:PORT</c> on that warehouse until
/// disposed (<see cref="DemoAppOnPostgres"/>: the same on a fresh database of the test PostgreSQL). Signs in as the demo's account with the password given through <c>$PIPELINE_DEMO_PASSWORD</c>.
/// </summary>
public class DemoApp : IAsyncLifetime
{
    public const string User = "demo";
    public string Password { get; } = "prova-" + Guid.NewGuid().ToString("N")[..12];

    private static readonly string[] Linked = ["sample-data", "config", "jobs"];

    private readonly CliRunner _cli = new() { Deadline = TimeSpan.FromMinutes(5) };
    private Process? _serve;
    private readonly List<string> _serveLog = [];

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where the warehouse lives: the demo's SQLite file in the work folder.</summary>
    public string Warehouse => _cli.Warehouse;

    /// <summary>The warehouse the demo loads and the app serves: an SQLite file in the work folder.</summary>
    protected virtual Task<string> CreateWarehouseAsync(string workFolder) =>
        Task.FromResult($"Data Source={Path.Combine(workFolder, "data", "warehouse.db")}");

    protected virtual Task DropWarehouseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _cli.Warehouse = await CreateWarehouseAsync(_cli.WorkDir);
        // the demo reads ./sample-data, ./config and ./jobs: the repository's, seen from the work folder
        foreach (var folder in Linked) Directory.CreateSymbolicLink(_cli.PathOf(folder), Path.Combine(RepositoryPaths.Root(), folder));
        _cli.Environment["PIPELINE_DEMO_PASSWORD"] = Password;
        var demo = await _cli.RunAsync("demo");
        if (demo.ExitCode != 0) throw new InvalidOperationException($"pipeline demo failed: {demo}");

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _cli.WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.CliDll, "serve", "--urls", BaseUrl, "--warehouse", _cli.Warehouse }) info.ArgumentList.Add(arg);
        info.Environment["PIPELINE_LOG_DIR"] = _cli.PathOf("logs");
        _serve = Process.Start(info)!;
        _serve.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_serveLog) _serveLog.Add(e.Data); };
        _serve.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_serveLog) _serveLog.Add(e.Data); };
        _serve.BeginOutputReadLine();
        _serve.BeginErrorReadLine();
        await WaitUntilServingAsync(TimeSpan.FromSeconds(60));
    }

    private async Task WaitUntilServingAsync(TimeSpan deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline)
        {
            if (_serve!.HasExited) throw new InvalidOperationException($"pipeline serve exited with {_serve.ExitCode}: {Log}");
            try
            {
                var answer = await http.GetAsync(BaseUrl + "/accedi");
                if (answer.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"pipeline serve did not answer on {BaseUrl} within {deadline.TotalSeconds:0} s: {Log}");
    }

    private string Log
    {
        get { lock (_serveLog) return string.Join("\n", _serveLog.TakeLast(30)); }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync();
        }
        _serve?.Dispose();
        foreach (var folder in Linked) Directory.Delete(_cli.PathOf(folder)); // the links only, before the work folder goes
        _cli.Dispose();
        await DropWarehouseAsync();
    }
}

/// <summary>
/// <see cref="DemoApp"/> on a fresh database of the PostgreSQL server that ./test.sh starts
/// (<c>PIPELINE_TEST_POSTGRES</c>): the archived originals live in the database itself.
/// </summary>
public sealed class DemoAppOnPostgres : DemoApp
{
    private Pipeline.Warehouse.Tests.TestWarehouse? _warehouse;

    protected override async Task<string> CreateWarehouseAsync(string workFolder)
    {
        _warehouse = await Pipeline.Warehouse.Tests.TestWarehouse.CreatePostgresAsync();
        return _warehouse.ConnectionString;
    }

    protected override async Task DropWarehouseAsync()
    {
        if (_warehouse is not null) await _warehouse.DisposeAsync();
    }
}
