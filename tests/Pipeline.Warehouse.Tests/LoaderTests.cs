using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Warehouse.Tests;

/// <summary>The loader against a real warehouse; runs once per dialect (see the two classes at the end).</summary>
public abstract class LoaderTests(string dialect)
{
    private Task<TestWarehouse> NewWarehouseAsync() => TestWarehouse.CreateAsync(dialect).ContinueWith(t => t.Result.InitializedAsync()).Unwrap();

    private static LoadRequest Request(ExtractedDocument doc, string? chamber = null) =>
        new(doc, "/data/in/" + doc.Document.File, doc.Document.Sha256) { ChamberCode = chamber };

    [Fact]
    public async Task Init_is_idempotent_and_seeds_the_chambers()
    {
        await using var wh = await NewWarehouseAsync();
        var before = await wh.SnapshotAsync();
        var again = await new WarehouseInitializer(wh.Dialect).InitAsync();
        Assert.Empty(again.Applied);
        Assert.Equal(before, await wh.SnapshotAsync());
        Assert.True(await wh.CountAsync("dim_chamber") >= 60);
        Assert.Equal("FRLT", await wh.ScalarAsync<string>("SELECT code FROM dim_chamber WHERE names LIKE '%Latina%'"));
        // every embedded script of the dialect applied once (0001 … 0013)
        Assert.Equal(new Pipeline.Warehouse.Migrations.MigrationRunner(wh.Dialect).Available().Count, await wh.CountAsync("schema_migrations"));
        Assert.Equal(1, await wh.CountAsync("schema_migrations", "version = '0012'"));
        Assert.Equal(1, await wh.CountAsync("schema_migrations", "version = '0013'"));
    }

