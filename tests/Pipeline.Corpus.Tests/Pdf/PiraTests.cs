using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// 004.pdf (Frosinone-Latina, PIRA 2021–2023: missione → programma → obiettivo cards) against the hand-written
/// fixture Fixtures/004.expected.json (written from the seed text; there is no score.py ground truth for 004),
/// compared with <see cref="FixtureAssert"/>.
/// </summary>
public sealed class PiraTests
{
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
            var layout = PdfLayout.From(new PdfPigTextLayer().Read(path));
            Assert.True(new PiraFamily().Recognise(layout) >= PdfExtractor.MinimumConfidence);
            AssertMatchesFixture(new PiraFamily().Extract(layout, CancellationToken.None));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void AssertMatchesFixture(Pipeline.Core.Extraction.ExtractedDocument document) =>
        FixtureAssert.Matches(document, "004.expected.json");

    [Fact]
    public void Corpus_004_is_recognised_as_pira()
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", "004.pdf")));
        Assert.True(new PiraFamily().Recognise(layout) >= PdfExtractor.MinimumConfidence);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void Other_documents_are_not_taken_for_pira(string number)
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", number + ".pdf")));
        var score = new PiraFamily().Recognise(layout);
        Assert.True(score < 0.5, $"{number}: {score}");
    }
}
