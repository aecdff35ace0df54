using System.Diagnostics;
using Xunit.Abstractions;

namespace Pipeline.Web.Tests;

/// <summary>
/// A GET changes nothing (every table's rows the same after every page and API answer, handlers named in the query
/// string included), and every page but the source view renders in 200 ms or less on the sample region, the median of
/// 15 renders (measured here, printed with the 90th percentile and the slowest).
/// </summary>
public abstract class ReadOnlyGetTests(SampleSite site, ITestOutputHelper output)
{
    public const int Runs = 15;
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        var kpi = (await site.QueryAsync<long>("SELECT kpi_id FROM v_kpi_achievement WHERE chamber_code = 'CBIS' ORDER BY kpi_id"))[0];
        return ["/", "/camera/CBIS", $"/kpi/{kpi}", "/documenti", "/allarmi", "/allarmi?stato=tutti", "/esecuzioni", "/pianificazione", "/confronto"];
    }

    [Fact]
    public async Task No_get_changes_the_warehouse()
    {
        using var admin = await site.ClientAsync("admin");
        var before = await SnapshotAsync();
        var urls = (await PagesAsync()).Concat(
        [
            "/api/regione", "/api/camere/CBIS", "/api/documenti", "/api/allarmi", "/api/esecuzioni", "/api/pianificazione", "/api/confronto",
            $"/fonte/{await site.LineageOfKindAsync("cell")}", $"/fonte/{await site.LineageOfKindAsync("page")}",
            "/documenti?handler=Decide&id=1&decision=accept", "/pianificazione?handler=RunNow&job=nightly", "/esci",
        ]);
        foreach (var url in urls) await admin.GetAsync(url);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);   // GET /esci did not sign out
    }

    /// <summary>Every table of the warehouse with its row count (Quartz's tables too).</summary>
    private async Task<string> SnapshotAsync()
    {
        var tables = site.DialectName == "sqlite"
            ? await site.QueryAsync<string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            : await site.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var counts = new List<string>();
        foreach (var table in tables) counts.Add($"{table}={(await site.QueryAsync<long>($"SELECT COUNT(*) FROM \"{table}\""))[0]}");
        return string.Join(", ", counts);
    }

    [Fact]
    public async Task Every_page_but_the_source_view_renders_within_200_ms()
    {
        using var admin = await site.ClientAsync("admin");
        var slow = new List<string>();
        foreach (var url in await PagesAsync())
        {
            await PageTests.Ok(admin, url);   // warm: the first render compiles nothing at run time, but fills caches and pools
            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await PageTests.Ok(admin, url);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var median = times[times.Count / 2];
            var p90 = times[(int)(times.Count * 0.9)];
            var line = $"{site.DialectName} {url}: median {median:0.0} ms, p90 {p90:0.0} ms, max {times[^1]:0.0} ms ({Runs} renders)";
            output.WriteLine(line);
            Console.WriteLine("page render " + line);
            // the median render within the budget: the slow tail on a machine shared with other test processes is printed, not judged
            if (median > Budget.TotalMilliseconds) slow.Add(line);
        }
        Assert.True(slow.Count == 0, "over 200 ms: " + string.Join("; ", slow));
    }
}

[Collection(SqliteSite.Name)]
public sealed class SqliteReadOnlyGetTests(SqliteSampleSite site, ITestOutputHelper output) : ReadOnlyGetTests(site, output);

[Collection(PostgresSite.Name)]
public sealed class PostgresReadOnlyGetTests(PostgresSampleSite site, ITestOutputHelper output) : ReadOnlyGetTests(site, output);
