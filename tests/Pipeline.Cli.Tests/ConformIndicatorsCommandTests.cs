using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Samples.Region;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Two chambers of a synthetic region ingested with config/indicators.json: the KPIs printing a standard code link to
/// one shared indicator by code, a decision links by config, and <c>pipeline conform indicators --json</c> lists the
/// name-only match of the other chamber as a proposal and writes nothing. Real child processes, on both dialects.
/// </summary>
public abstract class ConformIndicatorsCommandTests(string dialect) : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Codes_link_at_ingest_decisions_link_by_config_and_similar_names_are_only_proposed()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        var config = _cli.PathOf("config");
        Directory.CreateDirectory(config);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository(), "config"), "*.json"))
            File.Copy(file, Path.Combine(config, Path.GetFileName(file)), overwrite: true);
        var region = SyntheticRegion.Write(_cli.PathOf("region"), new RegionOptions(2, Kpis: 20, Practices: 100));
        var (first, second) = (region.Chambers[0].Info.Code, region.Chambers[1].Info.Code);
        File.WriteAllText(Path.Combine(config, "indicators.json"), $$"""
            {
              "indicators": [ { "code": "U-07", "name": "Gradimento medio dei seminari formativi", "family": "union" } ],
              "links": [ { "chamber": "{{first}}", "kpi": "Gradimento medio dei seminari formativi", "indicator": "U-07" } ]
            }
            """);
        foreach (var chamber in region.Chambers)
        {
            var ingest = await _cli.RunAsync("ingest", chamber.Folder, "--chamber", chamber.Info.Code);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
        }

        Assert.Equal(2, await wh.CountAsync("dim_kpi", "indicator_link = 'code' AND indicator_id = (SELECT indicator_id FROM dim_indicator WHERE code = 'C1.1_04')"));
        Assert.Equal(2, await wh.CountAsync("dim_kpi", "indicator_link = 'code' AND indicator_id = (SELECT indicator_id FROM dim_indicator WHERE code = 'KPISTD 225')"));
        Assert.Equal(1, await wh.CountAsync("dim_kpi", "indicator_link = 'config'"));
        var linked = await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL");

        var listed = await _cli.RunAsync("conform", "indicators", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var proposal = Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray());
        Assert.Equal(("proposal", second, "U-07"), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("chamber").GetString(), proposal.GetProperty("indicator").GetString()));
        Assert.Equal(1.0, proposal.GetProperty("score").GetDouble());
        Assert.Contains("alike", proposal.GetProperty("evidence").GetString());
        Assert.Equal(linked, await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL"));   // never applied

        var human = await _cli.RunAsync("conform", "indicators");
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("1 to review", human.Stdout);

        File.WriteAllText(Path.Combine(config, "indicators.json"), """{ "indicators": [ { "code": "U-07", "name": "x", "polarity": "sideways" } ] }""");
        var bad = await _cli.RunAsync("conform", "indicators");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("indicators.json", bad.Stderr);
    }
}

public sealed class SqliteConformIndicatorsCommandTests() : ConformIndicatorsCommandTests("sqlite");

public sealed class PostgresConformIndicatorsCommandTests() : ConformIndicatorsCommandTests("postgres");
