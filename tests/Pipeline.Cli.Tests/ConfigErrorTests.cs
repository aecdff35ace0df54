namespace Pipeline.Cli.Tests;

/// <summary>
/// A configuration file that cannot be used ends any command that reads it with exit 2 and one line naming the file
/// and the setting (every reader throws one ConfigException, caught once), never a stack trace.
/// </summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("""{ "practices": { "protocol": 5 }, "companies": {} }""", "feeds.json: practices.protocol: expected a list of texts, found 5 (line 1)")]
    [InlineData("""{ "practices": { "protocol": ["Protocollo"] """, "feeds.json: practices.protocol: not valid JSON: Expected depth to be zero")]
    [InlineData("{ \"practices\": { \"protocol\": [\"Protocollo\"], \"registered\": [\"Data protocollo\"], \"processed\": [\"Data evasione\"], \"status\": [\"Stato\"] },\n"
        + "  \"companies\": { \"status\": [\"Stato impresa\"], \"registered\": [\"Data iscrizione\"] }, \"companys\": {} }", "feeds.json: companys: unknown setting (known: practices, companies) (line 2)")]
    public async Task A_malformed_feeds_json_is_one_line_and_exit_2_for_extract_and_ingest(string json, string message)
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        File.WriteAllText(_cli.PathOf("config/feeds.json"), json);
        File.WriteAllText(_cli.PathOf("pratiche.csv"), "Protocollo;Data protocollo;Data evasione;Stato\nRI/1;04/01/2021;08/01/2021;EVASA\n");

        foreach (var args in new[] { new[] { "extract", "pratiche.csv" }, ["ingest", "pratiche.csv", "--chamber", "FG"] })
        {
            var result = await _cli.RunAsync(args);
            Assert.True(result.ExitCode == 2, result.ToString());
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
            Assert.Contains(message, line);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
    }
}

/// <summary>The program calls itself as users call it: usage lines say <c>pipeline</c>, not the assembly's name.</summary>
public sealed class ProgramNameTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Usage_lines_name_the_program_pipeline()
    {
        var help = await _cli.RunAsync("kpis", "--help");
        Assert.Contains("pipeline kpis [options]", help.Stdout);
        var bad = await _cli.RunAsync("kpis", "--bogus");
        Assert.Contains("Run 'pipeline --help' for usage.", bad.Stdout + bad.Stderr);
        Assert.DoesNotContain("Pipeline.Cli", help.Stdout + bad.Stdout + bad.Stderr);
    }
}

/// <summary>--chamber accepts what the documents and exports name: codes, names, and a merged chamber's province codes.</summary>
public sealed class ChamberOptionTests
{
    [Theory]
    [InlineData("FG", "FG")]
    [InlineData("foggia", "FG")]
    [InlineData("CB", "CBIS")]
    [InlineData("is", "CBIS")]
    [InlineData("LT", "FRLT")]
    [InlineData("CBIS", "CBIS")]
    public void A_code_name_or_merged_province_names_its_chamber(string given, string code) =>
        Assert.Equal(code, CliContext.ChamberCode(given));

    [Fact]
    public void An_unknown_chamber_is_a_usage_error() =>
        Assert.Contains("'XY' is not a known chamber", Assert.Throws<UsageException>(() => CliContext.ChamberCode("XY")).Message);
}
