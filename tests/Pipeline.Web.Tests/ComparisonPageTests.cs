using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Pipeline.Core.Access;
using Pipeline.Jobs.Runs;
using Pipeline.Samples.Region;
using Pipeline.Warehouse.Tests;
using Pipeline.Web.Access;
using Serilog;

namespace Pipeline.Web.Tests;

/// <summary>
/// A synthetic region of four chambers (Piemonte) run as <c>pipeline run --config REGION/config</c> runs it, served
/// with an administrator and a user of Cuneo (CN): the chambers sharing standard indicators to compare.
/// </summary>
public abstract class RegionSite(string dialect) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-web-region-");
    private TestWarehouse? _warehouse;
    private WebApplication? _app;

    public TestWarehouse Warehouse => _warehouse!;
    public WebApplication App => _app!;

    public async Task InitializeAsync()
    {
        _warehouse = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var region = SyntheticRegion.Write(_folder.FullName, new RegionOptions(Chambers: 4, Kpis: 20, Practices: 500));
        var environment = RunEnvironment.Load(Warehouse.Dialect, region.ConfigDirectory, new LoggerConfiguration().CreateLogger(), TimeProvider.System);
        var night = await new RegionNight(() => environment.CreateNightlyRun([]), null) { Parallel = 1 }.RunAsync("test", environment.Chambers.All);
        Assert.Empty(night.Failed);
        var accounts = new LocalAccounts(Warehouse.Dialect);
        await accounts.SaveAsync("admin", WebRole.Admin, [], SampleSite.Password);
        await accounts.SaveAsync("cuneo", WebRole.Chamber, ["CN"], SampleSite.Password);
        _app = await SampleSite.StartAsync(Warehouse, region.ConfigDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_warehouse is not null) await _warehouse.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

public sealed class SqliteRegionSite() : RegionSite("sqlite");

public sealed class PostgresRegionSite() : RegionSite("postgres");

/// <summary>
/// The Confronto page and <c>/api/confronto</c>: every chamber ranked for the administrator, with the figures of the
/// comparison view; a chamber user sees its own row and the region's median and quartiles, no other chamber.
/// </summary>
public abstract class ComparisonPageTests(RegionSite site)
{
    private static JsonElement Region(JsonElement answer) => Assert.Single(answer.GetProperty("regions").EnumerateArray());

    [Fact]
    public async Task The_administrator_sees_every_chamber_ranked_with_the_regions_median_and_quartiles()
    {
        using var admin = await SampleSite.ClientAsync(site.App, "admin");
        var answer = JsonDocument.Parse(await admin.GetStringAsync("/api/confronto?indicatore=KPISTD%20225&anno=2021")).RootElement;
        Assert.Equal(("KPISTD 225", 2021), (answer.GetProperty("indicator").GetString(), answer.GetProperty("year").GetInt32()));
        var region = Region(answer);
        Assert.Equal(("Piemonte", 4), (region.GetProperty("region").GetString(), region.GetProperty("chambers").GetInt32()));
        var rows = region.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.GetProperty("rank").GetInt32()));
        // lower is better: the actuals grow down the table, the median lies between the second and the third
        var actuals = rows.Select(r => r.GetProperty("actual").GetDecimal()).ToList();
        Assert.Equal(actuals.Order(), actuals);
        Assert.Equal((actuals[1] + actuals[2]) / 2, region.GetProperty("median").GetDecimal(), 6);
        // the same figures as the comparison view Power BI reads
        var median = (await site.Warehouse.ScalarAsync<object>(
            "SELECT MAX(v.median) FROM v_indicator_comparison v JOIN dim_indicator i ON i.indicator_id = v.indicator_id WHERE i.code = 'KPISTD 225' AND v.year = 2021"))!;
        Assert.Equal(Convert.ToDecimal(median, System.Globalization.CultureInfo.InvariantCulture), region.GetProperty("median").GetDecimal(), 6);

        var page = await PageTests.Ok(admin, "/confronto?indicatore=KPISTD%20225&anno=2021");
        Assert.Contains("Confronto tra camere", page);
        Assert.Contains("il valore più basso è il migliore", page);
        foreach (var code in new[] { "ALAT", "BIVCNOVB", "CN", "TO" }) Assert.Contains($"<span class=\"code\">{code}</span>", page);
        Assert.Contains("Camere confrontate: 4", page);
    }

    [Fact]
    public async Task A_chamber_user_sees_its_own_row_and_only_the_aggregates_of_the_others()
    {
        using var admin = await SampleSite.ClientAsync(site.App, "admin");
        using var cuneo = await SampleSite.ClientAsync(site.App, "cuneo");
        foreach (var indicator in new[] { "C1.1_04", "KPISTD%20225" })
        {
            var all = Region(JsonDocument.Parse(await admin.GetStringAsync($"/api/confronto?indicatore={indicator}&anno=2021")).RootElement);
            var own = Region(JsonDocument.Parse(await cuneo.GetStringAsync($"/api/confronto?indicatore={indicator}&anno=2021")).RootElement);
            var row = Assert.Single(own.GetProperty("rows").EnumerateArray());
            Assert.Equal("CN", row.GetProperty("chamber").GetString());
            var same = all.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("chamber").GetString() == "CN");
            Assert.Equal(same.GetRawText(), row.GetRawText());
            foreach (var aggregate in new[] { "chambers", "median", "first_quartile", "third_quartile" })
                Assert.Equal(all.GetProperty(aggregate).GetRawText(), own.GetProperty(aggregate).GetRawText());
        }
        var page = await PageTests.Ok(cuneo, "/confronto?indicatore=KPISTD%20225&anno=2021");
        Assert.Contains("<span class=\"code\">CN</span>", page);
        foreach (var other in new[] { "ALAT", "BIVCNOVB", "TO" }) Assert.DoesNotContain($"<span class=\"code\">{other}</span>", page);
        Assert.Equal(HttpStatusCode.OK, (await cuneo.GetAsync("/confronto?indicatore=ZZ&anno=1900")).StatusCode);   // unknown choices: the first indicator
    }
}

public sealed class SqliteComparisonPageTests(SqliteRegionSite site) : ComparisonPageTests(site), IClassFixture<SqliteRegionSite>;

public sealed class PostgresComparisonPageTests(PostgresRegionSite site) : ComparisonPageTests(site), IClassFixture<PostgresRegionSite>;
