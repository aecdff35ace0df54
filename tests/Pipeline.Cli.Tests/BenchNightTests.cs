using System.Text.RegularExpressions;
using Npgsql;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline bench night</c> on a small region, in a child process, on SQLite and on PostgreSQL.</summary>
public sealed class BenchNightTests : IDisposable
{
    private static readonly Regex LastLine = new(@"^night: chambers 3 first [\d.]+,\d s, no-change [\d.]+,\d s, one-change [\d.]+,\d s, trend \d+,\d\d x$");

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string[] Last(CliResult result) => result.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The three nights as files per chamber: all new, all unchanged, one superseding in the first chamber.</summary>
    private static void AssertNights(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Last(result);
        Assert.Matches(LastLine, lines[^1]);
        foreach (var code in new[] { "ALAT", "BIVCNOVB", "CN" })
        {
            var rows = lines.Where(l => l.StartsWith(code + " ", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, rows.Count);
            Assert.True(rows[0].Contains(" 5/0/0/0 "), result.ToString());
            Assert.True(rows[1].Contains(" 0/0/5/0 "), result.ToString());
            Assert.True(rows[2].Contains(code == "ALAT" ? " 0/1/4/0 " : " 0/0/5/0 "), result.ToString());
        }
        Assert.Contains(lines, l => l.StartsWith("changed: ALAT: monitoraggio-2021-semestre1.xlsx IND.1.1.1 2021-S1: ", StringComparison.Ordinal));
        foreach (var night in new[] { "first", "no-change", "one-change" })
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"^{night}: ingest [\d.]+,\d s, achievement [\d.]+,\d s, alerts [\d.]+,\d s; 3 chambers in [\d.]+,\d s, \d+ at once(; writers queued [\d.]+,\d s at the SQLite write gate)?$"));
    }

    [Fact]
    public async Task Runs_three_nights_of_a_region_on_sqlite()
    {
        var region = _cli.PathOf("region");
        var result = await _cli.RunAsync("bench", "night", "--chambers", "3", "--practices", "2000", "--kpis", "20", "--region", region);
        AssertNights(result);
        // the region stays where it was asked for and is reused; the warehouse file given is new, then kept
        Assert.True(File.Exists(Path.Combine(region, "config", "chambers.json")));
        Assert.True(File.Exists(_cli.PathOf("data/warehouse.db")));
        var again = await _cli.RunAsync("bench", "night", "--chambers", "3", "--region", region);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("exists; the first night needs an empty warehouse", again.Stderr);
        // the region reused (its workbook changed by the first bench is written back), on a new warehouse file
        var reused = await _cli.RunAsync("bench", "night", "--chambers", "3", "--region", region, "--warehouse", _cli.PathOf("second.db"));
        AssertNights(reused);
        Assert.Contains($"region: {region} (reused)", reused.Stdout);
    }

    [Fact]
    public async Task Runs_three_nights_of_a_region_on_a_new_postgresql_database_and_drops_it()
    {
        var server = TestWarehouse.PostgresAdmin;
        _cli.Warehouse = server;
        var result = await _cli.RunAsync("bench", "night", "--chambers", "3", "--practices", "2000", "--kpis", "20");
        AssertNights(result);
        Assert.Contains("warehouse: PostgreSQL", result.Stdout);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'pipeline_bench_%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Samples_generate_writes_a_region_that_pipeline_run_runs()
    {
        var region = _cli.PathOf("region");
        var generated = await _cli.RunAsync("samples", "generate", "--chambers", "2", "--kpis", "7", "--practices", "500", "--out", region);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Contains("2 chambers, 7 KPIs per plan, 500 practices and 150 companies per chamber; 14 files written.", generated.Stdout);

        var none = await _cli.RunAsync("run", "--config", Path.Combine(region, "config"), "--parallel", "0");
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("error: --parallel 0: give 1 or more chambers at once", none.Stderr);

        // both chambers at once: each file's line on stderr names its chamber, each chamber's summary once, then the night's
        var run = await _cli.RunAsync("run", "--config", Path.Combine(region, "config"), "--parallel", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.Stderr.Split('\n').Count(l => Regex.IsMatch(l, @"^\[ALAT [1-5]/5\] new: ")));
        Assert.Equal(5, run.Stderr.Split('\n').Count(l => Regex.IsMatch(l, @"^\[BIVCNOVB [1-5]/5\] new: ")));
        Assert.Matches(@"^2 chambers, 2 at once: 2 ran, 0 not run or not finished; [\d.]+,\d s$", Last(run)[^1]);
        var summaries = Last(run).Where(l => l.StartsWith("ALAT ", StringComparison.Ordinal) || l.StartsWith("BIVCNOVB ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        foreach (var line in summaries)
        {
            Assert.Contains("files 5 new, 0 superseding, 0 unchanged, 0 failed", line);
            Assert.Matches(@"; [\d.]+,\d s \(ingest [\d.]+,\d s, achievement [\d.]+,\d s, alerts [\d.]+,\d s\)$", line);
        }
        var alat = await _cli.RunAsync("achievements", "--chamber", "ALAT", "--year", "2021");
        Assert.Contains("7/7", alat.Stdout);
    }
}
