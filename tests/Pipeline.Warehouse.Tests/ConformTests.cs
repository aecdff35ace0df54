using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// KPI identity across documents, once per dialect: a plan, then a report naming its KPIs the same way, almost the
/// same way, differently enough to be unsure, and a KPI no plan defines; then a manual match deciding the unsure one.
/// </summary>
public abstract class ConformTests(string dialect)
{
    private static SourceRef P(int page) => SourceRef.ForPage(page, [1, 1, 2, 2]);

    private static ExtractedDocument Doc(string sha, string docType, params (string Name, decimal? Actual)[] kpis) => new()
    {
        Document = new DocumentInfo
        {
            File = docType + ".pdf", Sha256 = sha, Format = "pdf", Family = "generic", Chamber = "Camera di Commercio di Brescia",
            DocType = docType, PeriodFrom = 2021, PeriodTo = 2023, Pages = 1,
        },
        Objectives = [new() { Id = "o1", Code = "1.2.1", Level = "operational", Title = "Comunicazione", Source = P(1) }],
        Kpis = kpis.Select((k, i) => new ExtractedKpi
        {
            Id = $"k{i}", Objective = "o1", Name = k.Name, Source = P(1),
            Targets = docType == "piano" ? [new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 10, ">= 10"), P(1))] : [],
            Actuals = k.Actual is { } a ? [new ExtractedActual("2021", a.ToString(System.Globalization.CultureInfo.InvariantCulture), a, P(1))] : [],
        }).ToList(),
    };

    private static readonly ExtractedDocument Plan = Doc("sha-plan", "piano",
        ("Eventi di sensibilizzazione e informazione realizzati", null),
        ("Realizzazione format immagine coordinata dell'ente", null),
        ("Realizzazione di \"focus\" economico/statistici", null));

    private static readonly ExtractedDocument Report = Doc("sha-report", "relazione",
        ("Realizzazione di focus economico statistici", 12),                     // the same name, once normalised
        ("N. eventi di sensibilizzazione e informazione realizzati", 9),        // similar: the same significant words
        ("Predisposizione format immagine coordinata dell'Ente", 100),          // 0.8 alike: unsure
        ("Visite al portale istituzionale", 47902));                            // no plan defines it

    private async Task<TestWarehouse> LoadAsync(IReadOnlyList<KpiManualMatch>? matches = null)
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Plan, "/in/piano.pdf", "sha-plan"));
        await loader.LoadAsync(new LoadRequest(Report, "/in/relazione.pdf", "sha-report") { KpiMatches = matches ?? [] });
        return wh;
    }

    [Fact]
    public async Task A_report_s_kpis_attach_to_the_plan_s_and_the_doubtful_ones_are_reported()
    {
        await using var wh = await LoadAsync();

        Assert.Equal(5, await wh.CountAsync("dim_kpi"));   // 3 of the plan + the unsure one + the one no plan defines
        // the similar name's actual belongs to the plan's KPI, which keeps the plan's name
        Assert.Equal(9.0, Convert.ToDouble(await wh.ScalarAsync<object>(
            "SELECT m.value_num FROM fact_kpi_measurement m JOIN dim_kpi k ON k.kpi_id = m.kpi_id WHERE k.name = 'Eventi di sensibilizzazione e informazione realizzati'")));
        Assert.Equal(12.0, Convert.ToDouble(await wh.ScalarAsync<object>(
            "SELECT m.value_num FROM fact_kpi_measurement m JOIN dim_kpi k ON k.kpi_id = m.kpi_id WHERE k.name = 'Realizzazione di \"focus\" economico/statistici'")));

        var report = await new ConformQueries(wh.Dialect).ReportAsync("BS");
        Assert.Equal(["uncertain", "unmatched"], report.Select(r => r.Kind));
        Assert.Equal("Realizzazione format immagine coordinata dell'ente", report[0].CandidateName);
        Assert.Equal(0.8, report[0].Score!.Value, 3);
        Assert.Equal("Visite al portale istituzionale", report[1].Name);
        var all = await new ConformQueries(wh.Dialect).ReportAsync("BS", all: true);
        Assert.Contains(all, r => r.Kind == "similar" && r.Name.StartsWith("N. eventi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manual_match_wins_over_the_automatic_one()
    {
        await using var wh = await LoadAsync([new KpiManualMatch("BS", "Predisposizione format immagine coordinata dell'Ente", "Realizzazione format immagine coordinata dell'ente", 2021, 2023)]);

        Assert.Equal(4, await wh.CountAsync("dim_kpi"));
        Assert.Equal(100.0, Convert.ToDouble(await wh.ScalarAsync<object>(
            "SELECT m.value_num FROM fact_kpi_measurement m JOIN dim_kpi k ON k.kpi_id = m.kpi_id WHERE k.name = 'Realizzazione format immagine coordinata dell''ente'")));
        Assert.Equal(["unmatched"], (await new ConformQueries(wh.Dialect).ReportAsync(null)).Select(r => r.Kind));
        Assert.Equal(1, await wh.CountAsync("conform_match", "kind = 'manual'"));
    }

    [Fact]
    public async Task An_unmatched_kpi_stops_being_reported_once_a_plan_defines_it()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Report, "/in/relazione.pdf", "sha-report"));
        Assert.Equal(4, (await new ConformQueries(wh.Dialect).ReportAsync(null)).Count(r => r.Kind == "unmatched"));

        await loader.LoadAsync(new LoadRequest(Doc("sha-plan-2", "piano",
            ("Realizzazione di focus economico statistici", null), ("N. eventi di sensibilizzazione e informazione realizzati", null),
            ("Predisposizione format immagine coordinata dell'Ente", null), ("Visite al portale istituzionale", null)), "/in/piano.pdf", "sha-plan-2"));

        Assert.Empty(await new ConformQueries(wh.Dialect).ReportAsync(null));
        Assert.Equal(4, await wh.CountAsync("dim_kpi"));
        // --all still lists them, as settled: the same count to review in both reports
        var all = await new ConformQueries(wh.Dialect).ReportAsync(null, all: true);
        Assert.Equal(4, all.Count);
        Assert.All(all, r => Assert.Equal((false, "defined by the plan since"), (r.ToReview, r.Status)));
    }

    [Fact]
    public async Task The_full_report_marks_the_matches_the_default_report_lists()
    {
        await using var wh = await LoadAsync();
        var queries = new ConformQueries(wh.Dialect);

        var toReview = await queries.ReportAsync("BS");
        var all = await queries.ReportAsync("BS", all: true);

        Assert.True(all.Count > toReview.Count);
        Assert.Equal(toReview.Select(r => (r.KpiId, r.Kind)), all.Where(r => r.ToReview).Select(r => (r.KpiId, r.Kind)));
        Assert.All(toReview, r => Assert.Equal("to review", r.Status));
        Assert.Contains(all, r => r is { Kind: "similar", ToReview: false, Status: "taken" });
    }
}

public sealed class SqliteConformTests() : ConformTests("sqlite");

public sealed class PostgresConformTests() : ConformTests("postgres");
