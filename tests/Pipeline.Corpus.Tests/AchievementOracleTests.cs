using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Achievement;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Corpus.Tests;

/// <summary>
/// The oracle: 003 (Foggia, Relazione sulla Performance 2021, an Integra report) prints a score for every
/// operational and strategic objective, every area and the whole chamber — 39 figures. Computed from the extracted
/// targets and actuals alone with the default (Integra) policy, ours must reproduce every one within 0.05 points.
/// The chamber's figure ("PERFORMANCE DI ENTE 98,40%") is read from the seed text, the others from the extraction.
/// </summary>
public sealed partial class AchievementOracleTests
{
    [Fact]
    public void Every_figure_printed_by_the_Relazione_of_003_is_reproduced_within_0_05()
    {
        var document = CorpusScore.Extract(SharedFolder.File("corpus", "003.pdf"));
        var policy = AchievementPolicy.Integra;
        var nodes = document.Objectives
            .Select(o => new RollupNode(o.Id, o.Parent, ObjectiveLevels.Parse(o.Level), o.Weight, o.Code ?? o.Title))
            .ToList();
        var kpis = document.Kpis.Where(k => k.Objective is not null)
            .Select(k => new RollupKpi(k.Objective!, Score(k, "2021", policy), k.Weight, k.Name))
            .ToList();

        var result = ObjectiveRollup.Compute(nodes, kpis, policy);

        var printed = document.Objectives
            .Where(o => o.ReportedAchievement is not null && o.Level is "operational" or "strategic" or "area")
            .Select(o => (Label: $"{o.Level} {o.Code}", Printed: o.ReportedAchievement!.Value, Computed: result.Objectives[o.Id].Value))
            .Append((Label: "chamber", Printed: ChamberFigure(), Computed: result.Chamber.Value))
            .ToList();
        var misses = printed.Where(p => p.Computed is null || Math.Abs(p.Computed.Value - p.Printed) > 0.05m)
            .Select(p => $"{p.Label}: printed {p.Printed}, computed {p.Computed?.ToString(CultureInfo.InvariantCulture) ?? "none"}")
            .ToList();

        Assert.Equal(39, printed.Count);
        Assert.True(misses.Count == 0, $"{misses.Count} of {printed.Count} figures not reproduced:\n" + string.Join('\n', misses));
    }

    /// <summary>A KPI's score for a period, from its extracted target and actual.</summary>
    private static KpiScore Score(ExtractedKpi kpi, string period, AchievementPolicy policy)
    {
        var target = kpi.Targets.FirstOrDefault(t => t.Period == period)?.Value;
        if (target is null) return new KpiScore(null, AchievementStatus.NotMeasurable, "no target");
        var actual = kpi.Actuals.FirstOrDefault(a => a.Period == period);
        return KpiAchievement.Score(target, actual is null ? null : new ActualValue(actual.Raw, actual.Value, actual.Flag, actual.Date), policy);
    }

    /// <summary>"PERFORMANCE DI ENTE 98,40%" in the seed's summary.</summary>
    private static decimal ChamberFigure()
    {
        var seed = File.ReadAllText(Directory.GetFiles(SharedFolder.File("seeds"), "003_*.txt").Single());
        var m = Ente().Match(seed);
        Assert.True(m.Success, "the seed of 003 prints no PERFORMANCE DI ENTE figure");
        return ItalianNumber.Parse(m.Groups[1].Value)!.Value;
    }

    [GeneratedRegex(@"PERFORMANCE DI ENTE\s+(\d{1,3},\d{1,2})\s*%")]
    private static partial Regex Ente();
}
