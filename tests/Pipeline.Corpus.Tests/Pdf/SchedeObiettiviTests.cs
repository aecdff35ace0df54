using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;

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
        Assert.True(score.Objective >= 0.98, score.Summary);
        Assert.True(score.Weight >= 0.99, score.Summary);
        Assert.True(score.Targets >= 0.99, score.Summary);
        Assert.All(document.Kpis, k => Assert.True(k.Source?.Page is not null && k.Source.Bbox is { Count: 4 }, $"{k.Id} has no page/bbox"));
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Other_documents_are_not_taken_for_schede(string number)
    {
        var layout = PdfLayout.From(new PopplerTextLayer().Read(SharedFolder.File("corpus", number + ".pdf")));
        Assert.True(new SchedeObiettiviFamily().Recognise(layout) < PdfExtractor.MinimumConfidence);
    }
}
