using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Core.Text;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// 004.pdf (Frosinone-Latina, PIRA 2021–2023: missione → programma → obiettivo cards) against the hand-written
/// fixture Fixtures/004.expected.json (written from the seed text; there is no score.py ground truth for 004).
/// Objectives are matched by code, KPIs by objective code + normalised name; every field listed in the fixture
/// must match (strings compared after <see cref="TextKey.Normalize"/>, targets per period with operator and value).
/// </summary>
public sealed class PiraTests
{
    private static string Fixture([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "Fixtures", "004.expected.json");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Key(string? s) => TextKey.Normalize(s ?? "");

    private static string Targets(JsonElement kpi) => string.Join("; ",
        kpi.GetProperty("targets").EnumerateArray()
            .Select(t => $"{Str(t, "period")} {Str(t, "operator")} {(t.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : v.ToString())}")
            .OrderBy(s => s, StringComparer.Ordinal));

    [Fact]
    public void Corpus_004_matches_the_hand_written_fixture()
    {
        var document = CorpusScore.Extract(SharedFolder.File("corpus", "004.pdf"));
        Assert.Equal("pira", document.Document.Family);
        Assert.Equal("pira", document.Document.DocType);
        Assert.Equal(2021, document.Document.PeriodFrom);
        Assert.Equal(2023, document.Document.PeriodTo);
        Assert.Equal("Frosinone-Latina", document.Document.Chamber);
        AssertMatchesFixture(document);
    }

    /// <summary>The seed of 004 rendered in the corpus layout variants (fonts, landscape without borders, running
    /// header, narrow columns): the same objectives, KPIs and targets.</summary>
    [Theory]
    [InlineData("times-10")]
    [InlineData("courier-landscape-no-borders")]
    [InlineData("running-header-footer")]
    [InlineData("narrow-columns")]
    public void Variant_of_004_matches_the_fixture(string style)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-pira-");
        try
        {
            var path = Variants.LayoutVariants.Render("004", style, dir.FullName);
            var layout = PdfLayout.From(new PopplerTextLayer().Read(path));
            Assert.True(new PiraFamily().Recognise(layout) >= PdfExtractor.MinimumConfidence);
            AssertMatchesFixture(new PiraFamily().Extract(layout, CancellationToken.None));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void AssertMatchesFixture(Pipeline.Core.Extraction.ExtractedDocument document)
    {
        Assert.All(document.Objectives, o => Assert.True(o.Source?.Page is not null && o.Source.Bbox is { Count: 4 }, $"{o.Id} has no page/bbox"));
        Assert.All(document.Kpis, k => Assert.True(k.Source?.Page is not null && k.Source.Bbox is { Count: 4 }, $"{k.Id} has no page/bbox"));
        Assert.All(document.Kpis.SelectMany(k => k.Targets), t => Assert.NotNull(t.Source?.Page));

        using var actual = JsonDocument.Parse(ExtractionJson.Serialize(document with { Document = document.Document with { File = "004.pdf", Sha256 = "", Format = "pdf" } }));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture()));
        var misses = new List<string>();

        var actualObjectives = actual.RootElement.GetProperty("objectives").EnumerateArray().ToList();
        var codeById = actualObjectives.ToDictionary(o => Str(o, "id")!, o => Str(o, "code"));
        var expectedCodeById = new Dictionary<string, string?>();
        foreach (var exp in expected.RootElement.GetProperty("objectives").EnumerateArray())
        {
            var code = Str(exp, "code");
            expectedCodeById[Str(exp, "id")!] = code;
            var found = actualObjectives.FirstOrDefault(o => Str(o, "code") == code);
            if (found.ValueKind == JsonValueKind.Undefined) { misses.Add($"objective {code}: not found"); continue; }
            foreach (var field in new[] { "title", "level", "mission", "programme" })
                if (Key(Str(exp, field)) != Key(Str(found, field)))
                    misses.Add($"objective {code} {field}: expected '{Str(exp, field)}', got '{Str(found, field)}'");
        }
        Assert.Equal(expected.RootElement.GetProperty("objectives").GetArrayLength(), actualObjectives.Count);

        var actualKpis = actual.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        var expectedKpis = expected.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        var matched = 0;
        foreach (var exp in expectedKpis)
        {
            var objectiveCode = expectedCodeById[Str(exp, "objective")!];
            var name = Str(exp, "name");
            var found = actualKpis.FirstOrDefault(k => codeById.GetValueOrDefault(Str(k, "objective") ?? "") == objectiveCode && Key(Str(k, "name")) == Key(name));
            if (found.ValueKind == JsonValueKind.Undefined) { misses.Add($"KPI {objectiveCode} '{name}': not found"); continue; }
            var ok = true;
            foreach (var field in new[] { "code", "algorithm", "source_system" })
                if (Key(Str(exp, field)) != Key(Str(found, field)))
                {
                    ok = false;
                    misses.Add($"KPI {objectiveCode} '{name}' {field}: expected '{Str(exp, field)}', got '{Str(found, field)}'");
                }
            if (Targets(exp) != Targets(found))
            {
                ok = false;
                misses.Add($"KPI {objectiveCode} '{name}' targets: expected [{Targets(exp)}], got [{Targets(found)}]");
            }
            if (ok) matched++;
        }

        // 100%: every KPI of the cards found, with every field and every target per year.
        Assert.True(misses.Count == 0, string.Join("\n", misses));
        Assert.Equal(expectedKpis.Count, matched);
        Assert.Equal(expectedKpis.Count, actualKpis.Count);
    }

    [Fact]
    public void Corpus_004_is_recognised_as_pira()
    {
        var layout = PdfLayout.From(new PopplerTextLayer().Read(SharedFolder.File("corpus", "004.pdf")));
        Assert.True(new PiraFamily().Recognise(layout) >= PdfExtractor.MinimumConfidence);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void Other_documents_are_not_taken_for_pira(string number)
    {
        var layout = PdfLayout.From(new PopplerTextLayer().Read(SharedFolder.File("corpus", number + ".pdf")));
        var score = new PiraFamily().Recognise(layout);
        Assert.True(score < 0.5, $"{number}: {score}");
    }
}
