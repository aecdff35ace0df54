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

    /// <summary>The same through the warehouse: 003 ingested into SQLite, <c>pipeline achievements</c>' computation,
    /// each computed figure against the one the document prints (stored with basis 'reported').</summary>
    [Fact]
    public async Task Ingested_into_the_warehouse_003_computes_the_39_printed_figures()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-oracle-");
        try
        {
            var dialect = Pipeline.Warehouse.Dialects.SqlDialect.FromConnectionString(Path.Combine(dir.FullName, "w.db"));
            await new Pipeline.Warehouse.WarehouseInitializer(dialect).InitAsync();
            var path = SharedFolder.File("corpus", "003.pdf");
            var input = Pipeline.Extraction.DocumentExtractors.Read(path);
            await new Pipeline.Warehouse.Loading.DocumentLoader(dialect).LoadAsync(
                new Pipeline.Warehouse.Loading.LoadRequest(CorpusScore.Extract(path), path, input.Sha256));

            var tree = await new Pipeline.Warehouse.Achievement.AchievementComputer(dialect).ComputeAsync("FG", 2021, AchievementPolicy.Integra);

            var nodes = tree.Periods["2021"];
            var compared = nodes.Where(n => n.Reported is not null && n.Level is "operational" or "strategic" or "area")
                .Select(n => (Label: $"{n.Level} {n.Code}", Printed: n.Reported!.Value, Computed: n.Achievement))
                .Append((Label: "chamber", Printed: ChamberFigure(), Computed: nodes.Single(n => n.Level == "chamber").Achievement))
                .ToList();
            Assert.Equal(39, compared.Count);
            var misses = compared.Where(p => p.Computed is null || Math.Abs(p.Computed.Value - p.Printed) > 0.05m).Select(p => $"{p.Label}: {p.Printed} vs {p.Computed}").ToList();
            Assert.True(misses.Count == 0, string.Join('\n', misses));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A KPI's score for a period, from its extracted target and actual.</summary>
    internal static KpiScore Score(ExtractedKpi kpi, string period, AchievementPolicy policy)
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
