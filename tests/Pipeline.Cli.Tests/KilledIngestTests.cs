using System.Diagnostics;
using System.Runtime.CompilerServices;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// A <c>pipeline ingest</c> killed mid-run (SIGKILL: no chance to finish its row) is marked interrupted by the next
/// ingest that starts, which completes; on both dialects.
/// </summary>
public abstract class KilledIngestTests(string dialect) : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_killed_ingest_is_marked_interrupted_by_the_next_one_which_completes()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        Directory.CreateDirectory(_cli.PathOf("config"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository(), "config"), "*.json"))
            File.Copy(file, Path.Combine(_cli.PathOf("config"), Path.GetFileName(file)));
        SampleGenerator.Generate(_cli.PathOf("samples"));
        var big = Directory.EnumerateFiles(_cli.PathOf("samples"), "pratiche-*.csv", SearchOption.AllDirectories).Single();
        Pipeline.Samples.Feeds.FeedFiles.WritePractices(big, 800_000, seed: 7);
        var small = Directory.EnumerateFiles(_cli.PathOf("samples"), "piano-*.pdf", SearchOption.AllDirectories).First();

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _cli.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliDll, "ingest", big, "--chamber", "CBIS", "--warehouse", wh.ConnectionString }) info.ArgumentList.Add(arg);
        info.Environment["PIPELINE_LOG_DIR"] = _cli.PathOf("logs-killed");
        info.Environment.Remove("PIPELINE_WAREHOUSE");
        using var child = Process.Start(info)!;
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        // under way: its row is written and it is reading the feed
        var clock = Stopwatch.StartNew();
        long killed = 0;
        while (killed == 0)
        {
            Assert.False(child.HasExited, "the ingest ended before it could be killed");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the ingest was not seen under way");
            try
            {
                killed = await wh.ScalarAsync<long>("SELECT COALESCE(MAX(run_id), 0) FROM etl_run WHERE status = 'running'");
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException)
            {
                // not migrated yet
            }
            await Task.Delay(100);
        }
        await Task.Delay(1500);
        Assert.False(child.HasExited, "the ingest ended before it could be killed");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        Assert.Equal("running", await wh.ScalarAsync<string>("SELECT status FROM etl_run WHERE run_id = @killed", new { killed }));

        var next = await _cli.RunAsync("ingest", small, "--chamber", "CBIS");

        Assert.True(next.ExitCode == 0, next.ToString());
        var runs = await wh.QueryAsync("SELECT run_id, status, error FROM etl_run ORDER BY run_id");
        Assert.Equal(2, runs.Count);
        Assert.Equal(("interrupted", $"its process stopped before the run finished (found by run {(long)runs[1].run_id})"),
            ((string)runs[0].status, (string)runs[0].error));
        Assert.Equal("succeeded", (string)runs[1].status);
    }
}

public sealed class SqliteKilledIngestTests() : KilledIngestTests("sqlite");

public sealed class PostgresKilledIngestTests() : KilledIngestTests("postgres");
