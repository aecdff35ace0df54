using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// 001.pdf (Brescia, Piano della Performance 2021–2023: objective cards with "INDICATORI OBIETTIVO STRATEGICO" tables
/// of per-year targets and weights, operational "INDICATORI:" tables with the 30/6 and 31/12 checkpoints, a special
/// agency's cards) against the hand-written fixture Fixtures/001.expected.json, written from the seed text: 36
/// objectives, 74 KPIs with their targets per period and, in the strategic tables, the weight of each year.
/// </summary>
public sealed class PianoIndicatoriTests
{
    [Fact]
    public void Corpus_001_matches_the_hand_written_fixture()
    {
        var document = CorpusScore.Extract(SharedFolder.File("corpus", "001.pdf"));
        Assert.Equal("piano-indicatori", document.Document.Family);
        Assert.Equal("piano", document.Document.DocType);
        Assert.Equal(2021, document.Document.PeriodFrom);
        Assert.Equal(2023, document.Document.PeriodTo);
        Assert.Equal("Brescia", document.Document.Chamber);
        Assert.Empty(document.Warnings);
        FixtureAssert.Matches(document, "001.expected.json");
    }

    /// <summary>The seed of 001 rendered in the corpus layout variants (fonts, landscape without borders, running
    /// header and footer, narrow wrapping columns): the same objectives, KPIs, targets and weights.</summary>
    [Theory]
    [InlineData("times-10")]
    [InlineData("courier-landscape-no-borders")]
    [InlineData("running-header-footer")]
    [InlineData("narrow-columns")]
    public void Variant_of_001_matches_the_fixture(string style)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-piano-indicatori-");
        try
        {
            var path = Variants.LayoutVariants.Render("001", style, dir.FullName);
            var document = CorpusScore.Extract(path);
            Assert.Equal("piano-indicatori", document.Document.Family);
            FixtureAssert.Matches(document, "001.expected.json");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("000")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Other_documents_are_not_taken_for_a_piano_indicatori(string number)
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", number + ".pdf")));
        var score = new PianoIndicatoriFamily().Recognise(layout);
        Assert.True(score < PdfExtractor.MinimumConfidence, $"{number}: {score}");
    }
}
