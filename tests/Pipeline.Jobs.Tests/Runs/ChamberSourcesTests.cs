using Pipeline.Jobs.Runs;

namespace Pipeline.Jobs.Tests.Runs;

/// <summary>config/chambers.json: chambers, relative sources, globs, and mistakes named.</summary>
public sealed class ChamberSourcesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-sources-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Relative_sources_are_under_the_folder_holding_config_and_globs_pick_their_files()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "inbox", "fg"));
        foreach (var name in new[] { "piano.pdf", "relazione.pdf", "monitoraggio.xlsx" })
            File.WriteAllText(Path.Combine(_dir.FullName, "inbox", "fg", name), "x");
        var sources = ChamberSources.Parse(
            """{ "chambers": [ { "code": "Foggia", "patron": "02-10", "recipients": ["a@fg.it", "not an address"], "sources": { "pdfs": ["inbox/fg/*.pdf"], "feeds": ["/srv/feeds/fg"] } } ] }""",
            "chambers.json", _dir.FullName);

        var fg = Assert.Single(sources.All);
        Assert.Equal(("FG", "02-10"), (fg.Code, fg.Patron));
        Assert.Equal(["a@fg.it"], fg.Recipients);
        Assert.Equal(
            [Path.Combine(_dir.FullName, "inbox", "fg", "piano.pdf"), Path.Combine(_dir.FullName, "inbox", "fg", "relazione.pdf"), "/srv/feeds/fg"],
            ChamberSources.Discover(fg));
    }

    [Theory]
    [InlineData("""{ "chambers": [ { "code": "XX" } ] }""", "chambers[0].code: unknown chamber 'XX'")]
    [InlineData("""{ "chambers": [ { "code": "FG", "patron": "31-02" } ] }""", "chambers[0].patron: '31-02' is not a day of the year as MM-DD")]
    [InlineData("""{ }""", "chambers: required (the list of chambers)")]
    [InlineData("""{ "chambers": [ { "code": "FG", "sources": { "pdfs": "inbox/*.pdf" } } ] }""", "chambers[0].sources.pdfs: expected a list of texts, found 'inbox/*.pdf'")]
    [InlineData("""{ "chambers": [ { "code": "FG", "recipient": [] } ] }""", "chambers[0].recipient: unknown setting")]
    [InlineData("""{ "nothing": [] }""", "nothing: unknown setting (known: chambers)")]
    public void A_bad_entry_is_refused_naming_the_file(string json, string message)
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => ChamberSources.Parse(json, "chambers.json", _dir.FullName));
        Assert.StartsWith("chambers.json: ", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_missing_file_says_what_it_is_for()
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => ChamberSources.FromDirectory(Path.Combine(_dir.FullName, "config")));
        Assert.Contains("lists the chambers and their sources", ex.Message);
    }
}
