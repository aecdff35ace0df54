using Pipeline.Corpus.Tests.Variants;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// 000.pdf (Brindisi, schede obiettivi with half-year monitoring) against its ground truth. Floors are what the
/// family reaches today (a ratchet); the bar is 97 on every metric.
/// </summary>
public sealed class SchedeObiettiviTests
{
    [Fact]
    public void Corpus_000_scores_at_least_the_recorded_floors()
    {
        var document = CorpusScore.Extract(SharedFolder.File("corpus", "000.pdf"));
        Assert.Equal("schede-obiettivi", document.Document.Family);
        Assert.Equal("monitoraggio", document.Document.DocType);
        var score = CorpusScore.Score(SharedFolder.File("corpus", "groundtruth", "000.json"), document);
        Assert.True(score.F1 >= 0.99, score.Summary);
        Assert.True(score.Objective >= 1.0, score.Summary);
        Assert.True(score.Weight >= 0.99, score.Summary);
        Assert.True(score.Targets >= 0.99, score.Summary);
        Assert.All(document.Kpis, k => Assert.True(k.Source?.Page is not null && k.Source.Bbox is { Count: 4 }, $"{k.Id} has no page/bbox"));
        // every KPI is followed by a half-year monitoring note, which gives its actual
        Assert.All(document.Kpis, k => Assert.Single(k.Actuals));
    }

    /// <summary>000 re-rendered in the corpus layout variants (other fonts, landscape without borders, running
    /// header/footer, narrow wrapping columns). Floors are today's scores (ratchet); the bar is 97.</summary>
    [Theory]
    [InlineData("times-10", 1.0, 1.0, 1.0, 1.0)]
    [InlineData("courier-landscape-no-borders", 1.0, 1.0, 1.0, 1.0)]
    [InlineData("running-header-footer", 1.0, 1.0, 1.0, 1.0)]
    [InlineData("narrow-columns", 1.0, 1.0, 1.0, 1.0)]
    public void Corpus_000_variants_score_at_least_the_recorded_floors(string style, double f1, double objective, double weight, double targets)
    {
        var dir = Directory.CreateTempSubdirectory("schede-obiettivi-");
        try
        {
            var document = CorpusScore.Extract(LayoutVariants.Render("000", style, dir.FullName));
            Assert.Equal("schede-obiettivi", document.Document.Family);
            AssertFloors(document, f1, objective, weight, targets);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Beyond the shared variants: smaller and larger fonts, tighter label columns, landscape. Floors
    /// reached today (ratchet; the bar is 97).</summary>
    [Theory]
    [InlineData("Helvetica", 7, false, true, 0.45, 1.0)]
    [InlineData("Times-Roman", 8, true, true, 0.55, 1.0)]
    [InlineData("Helvetica", 12, true, false, 0.8, 1.0)]
    public void Corpus_000_in_harsher_layouts_scores_at_least_the_recorded_floor(string font, double size, bool landscape, bool borders, double tableWidth, double floor)
    {
        var dir = Directory.CreateTempSubdirectory("schede-obiettivi-");
        try
        {
            var seed = Directory.GetFiles(SharedFolder.File("seeds"), "000_*.txt").Single();
            var path = Path.Combine(dir.FullName, "000.pdf");
            var style = new PdfStyle { Font = font, FontSize = size, Landscape = landscape, Borders = borders, TableWidth = tableWidth };
            File.WriteAllBytes(path, new TextDocumentRenderer(style).Render(SeedDocument.Parse(File.ReadAllText(seed))));
            var document = CorpusScore.Extract(path);
            Assert.Equal("schede-obiettivi", document.Document.Family);
            AssertFloors(document, floor, floor, floor, floor);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void AssertFloors(Pipeline.Core.Extraction.ExtractedDocument document, double f1, double objective, double weight, double targets)
    {
        var score = CorpusScore.Score(SharedFolder.File("corpus", "groundtruth", "000.json"), document);
        Assert.True(score.F1 >= f1, score.Summary);
        Assert.True(score.Objective >= objective, score.Summary);
        Assert.True(score.Weight >= weight, score.Summary);
        Assert.True(score.Targets >= targets, score.Summary);
        Assert.All(document.Kpis, k => Assert.Single(k.Actuals));
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Other_documents_are_not_taken_for_schede(string number)
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", number + ".pdf")));
        Assert.True(new SchedeObiettiviFamily().Recognise(layout) < PdfExtractor.MinimumConfidence);
    }
}
