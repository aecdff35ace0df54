using System.Runtime.CompilerServices;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

public sealed class FeedHeaderConfigTests : IDisposable
{
    private readonly FeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The repository's config/ folder, found from this source file (tests/Pipeline.Extraction.Tests/Feeds/).</summary>
    private static string ConfigDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "config"));

    private static void AssertSame(FeedHeaderConfig expected, FeedHeaderConfig actual)
    {
        Assert.Equal(expected.PracticeHeaders.Keys.OrderBy(k => k), actual.PracticeHeaders.Keys.OrderBy(k => k));
        foreach (var (column, synonyms) in expected.PracticeHeaders)
            Assert.Equal(synonyms, actual.PracticeHeaders[column]);
        Assert.Equal(expected.CompanyHeaders.Keys.OrderBy(k => k), actual.CompanyHeaders.Keys.OrderBy(k => k));
        foreach (var (column, synonyms) in expected.CompanyHeaders)
            Assert.Equal(synonyms, actual.CompanyHeaders[column]);
    }

    [Fact]
    public void The_shipped_config_feeds_json_is_the_built_in_default()
    {
        var dir = ConfigDirectory();
        Assert.True(File.Exists(Path.Combine(dir, FeedHeaderConfig.FileName)), $"{dir}/feeds.json is missing");
        var fromFile = FeedHeaderConfig.FromDirectory(dir);
        Assert.NotSame(FeedHeaderConfig.Default, fromFile);
        AssertSame(FeedHeaderConfig.Default, fromFile);
    }

    [Fact]
    public void Default_has_every_role_of_the_brief_with_its_first_synonym_as_name()
    {
        var config = FeedHeaderConfig.Default;
        Assert.All(Enum.GetValues<PracticeColumn>(), c => Assert.NotEmpty(config.PracticeHeaders[c]));
        Assert.All(Enum.GetValues<CompanyColumn>(), c => Assert.NotEmpty(config.CompanyHeaders[c]));
        Assert.Equal("Data evasione", config.NameOf(PracticeColumn.Processed));
        Assert.Equal("Giorni sospensione", config.NameOf(PracticeColumn.SuspensionDays));
        Assert.Equal("Stato impresa", config.NameOf(CompanyColumn.Status));
        Assert.Equal(["Numero REA", "N. REA", "REA"], config.CompanyHeaders[CompanyColumn.Rea]);
        Assert.Equal([PracticeColumn.Protocol, PracticeColumn.Registered, PracticeColumn.Processed, PracticeColumn.Status], FeedHeaderConfig.RequiredPracticeColumns);
        Assert.Equal([CompanyColumn.Status, CompanyColumn.Registered], FeedHeaderConfig.RequiredCompanyColumns);
    }

    [Fact]
    public void A_directory_without_feeds_json_or_no_directory_gives_the_default()
    {
        Assert.Same(FeedHeaderConfig.Default, FeedHeaderConfig.FromDirectory(null));
        Assert.Same(FeedHeaderConfig.Default, FeedHeaderConfig.FromDirectory(_files.DirectoryPath));
    }

    [Fact]
    public void A_config_file_in_the_directory_replaces_the_synonyms()
    {
        File.WriteAllText(Path.Combine(_files.DirectoryPath, FeedHeaderConfig.FileName), """
            {
              "practices": { "protocol": ["Prot."], "registered": ["Arrivo"], "processed": ["Fine"], "status": ["Esito"] },
              "companies": { "status": ["Stato"], "registered": ["Iscritta il"], "rea": ["REA"] }
            }
            """);
        var config = FeedHeaderConfig.FromDirectory(_files.DirectoryPath);
        Assert.Equal(["Prot."], config.PracticeHeaders[PracticeColumn.Protocol]);
        Assert.Empty(config.PracticeHeaders[PracticeColumn.Office]);

        var path = _files.Write("custom.csv", "utf-8", "prot;ARRIVO;fine;esito", "P1;01/02/2024;03/02/2024;EVASA");
        using var reader = FeedReader.Open(path, config, FeedFiles.Salt);
        var row = Assert.Single(reader.Practices(_ => Assert.Fail("no quarantine expected")));
        Assert.Equal(new DateOnly(2024, 2, 3), row.Processed);
    }

    [Theory]
    [InlineData("""{ "practices": { "protocol": ["P"], "registered": ["R"], "processed": ["E"], "status": ["S"], "colour": ["C"] }, "companies": { "status": ["S"], "registered": ["R"] } }""", "practices.colour: unknown role (known: protocol, registered, processed, status, fulfilment, suspension_days, office, chamber)")]
    [InlineData("""{ "practices": { "protocol": ["P"], "registered": ["R"], "processed": ["E"], "status": ["S", "p"] }, "companies": { "status": ["S"], "registered": ["R"] } }""", "practices: synonym 'p' is given to both 'protocol' and 'status'")]
    [InlineData("""{ "practices": { "protocol": ["P"], "registered": ["R"], "status": ["S"] }, "companies": { "status": ["S"], "registered": ["R"] } }""", "practices.processed: required role with no synonym")]
    [InlineData("""{ "practices": { "protocol": ["P"], "registered": ["R"], "processed": ["E"], "status": ["S"] } }""", "companies: required (the company list's roles)")]
    [InlineData("""{ "practices": { "protocol": 5 }, "companies": {} }""", "practices.protocol: expected a list of texts, found 5 (line 1)")]
    [InlineData("""{ "practices": { "protocol": ["P", ""], "registered": ["R"], "processed": ["E"], "status": ["S"] }, "companies": { "status": ["S"], "registered": ["R"] } }""", "practices: role 'protocol' has an empty synonym")]
    [InlineData("""{ "pratiche": {}, "practices": {}, "companies": {} }""", "pratiche: unknown setting (known: practices, companies)")]
    [InlineData("""{ "practices": [ }""", "not valid JSON: ")]
    public void An_invalid_config_is_a_format_error_naming_the_file_and_the_problem(string json, string message)
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => FeedHeaderConfig.Parse(json, "x/feeds.json"));
        Assert.StartsWith("x/feeds.json: ", ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
