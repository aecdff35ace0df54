using System.Globalization;
using Pipeline.Core.Achievement;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// <c>pipeline achievements</c>' computation against a real warehouse, once per dialect: a year report whose KPIs
/// cover every kind of target, scored and rolled up under the Integra policy (figures worked out by hand), stored
/// as computed facts and views, replaced when computed again; and the same facts on SQLite and PostgreSQL.
/// </summary>
public abstract class AchievementComputerTests(string dialect)
{
    private static SourceRef P(int page) => SourceRef.ForPage(page, [10, 10, 100, 20]);

    private static ExtractedKpi Kpi(string id, string objective, string name, TargetValue target, ExtractedActual? actual) => new()
    {
        Id = id, Objective = objective, Name = name, Source = P(3),
        Targets = [new ExtractedTarget("2021", target, P(3))],
        Actuals = actual is null ? [] : [actual],
    };

    /// <summary>
    /// k1 ≥ 10, 8 → 80; k2 ≤ 5, 6 → (2 − 6/5) × 100 = 80; k3 deadline met → 100: O1 = 86.67 (86.666…).
    /// k4 SI, NO → 0; k5 text: not measurable; k6 no actual: missing: O2 = 0.
    /// ks ≥ 50, 100 → 100 (capped). S = 0.3 × 100 + 0.7 × (86.666… + 0) / 2 = 60.333… → 60.33 = area = chamber.
    /// </summary>
    public static ExtractedDocument Report() => new()
    {
        Document = new DocumentInfo
        {
            File = "relazione.pdf", Sha256 = "sha-relazione", Format = "pdf", Family = "integra-relazione",
            Chamber = "Camera di Commercio di Foggia", DocType = "relazione", PeriodFrom = 2021, PeriodTo = 2023, Pages = 5,
        },
        Objectives =
        [
            new() { Id = "a", Code = "AS.01", Level = "area", Title = "Competitività", Source = P(1) },
            new() { Id = "s", Code = "OS.01.01", Level = "strategic", Title = "Digitalizzazione", Parent = "a", ReportedAchievement = 60.33m, Source = P(1) },
            new() { Id = "o1", Code = "OP.01.01.01", Level = "operational", Title = "Servizi digitali", Parent = "s", ReportedAchievement = 86.67m, Source = P(2) },
            new() { Id = "o2", Code = "OP.01.01.02", Level = "operational", Title = "Regolamenti", Parent = "s", Source = P(2) },
        ],
        Kpis =
        [
            Kpi("k1", "o1", "Imprese assistite", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 10, ">= 10"), new ExtractedActual("2021", "8", 8, P(3))),
            Kpi("k2", "o1", "Giorni di evasione", TargetValue.Numeric("2021", TargetOperator.LessOrEqual, 5, "<= 5 gg"), new ExtractedActual("2021", "6", 6, P(3))),
            Kpi("k3", "o1", "Avvio dello sportello", TargetValue.Deadline("2021", new DateOnly(2021, 9, 30), "Entro 30/09/2021"),
                new ExtractedActual("2021", "15/09/2021", null, P(3)) { Date = new DateOnly(2021, 9, 15) }),
            Kpi("k4", "o2", "Regolamento adottato", TargetValue.YesNo("2021", true, "SI"), new ExtractedActual("2021", "NO", null, P(4)) { Flag = false }),
            Kpi("k5", "o2", "Azioni di comunicazione", TargetValue.FreeText("2021", "Avvio con azioni specifiche"), new ExtractedActual("2021", "avviate", null, P(4))),
            Kpi("k6", "o2", "Incontri con le associazioni", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 4, ">= 4"), null),
            Kpi("ks", "s", "Grado di digitalizzazione", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 50, ">= 50"), new ExtractedActual("2021", "100", 100, P(1))),
        ],
    };

    private async Task<TestWarehouse> LoadedAsync()
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(Report(), "/in/relazione.pdf", "sha-relazione"));
        return wh;
    }

    private static decimal? Dec(object? v) => v is null ? null : Convert.ToDecimal(v, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Scores_every_kpi_rolls_them_up_and_stores_the_computed_facts()
    {
        await using var wh = await LoadedAsync();
        var tree = await new AchievementComputer(wh.Dialect).ComputeAsync("FG", 2021, AchievementPolicy.Integra);

        var nodes = Assert.Single(tree.Periods).Value.ToDictionary(n => n.Code ?? n.Level);
        Assert.Equal(86.67m, nodes["OP.01.01.01"].Achievement);
        Assert.Equal(86.67m, nodes["OP.01.01.01"].Reported);
        Assert.Equal(0m, nodes["OP.01.01.02"].Achievement);
        Assert.Equal(60.33m, nodes["OS.01.01"].Achievement);
        Assert.Equal(60.33m, nodes["AS.01"].Achievement);
        Assert.Equal(60.33m, nodes["FG"].Achievement);
        Assert.Equal((7, 5), (nodes["FG"].Kpis, nodes["FG"].KpisMeasured));

        var kpis = (await wh.QueryAsync("SELECT kpi, achievement, status, policy, rule, objective_path FROM v_kpi_achievement WHERE period = '2021'"))
            .ToDictionary(r => (string)r.kpi);
        Assert.Equal(7, kpis.Count);
        Assert.Equal((80m, "measured"), (Dec(kpis["Giorni di evasione"].achievement), (string)kpis["Giorni di evasione"].status));
        Assert.Contains("(2 − 6 / 5) × 100", (string)kpis["Giorni di evasione"].rule);
        Assert.Equal("not_measurable", (string)kpis["Azioni di comunicazione"].status);
        Assert.Equal("missing", (string)kpis["Incontri con le associazioni"].status);
        Assert.Equal("integra", (string)kpis["Imprese assistite"].policy);
        Assert.Equal("AS.01 › OS.01.01 › OP.01.01.01", (string)kpis["Imprese assistite"].objective_path);

        var strategic = (await wh.QueryAsync("SELECT achievement, reported_achievement, rule, kpis, kpis_measured, area FROM v_objective_achievement WHERE objective_code = 'OS.01.01'")).Single();
        Assert.Equal((60.33m, 60.33m), (Dec(strategic.achievement), Dec(strategic.reported_achievement)));
        Assert.StartsWith("30 % × own KPIs", (string)strategic.rule);
        Assert.Equal("Competitività", (string)strategic.area);
        Assert.Equal(60.33m, Dec(await wh.ScalarAsync<object>("SELECT achievement FROM fact_chamber_achievement WHERE basis = 'computed'")));
        // every computed fact leads to a lineage row of kind 'rule' with its arithmetic
        Assert.Equal(0, await wh.CountAsync("fact_kpi_achievement f", "f.basis = 'computed' AND NOT EXISTS (SELECT 1 FROM lineage l WHERE l.lineage_id = f.lineage_id AND l.kind = 'rule' AND l.detail = f.rule)"));
    }

    [Fact]
    public async Task Computing_again_replaces_the_previous_computation_and_keeps_the_reported_figures()
    {
        await using var wh = await LoadedAsync();
        var computer = new AchievementComputer(wh.Dialect);
        await computer.ComputeAsync("FG", 2021, AchievementPolicy.Integra);
        var first = await wh.SnapshotAsync();

        await computer.ComputeAsync("FG", 2021, AchievementPolicy.Integra with { Name = "ratio", Overshoot = OvershootRule.Ratio });

        Assert.Equal(7, await wh.CountAsync("fact_kpi_achievement", "basis = 'computed'"));
        Assert.Equal(4, await wh.CountAsync("fact_objective_achievement", "basis = 'computed'"));
        Assert.Equal(2, await wh.CountAsync("fact_objective_achievement", "basis = 'reported'"));
        Assert.Equal(1, await wh.CountAsync("fact_chamber_achievement"));
        Assert.Equal(11, await wh.CountAsync("lineage", "kind = 'rule'"));
        Assert.Equal(83.33m, Dec(await wh.ScalarAsync<object>("SELECT achievement FROM v_kpi_achievement WHERE kpi = 'Giorni di evasione'")));
        Assert.Equal("ratio", await wh.ScalarAsync<string>("SELECT DISTINCT policy FROM fact_kpi_achievement WHERE basis = 'computed'"));
        Assert.NotEqual(first, await wh.SnapshotAsync());
    }

    [Fact]
    public async Task With_rolling_plans_the_latest_adopted_plan_s_target_is_current_and_the_older_one_stays_as_history()
    {
        static ExtractedDocument Piano(int from, decimal target2022) => new()
        {
            Document = new DocumentInfo
            {
                File = $"piano-{from}.pdf", Sha256 = $"sha-piano-{from}", Format = "pdf", Family = "integra-piano",
                Chamber = "Camera di Commercio di Foggia", DocType = "piano", PeriodFrom = from, PeriodTo = from + 2, Pages = 3,
            },
            Objectives = [new() { Id = "o", Code = "OP.1", Level = "operational", Title = "Servizi", Source = P(1) }],
            Kpis =
            [
                new()
                {
                    Id = "k", Objective = "o", Name = "Imprese assistite", Source = P(2),
                    Targets = [new ExtractedTarget("2022", TargetValue.Numeric("2022", TargetOperator.GreaterOrEqual, target2022, $">= {target2022}"), P(2))],
                },
            ],
        };
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Piano(2021, 10), "/in/p2021.pdf", "sha-piano-2021"));
        await loader.LoadAsync(new LoadRequest(Piano(2022, 12), "/in/p2022.pdf", "sha-piano-2022"));
        var monitoring = Piano(2022, 12) with
        {
            Document = Piano(2022, 12).Document with { File = "monitoraggio.xlsx", Sha256 = "sha-mon", DocType = "monitoraggio" },
            Kpis = [Piano(2022, 12).Kpis[0] with { Targets = [], Actuals = [new ExtractedActual("2022", "9", 9, P(1))] }],
        };
        await loader.LoadAsync(new LoadRequest(monitoring, "/in/monitoraggio.xlsx", "sha-mon"));

        var tree = await new AchievementComputer(wh.Dialect).ComputeAsync("FG", 2022, AchievementPolicy.Integra);

        Assert.Equal((2022, 2024), (tree.PlanFrom, tree.PlanTo));
        Assert.Equal(75m, tree.Periods["2022"].Single(n => n.Code == "OP.1").Achievement);   // 9 / 12, the 2022-2024 plan's target
        Assert.Equal(2, await wh.CountAsync("fact_kpi_target"));                               // the 2021-2023 target (10) kept as history
    }

    [Fact]
    public async Task A_chamber_without_a_plan_for_the_year_is_refused()
    {
        await using var wh = await LoadedAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new AchievementComputer(wh.Dialect).ComputeAsync("LE", 2021, AchievementPolicy.Integra));
        Assert.Contains("no plan of LE holds 2021", ex.Message);
    }
}

