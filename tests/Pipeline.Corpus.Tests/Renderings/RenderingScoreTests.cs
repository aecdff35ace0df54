using System.Diagnostics;
using Pipeline.Core.Extraction;
using Xunit.Abstractions;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>
/// The measurement rig: each seed printed by Chromium and LibreOffice in several styles, and three other layouts of
/// the same content, extracted with the project's extractor and scored with score.py. A case must reach KPI F1 ≥ 97
/// and targets ≥ 95 or hold its recorded baseline (see <see cref="Baseline"/>); 003's renderings also count the
/// printed achievement figures they reproduce. Every case's figures go to the test output and .renderings/scores.md.
/// </summary>
public sealed class RenderingScoreTests(Scoreboard scoreboard, ITestOutputHelper output) : IClassFixture<Scoreboard>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (seed, rendering) in RenderingCorpus.Ids) data.Add(seed, rendering);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reaches_the_goal_or_holds_its_baseline(string seed, string rendering)
    {
        var c = await RenderingCorpus.GetAsync(seed, rendering);
        output.WriteLine(await RenderingCorpus.TimingAsync());
        var clock = Stopwatch.StartNew();
        ExtractedDocument? document = null;
        string note;
        try
        {
            document = CorpusScore.Extract(c.Pdf);
            note = $"{document.Document.Family}, {document.Kpis.Count} KPIs, {clock.Elapsed.TotalSeconds:0.0} s";
        }
        catch (Exception e)
        {
            note = $"extraction failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }

        var figures = new Figures(0, 0, seed == "003" ? 0 : null, seed == "003" ? 0 : null);
        if (document is not null)
        {
            var m = CorpusScore.Score(c.GroundTruth, document);
            output.WriteLine(m.Summary);
            figures = new Figures(Figures.Down(m.F1), Figures.Down(m.Targets), m.Actuals is null ? null : Figures.Down(m.Actuals),
                seed == "003" ? OracleCount.Reproduced(document) : null);
        }
        scoreboard.Add(c.Id, figures, note);
        output.WriteLine($"{c.Id}: F1 {figures.F1:0.0} targets {figures.Targets:0.0} actuals {figures.Actuals?.ToString("0.0") ?? "-"} " +
                         $"oracle {(figures.Oracle is { } o ? $"{o}/{OracleCount.Printed}" : "-")} ({note}; {Path.GetFileName(c.Pdf)})");

        var regressions = Baseline.Regressions(c.Id, figures);
        Assert.True(regressions.Count == 0, string.Join('\n', regressions));
    }
}