    [Fact]
    public async Task Loads_dimensions_facts_and_lineage_for_every_value()
    {
        await using var wh = await NewWarehouseAsync();
        var result = await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring()));

        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        Assert.Equal("FG", result.ChamberCode);
        Assert.Equal((3, 4, 4, 3, 1), (result.Objectives, result.Kpis, result.Targets, result.Actuals, result.ReportedAchievements));
        Assert.Equal(3, await wh.CountAsync("dim_objective"));
        Assert.Equal(4, await wh.CountAsync("dim_kpi"));
        Assert.Equal(1, await wh.CountAsync("dim_org_unit"));
        Assert.Equal(1, await wh.CountAsync("dim_plan", "cycle_from = 2021 AND cycle_to = 2023"));
        // every fact leads to a lineage row of the same document, with the raw text as read
        var orphans = await wh.CountAsync("fact_kpi_target t", "NOT EXISTS (SELECT 1 FROM lineage l WHERE l.lineage_id = t.lineage_id AND l.document_id = t.document_id AND l.raw_text = t.raw)");
        Assert.Equal(0, orphans);
        var cell = await wh.QueryAsync("SELECT l.sheet, l.cell, l.raw_text FROM fact_kpi_measurement m JOIN lineage l ON l.lineage_id = m.lineage_id WHERE m.raw = '21,66 %'");
        Assert.Equal(("Monitoraggio", "G3", "21,66 %"), ((string)cell[0].sheet, (string)cell[0].cell, (string)cell[0].raw_text));

        // typed target values survive in both dialects
        Assert.Equal(13.0, Convert.ToDouble(await wh.ScalarAsync<object>("SELECT value_num FROM fact_kpi_target WHERE operator = '>='")));
        Assert.Equal("2021-10-30", Convert.ToString(await wh.ScalarAsync<object>("SELECT value_date FROM fact_kpi_target WHERE operator = 'date'")) is { } d ? DateTime.Parse(d, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd") : null);
        Assert.True(Convert.ToBoolean(await wh.ScalarAsync<object>("SELECT value_flag FROM fact_kpi_target WHERE operator = 'bool'")));
        Assert.Equal(1, await wh.CountAsync("fact_kpi_target", "operator = 'text' AND value_num IS NULL"));
        Assert.Equal(1, await wh.CountAsync("fact_objective_achievement", "basis = 'reported'"));

        // the objective tree is kept
        Assert.Equal("OS.01.01", await wh.ScalarAsync<string>(
            "SELECT p.code FROM dim_objective o JOIN dim_objective p ON p.objective_id = o.parent_objective_id WHERE o.code = 'OO.01.01.01'"));

        var rows = await new KpiQueries(wh.Dialect).ListAsync("FG", 2021);
        Assert.Contains(rows, r => r.Kpi == "Diffusione del cassetto digitale" && r.Period == "2021" && r.TargetText == ">= 13,00 %");
        Assert.Contains(rows, r => r.Kpi == "Diffusione del cassetto digitale" && r.Period == "2021-S1" && r.ActualValue == 21.66m);
    }

    [Fact]
    public async Task A_weight_printed_per_period_lands_on_that_period_s_target()
    {
        await using var wh = await NewWarehouseAsync();
        var doc = Documents.FoggiaMonitoring();
        var kpi = doc.Kpis[3] with
        {
            Targets =
            [
                new ExtractedTarget("2021", TargetValue.FreeText("2021", "Avvio con azioni specifiche"), Documents.Cell("F6")) { Weight = 60m },
                new ExtractedTarget("2022", TargetValue.FreeText("2022", "Completamento del percorso"), Documents.Cell("H6")) { Weight = 40m },
            ],
        };
        await new DocumentLoader(wh.Dialect).LoadAsync(Request(doc with { Kpis = [.. doc.Kpis.Take(3), kpi] }));

        var rows = await wh.QueryAsync("SELECT p.code AS period, t.weight FROM fact_kpi_target t JOIN dim_period p ON p.period_id = t.period_id WHERE t.weight IS NOT NULL ORDER BY p.code");
        Assert.Equal([("2021", 60.0), ("2022", 40.0)], rows.Select(r => ((string)r.period, Convert.ToDouble(r.weight))).ToList());
        Assert.Equal(3, await wh.CountAsync("fact_kpi_target", "weight IS NULL"));
    }

    [Fact]
    public async Task The_same_bytes_twice_change_nothing()
    {
        await using var wh = await NewWarehouseAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var first = await loader.LoadAsync(Request(Documents.FoggiaMonitoring()));
        var before = await wh.SnapshotAsync();

        var second = await loader.LoadAsync(Request(Documents.FoggiaMonitoring()));

        Assert.Equal(LoadOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(before, await wh.SnapshotAsync());
    }

    [Fact]
    public async Task A_new_version_supersedes_and_the_old_facts_stay_as_history()
    {
        await using var wh = await NewWarehouseAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var v1 = await loader.LoadAsync(Request(Documents.FoggiaMonitoring("sha-v1", 21.66m)));
        var v2 = await loader.LoadAsync(Request(Documents.FoggiaMonitoring("sha-v2", 23.10m)));

        Assert.Equal(LoadOutcome.Superseding, v2.Outcome);
        Assert.Equal(v1.DocumentId, v2.SupersededDocumentId);
        Assert.Equal(1, await wh.CountAsync("dim_document", "is_current"));
        Assert.Equal(v2.DocumentId, await wh.ScalarAsync<long>("SELECT superseded_by_id FROM dim_document WHERE sha256 = 'sha-v1'"));
        Assert.Equal(v1.DocumentId, await wh.ScalarAsync<long>("SELECT supersedes_id FROM dim_document WHERE sha256 = 'sha-v2'"));
        // one KPI dimension row, two measurements (history), the view shows the current one
        Assert.Equal(4, await wh.CountAsync("dim_kpi"));
        Assert.Equal(2, await wh.CountAsync("fact_kpi_measurement", "raw IN ('21,66 %')  OR value_num > 23"));
        var current = await new KpiQueries(wh.Dialect).ListAsync("FG", 2021);
        Assert.Equal(23.10m, current.Single(r => r.Kpi == "Diffusione del cassetto digitale" && r.Period == "2021-S1").ActualValue);
        var history = await wh.QueryAsync("SELECT value, is_current FROM v_kpi_lineage WHERE value_kind = 'actual' AND kpi = 'Diffusione del cassetto digitale' ORDER BY document_id");
        Assert.Equal(2, history.Count);
        Assert.Equal(21.66, Convert.ToDouble(history[0].value), 6);
    }

    [Fact]
    public async Task A_one_year_report_joins_the_plan_whose_cycle_holds_its_year()
    {
        await using var wh = await NewWarehouseAsync();
        var loader = new DocumentLoader(wh.Dialect);
        ExtractedDocument Report(string sha, int year)
        {
            var doc = Documents.FoggiaMonitoring(sha);
            return doc with
            {
                Document = doc.Document with { DocType = "relazione", PeriodFrom = year, PeriodTo = year },
                Kpis = doc.Kpis.Select(k => k with { Actuals = k.Actuals.Select(a => a with { Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList() }).ToList(),
            };
        }
        var plan = await loader.LoadAsync(Request(Documents.FoggiaMonitoring("sha-plan-2021")));
        var report = await loader.LoadAsync(Request(Report("sha-report-2021", 2021)));

        Assert.Equal(LoadOutcome.Loaded, report.Outcome);
        Assert.Equal(1, await wh.CountAsync("dim_plan"));
        Assert.Equal(4, await wh.CountAsync("dim_kpi"));
        Assert.Equal(2, await wh.CountAsync("dim_document", "is_current"));
        Assert.Equal(await wh.ScalarAsync<long>($"SELECT plan_id FROM dim_document WHERE document_id = {plan.DocumentId}"),
                     await wh.ScalarAsync<long>($"SELECT plan_id FROM dim_document WHERE document_id = {report.DocumentId}"));
        Assert.Equal("FG|relazione|2021-2021|2021", await wh.ScalarAsync<string>($"SELECT logical_key FROM dim_document WHERE document_id = {report.DocumentId}"));

        // rolling cycles: the 2022 report belongs to the plan adopted for 2022; a year no plan holds gets a plan of its own
        var nextPlan = Documents.FoggiaMonitoring("sha-plan-2022");
        await loader.LoadAsync(Request(nextPlan with { Document = nextPlan.Document with { PeriodFrom = 2022, PeriodTo = 2024 } }));
        await loader.LoadAsync(Request(Report("sha-report-2022", 2022)));
        await loader.LoadAsync(Request(Report("sha-report-2026", 2026)));
        Assert.Equal(["2021-2023", "2022-2024", "2026-2026"],
            (await wh.QueryAsync("SELECT cycle_from, cycle_to FROM dim_plan ORDER BY cycle_from")).Select(r => $"{r.cycle_from}-{r.cycle_to}"));
        Assert.Equal("2022-2024", (await wh.QueryAsync(
            "SELECT p.cycle_from, p.cycle_to FROM dim_document d JOIN dim_plan p ON p.plan_id = d.plan_id WHERE d.sha256 = 'sha-report-2022'"))
            .Select(r => $"{r.cycle_from}-{r.cycle_to}").Single());
    }

    [Theory]
    [InlineData("document")]
    [InlineData("objectives")]
    [InlineData("kpi:2")]
    [InlineData("facts")]
    public async Task A_failure_in_the_middle_of_a_load_leaves_the_warehouse_as_it_was(string failAt)
    {
        await using var wh = await NewWarehouseAsync();
        await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring("sha-v1")));
        var before = await wh.SnapshotAsync();

        var failing = new DocumentLoader(wh.Dialect) { AfterStep = step => { if (step == failAt) throw new IOException($"injected failure at {step}"); } };
        var ex = await Assert.ThrowsAsync<IOException>(() => failing.LoadAsync(Request(Documents.FoggiaMonitoring("sha-v2", 30m))));

        Assert.Contains(failAt, ex.Message);
        Assert.Equal(before, await wh.SnapshotAsync());
        // and the file can be loaded afterwards
        var retry = await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring("sha-v2", 30m)));
        Assert.Equal(LoadOutcome.Superseding, retry.Outcome);
    }

    [Fact]
    public async Task The_chamber_comes_from_the_document_or_from_the_override()
    {
        await using var wh = await NewWarehouseAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var anonymous = Documents.FoggiaMonitoring("sha-anon") with { Document = Documents.FoggiaMonitoring().Document with { Chamber = null, Sha256 = "sha-anon" } };

        var missing = await Assert.ThrowsAsync<LoadException>(() => loader.LoadAsync(Request(anonymous)));
        Assert.Contains("--chamber", missing.Message);
        var conflict = await Assert.ThrowsAsync<LoadException>(() => loader.LoadAsync(Request(Documents.FoggiaMonitoring(), "LE")));
        Assert.Contains("FG", conflict.Message);
        Assert.Equal(0, await wh.CountAsync("dim_document"));

        var loaded = await loader.LoadAsync(Request(anonymous, "lecce"));
        Assert.Equal("LE", loaded.ChamberCode);
    }

    [Fact]
    public async Task Bad_records_go_to_quarantine_with_a_reason_and_the_rest_loads()
    {
        await using var wh = await NewWarehouseAsync();
        var doc = Documents.FoggiaMonitoring("sha-bad");
        var kpis = doc.Kpis.ToList();
        kpis[0] = kpis[0] with
        {
            Weight = 250,
            Targets = [.. kpis[0].Targets, new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 15m, ">= 15"), Documents.Cell("H3"))],
        };
        kpis.Add(new ExtractedKpi { Id = "k9", Objective = "o3", Name = "  ", Source = Documents.Cell("D9"), Targets = [] });
        kpis.Add(new ExtractedKpi { Id = "k10", Objective = "o77", Name = "Orfano", Source = Documents.Cell("D10") });
        var result = await new DocumentLoader(wh.Dialect).LoadAsync(Request(doc with { Kpis = kpis }));

        Assert.Equal(4, result.Kpis);
        Assert.Equal(4, result.Quarantined);
        var reasons = (await wh.QueryAsync("SELECT record_kind, location, reason FROM quarantine ORDER BY quarantine_id"))
            .Select(r => $"{r.record_kind} {r.location}: {r.reason}").ToList();
        Assert.Contains(reasons, r => r.StartsWith("weight Monitoraggio!D3") && r.Contains("250"));
        Assert.Contains(reasons, r => r.StartsWith("target Monitoraggio!H3") && r.Contains("second target"));
        Assert.Contains(reasons, r => r.StartsWith("kpi Monitoraggio!D9") && r.Contains("no name"));
        Assert.Contains(reasons, r => r.StartsWith("kpi Monitoraggio!D10") && r.Contains("o77"));
        Assert.Equal(0, await wh.CountAsync("doc_kpi", "weight IS NOT NULL AND weight > 100"));
    }

    [Fact]
    public async Task A_reviewed_extraction_records_the_original_document_in_lineage()
    {
        await using var wh = await NewWarehouseAsync();
        var request = Request(Documents.FoggiaMonitoring("sha-original")) with { Sha256 = "sha-of-json", SourceSha256 = "sha-original", FilePath = "/reviewed/m.json" };
        await new DocumentLoader(wh.Dialect).LoadAsync(request);
        Assert.Equal("sha-original", await wh.ScalarAsync<string>("SELECT source_sha256 FROM dim_document"));
        Assert.Equal(0, await wh.CountAsync("lineage", "detail IS NULL OR detail NOT LIKE '%sha256 sha-original%'"));
    }
}

public sealed class SqliteLoaderTests() : LoaderTests("sqlite");

public sealed class PostgresLoaderTests() : LoaderTests("postgres");
