using Xunit.Abstractions;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>The rig's own check: the reference PDFs (../shared/corpus/NNN.pdf), which the reader reads well, reach the
/// goal against the same ground truths the renderings are scored with — including the ones converted from the 001/004
/// fixtures — so a low rendering score is the reader's, not the rig's.</summary>
public sealed class ReferenceCorpusScoreTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds() => new(RenderingCorpus.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_reference_pdf_reaches_the_goal_against_the_rigs_ground_truth(string seed)
    {
        var groundTruth = ScoredGroundTruth.PathFor(seed);
        var document = CorpusScore.Extract(SharedFolder.File("corpus", seed + ".pdf"));
        var m = CorpusScore.Score(groundTruth, document);
        output.WriteLine(m.Summary);
        Assert.True(Figures.Down(m.F1) >= Baseline.F1Goal && Figures.Down(m.Targets) >= Baseline.TargetsGoal, m.Summary);
        if (seed == "003") Assert.Equal(OracleCount.Printed, OracleCount.Reproduced(document));
    }
}