public sealed class SqliteAchievementComputerTests() : AchievementComputerTests("sqlite");

public sealed class PostgresAchievementComputerTests() : AchievementComputerTests("postgres");

/// <summary>The same ingest gives the same achievement facts on SQLite and PostgreSQL.</summary>
public sealed class AchievementParityTests
{
    [Fact]
    public async Task The_same_report_gives_the_same_achievement_facts_on_both_dialects()
    {
        var results = new List<List<string>>();
        foreach (var dialect in new[] { "sqlite", "postgres" })
        {
            await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
            await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(AchievementComputerTests.Report(), "/in/relazione.pdf", "sha-relazione"));
            await new AchievementComputer(wh.Dialect).ComputeAsync("FG", 2021, AchievementPolicy.Integra);
            var kpis = await wh.QueryAsync("SELECT kpi, period, achievement, status, rule FROM v_kpi_achievement ORDER BY kpi, period");
            var objectives = await wh.QueryAsync("SELECT objective_code, period, achievement, status, kpis, kpis_measured, rule FROM v_objective_achievement ORDER BY objective_code, period");
            results.Add(kpis.Select(r => $"{r.kpi}|{r.period}|{(r.achievement is null ? "" : Convert.ToDecimal(r.achievement).ToString("0.00", CultureInfo.InvariantCulture))}|{r.status}|{r.rule}")
                .Concat(objectives.Select(r => $"{r.objective_code}|{r.period}|{(r.achievement is null ? "" : Convert.ToDecimal(r.achievement).ToString("0.00", CultureInfo.InvariantCulture))}|{r.status}|{r.kpis}|{r.kpis_measured}|{r.rule}"))
                .ToList());
        }
        Assert.Equal(11, results[0].Count);
        Assert.Equal(results[0], results[1]);
    }
}
