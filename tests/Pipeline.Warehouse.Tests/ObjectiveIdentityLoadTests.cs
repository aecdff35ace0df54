using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// Objectives that a document prints without codes, once per dialect: a monitoring workbook naming the plan's
/// strategic objectives by title only, loaded before and after the plan; and a half-year row that shows the year's target.
/// </summary>
public abstract class ObjectiveIdentityLoadTests(string dialect)
{
    private static SourceRef Cell(string cell) => SourceRef.ForCell("Obiettivi", cell);

    private static ExtractedDocument Doc(string sha, string docType, bool codes, params string[] strategicTitles) => new()
    {
        Document = new DocumentInfo
        {
            File = docType + ".xls", Sha256 = sha, Format = "xls", Family = "workbook", Chamber = "Camera di Commercio del Molise",
            DocType = docType, PeriodFrom = 2021, PeriodTo = 2023, Pages = 1,
        },
        Objectives = strategicTitles.SelectMany((title, i) => new ExtractedObjective[]
        {
            new() { Id = $"s{i}", Code = codes ? $"OS.{i + 1}" : null, Level = "strategic", Title = title, Source = Cell($"A{i + 2}") },
            new() { Id = $"o{i}", Code = $"OO.{i + 1}.1", Level = "operational", Title = $"Operativo {i + 1}", Parent = $"s{i}", Source = Cell($"B{i + 2}") },
        }).ToList(),
        Kpis = strategicTitles.Select((_, i) => new ExtractedKpi
        {
            Id = $"k{i}", Objective = $"o{i}", Name = $"Indicatore {i + 1}", Unit = "N.", Source = Cell($"C{i + 2}"),
            Targets = docType == "piano" ? [new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 1800, ">= 1.800,00 N.", "N."), Cell($"D{i + 2}"))] : [],
            Actuals = docType == "piano" ? [] : [new ExtractedActual("2021-S1", "1.034", 1034, Cell($"E{i + 2}"))],
        }).ToList(),
    };

    private static readonly string[] PlanTitles =
        ["Accompagnare la transizione digitale delle imprese molisane", "Rafforzare la competitività delle PMI"];

    private static readonly string[] WorkbookTitles =
        ["ACCOMPAGNARE LA TRANSIZIONE DIGITALE DELLE IMPRESE MOLISANE", "Obiettivo strategico 2 - Rafforzare la competitivita' delle piccole e medie imprese"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_workbook_without_codes_stores_no_objective_beside_the_plan_s(bool workbookFirst)
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var plan = new LoadRequest(Doc("sha-plan", "piano", codes: true, PlanTitles), "/in/piano.pdf", "sha-plan");
        var workbook = new LoadRequest(Doc("sha-xls", "monitoraggio", codes: false, WorkbookTitles), "/in/monitoraggio.xls", "sha-xls");
        foreach (var request in workbookFirst ? new[] { workbook, plan } : [plan, workbook]) await loader.LoadAsync(request);

        Assert.Equal(2, await wh.CountAsync("dim_objective", "level = 'strategic'"));
        Assert.Equal(2, await wh.CountAsync("dim_objective", "level = 'strategic' AND code IN ('OS.1', 'OS.2')"));
        Assert.Equal(2, await wh.CountAsync("dim_objective", "level = 'operational'"));
        // the title is the plan's, which prints the code, whichever was loaded last
        Assert.Equal(1, await wh.CountAsync("dim_objective", "code = 'OS.2' AND title = 'Rafforzare la competitività delle PMI'"));
        // both documents' KPIs under the same objectives: one KPI each, with the plan's target and the workbook's actual
        Assert.Equal(2, await wh.CountAsync("dim_kpi"));
        Assert.Equal(4, await wh.CountAsync("doc_objective d", "EXISTS (SELECT 1 FROM dim_objective o WHERE o.objective_id = d.objective_id AND o.level = 'strategic')"));
    }

    [Fact]
    public async Task A_half_year_row_without_a_target_of_its_own_takes_the_year_s()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Doc("sha-plan", "piano", codes: true, PlanTitles), "/in/piano.pdf", "sha-plan"));
        await loader.LoadAsync(new LoadRequest(Doc("sha-xls", "monitoraggio", codes: false, WorkbookTitles), "/in/monitoraggio.xls", "sha-xls"));

        var rows = await new KpiQueries(wh.Dialect).ListAsync("CBIS", 2021);

        var half = rows.Where(r => r.Period == "2021-S1").ToList();
        Assert.Equal(2, half.Count);
        Assert.All(half, r => Assert.Null(r.TargetText));
        Assert.All(half, r => Assert.Equal(("2021", ">= 1.800,00 N.", 1800m), (r.YearTarget!.Period, r.YearTarget.TargetText, r.YearTarget.TargetValue)));
        Assert.All(rows.Where(r => r.Period == "2021"), r => Assert.Null(r.YearTarget));
    }
}

public sealed class SqliteObjectiveIdentityLoadTests() : ObjectiveIdentityLoadTests("sqlite");

public sealed class PostgresObjectiveIdentityLoadTests() : ObjectiveIdentityLoadTests("postgres");
