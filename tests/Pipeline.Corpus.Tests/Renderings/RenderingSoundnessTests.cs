using Pipeline.Extraction.Pdf;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>The rendered PDFs themselves are sound: the words of the seed's table cells are in the text layer, the
/// page has the style's orientation, and a running footer prints its page numbers.</summary>
public sealed class RenderingSoundnessTests
{
    public static TheoryData<string, string> SeedRenderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in RenderingCorpus.Seeds)
            foreach (var style in RenderStyle.SeedStyles) data.Add(seed, style.Name);
        return data;
    }

    /// <summary>The one test that says what is missing when the tools are not installed (the others fail with it too).</summary>
    [Fact]
    public void Chromium_and_LibreOffice_are_installed()
    {
        Assert.True(File.Exists(RenderTools.Chromium));
        Assert.True(File.Exists(RenderTools.Soffice));
    }

    [Theory]
    [MemberData(nameof(SeedRenderings))]
    public async Task Every_table_cell_of_the_seed_is_in_the_text_layer(string seed, string rendering)
    {
        var c = await RenderingCorpus.GetAsync(seed, rendering);
        var text = new PdfPigTextLayer().Read(c.Pdf);
        var layout = PdfLayout.From(text);
        var words = layout.Lines.SelectMany(l => l.Words).Select(w => Squash(w.Text)).ToHashSet(StringComparer.Ordinal);
        var seedText = File.ReadAllText(Directory.GetFiles(SharedFolder.File("seeds"), seed + "_*.txt").Single());
        var cells = seedText.Split('\n').Where(l => l.Contains('\t')).SelectMany(l => l.Split('\t'))
            .Select(s => s.Replace("**", "").Trim()).Where(s => s.Length is > 3 and < 40 && !s.Contains('≥') && !s.Contains('≤')).Distinct().ToList();
        var missing = cells.Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squash).Any(w => w.Length > 0 && !words.Contains(w))).ToList();
        // a very wide table in a narrow column breaks a long word, as word processors do: allow 3%
        Assert.True(missing.Count <= cells.Count * 3 / 100, $"{missing.Count} of {cells.Count} cells not found, e.g. {string.Join(" | ", missing.Take(5))}");

        var style = RenderStyle.SeedStyles.Single(s => s.Name == rendering);
        Assert.All(text.Pages, p => Assert.Equal(style.Landscape, p.IsLandscape));
        if (style.Header == RunningHeader.PageBoxes)
        {
            var last = string.Join(' ', text.Pages[^1].Words.Select(w => w.Text));
            Assert.Contains($"Pagina {text.Pages.Count} di {text.Pages.Count}", last);
        }
    }

    public static TheoryData<string, string> Layouts()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in RenderingCorpus.Seeds)
            foreach (var layout in GeneratedLayouts.Names) data.Add(seed, layout);
        return data;
    }

    /// <summary>A generated layout prints every KPI of its ground truth: each word of each name is in the text layer.</summary>
    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Every_kpi_name_of_the_layouts_ground_truth_is_in_the_text_layer(string seed, string layout)
    {
        var c = await RenderingCorpus.GetAsync(seed, layout);
        var words = new PdfPigTextLayer().Read(c.Pdf).Pages.SelectMany(p => p.Words).Select(w => Squash(w.Text)).ToHashSet(StringComparer.Ordinal);
        var names = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(c.GroundTruth))!["kpis"]!.AsArray().Select(k => (string)k!["name"]!).ToList();
        Assert.NotEmpty(names);
        var missing = names.Where(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squash).Any(w => w.Length > 0 && !words.Contains(w))).ToList();
        Assert.True(missing.Count <= names.Count * 3 / 100, $"{missing.Count} of {names.Count} KPI names not found, e.g. {string.Join(" | ", missing.Take(5))}");
    }

    private static string Squash(string s) => string.Concat(s.Where(char.IsLetterOrDigit));
}
