using Pipeline.Corpus.Tests.Renderings;
using Pipeline.Extraction;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Xunit.Abstractions;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// The general reader alone (<see cref="GenericTableFamily"/>, no specific family) on the corpus PDFs, scored with
/// score.py against the seeds' ground truth (004's converted from its fixture): KPI F1 and targets floors just under
/// the figures docs/pdf.md gives, so a change to the general reader that loses KPIs or targets on these layouts fails.
/// 000's and 004's KPIs are key/value cards without a table header (<c>Generic/KpiCard</c>).
/// </summary>
public sealed class GeneralReaderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("000", 89.5, 98.0)]
    [InlineData("002", 88.0, 98.5)]
    [InlineData("003", 87.0, 99.5)]
    [InlineData("004", 99.5, 99.5)]
    public void The_general_reader_alone_keeps_its_scores(string seed, double f1Floor, double targetsFloor)
    {
        var document = new PdfExtractor(families: [new GenericTableFamily()])
            .Extract(DocumentExtractors.Read(SharedFolder.File("corpus", seed + ".pdf")));
        var m = CorpusScore.Score(ScoredGroundTruth.PathFor(seed), document);
        output.WriteLine($"{seed}: {m.Summary}");
        Assert.True(Figures.Down(m.F1) >= f1Floor && Figures.Down(m.Targets) >= targetsFloor, m.Summary);
    }

    public static TheoryData<string> Renderings004()
    {
        var data = new TheoryData<string>();
        foreach (var (seed, rendering) in RenderingCorpus.Ids.Where(i => i.Seed == "004" && !i.Rendering.StartsWith("layout-", StringComparison.Ordinal))) data.Add(rendering);
        return data;
    }

    /// <summary>004's cards printed by Chromium and LibreOffice in the corpus suite's nine styles, read by the general reader alone.</summary>
    [Theory]
    [MemberData(nameof(Renderings004))]
    public async Task The_general_reader_alone_reads_every_rendering_of_the_cards(string rendering)
    {
        var c = await RenderingCorpus.GetAsync("004", rendering);
        var document = new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(c.Pdf));
        var m = CorpusScore.Score(c.GroundTruth, document);
        output.WriteLine($"004 {rendering}: {m.Summary}");
        Assert.True(Figures.Down(m.F1) >= 97 && Figures.Down(m.Targets) >= 95, m.Summary);
    }
}
