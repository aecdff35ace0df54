using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;

namespace Pipeline.Extraction.Tests.Workbooks;

/// <summary>One fault of real workbooks at a time: each must be read, or reported with its sheet!row, never dropped silently.</summary>
public sealed class WorkbookFaultTests
{
    private static readonly WorkbookExtractor Extractor = new();

    private static object?[] Row(params object?[] cells) => cells;

    private static ExtractedDocument Read(TestWorkbook workbook, string name = "test.xlsx") => Extractor.Extract(workbook.File(name));

    private static string Targets(ExtractedKpi kpi) =>
        string.Join(" ", kpi.Targets.Select(t => $"{t.Period}:{t.Value.Operator.ToSymbol()}{t.Value.Number}"));

    [Fact]
    public void Header_on_row_7_under_a_title_block_whose_date_is_not_the_reporting_period()
    {
        var doc = Read(new TestWorkbook().Sheet("Foglio1",
            Row("CAMERA DI COMMERCIO DI FOGGIA"),
            Row("Piano della Performance 2021-2023"),
            Row("Data di aggiornamento: 26/05/2022"),
            null, null, null,
            Row("Indicatore", "Target", "Consuntivo"),
            Row("Pratiche evase", ">= 100", 120.0)));

        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal("2021:>=100", Targets(kpi));
        Assert.Equal("2021", Assert.Single(kpi.Actuals).Period); // not 2022-05-26
        Assert.Equal(("Foggia", 2021, 2023), (doc.Document.Chamber, doc.Document.PeriodFrom, doc.Document.PeriodTo));
        Assert.Empty(doc.Warnings);
    }

    [Theory]
    [InlineData("Data di aggiornamento: 26/05/2022", "2021")]
    [InlineData("Aggiornato al 15/07/2021", "2021")]
    [InlineData("Stampato il 31/07/2021", "2021")]
    [InlineData("Situazione 26/05/2022", "2021")]
    [InlineData("Monitoraggio al 30/06/2021", "2021-S1")]
    [InlineData("Monitoraggio al 30/09/2021", "2021-09-30")]
    public void Only_a_checkpoint_in_the_title_is_the_reporting_period(string titleLine, string actualPeriod)
    {
        var doc = Read(new TestWorkbook().Sheet("Foglio1",
            Row("Piano della Performance 2021-2023"), Row(titleLine),
            Row("Indicatore", "Target", "Consuntivo"), Row("Pratiche evase", ">= 100", 120.0)));

        Assert.Equal(actualPeriod, Assert.Single(Assert.Single(doc.Kpis).Actuals).Period);
    }

    [Fact]
    public void Section_rows_merged_or_in_the_first_cell_are_objectives_and_own_the_kpis_under_them()
    {
        var doc = Read(new TestWorkbook().Sheet("Piano",
                Row("Indicatore", "Peso", "Target 2021"),
                Row("OBIETTIVO STRATEGICO OS.01 – Semplificazione"),
                Row("Eventi realizzati", 50.0, ">= 5"),
                Row("OBIETTIVO OPERATIVO OP.01.01.01 – Digitalizzazione"),
                Row("Imprese con cassetto digitale", 100.0, ">= 13%"),
                Row("1.2 Sportello unico"),
                Row("Pratiche evase", 100.0, "3"))
            .Merge(1, 0, 1, 2));

        Assert.Equal(
            [("OS.01", "strategic", "Semplificazione", (string?)null), ("OP.01.01.01", "operational", "Digitalizzazione", "o1"), ("1.2", "operational", "Sportello unico", "o1")],
            doc.Objectives.Select(o => (o.Code!, o.Level, o.Title, o.Parent)));
        Assert.Equal(["o1", "o2", "o3"], doc.Kpis.Select(k => k.Objective!));
        Assert.Equal(3, doc.Kpis.Count);
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void A_kpi_named_like_its_objective_is_kept_with_the_objective()
    {
        var doc = Read(new TestWorkbook().Sheet("Piano",
                Row("Indicatore", "Target 2021"),
                Row("OBIETTIVO OPERATIVO OP.1 – Tempi medi di evasione"),
                Row("Tempi medi di evasione", "<= 5"))
            .Merge(1, 0, 1, 1));

        var objective = Assert.Single(doc.Objectives);
        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal(("Tempi medi di evasione", "Tempi medi di evasione", objective.Id), (objective.Title, kpi.Name, kpi.Objective));
    }

    [Fact]
    public void An_objective_title_merged_across_the_kpi_column_is_not_a_kpi()
    {
        var doc = Read(new TestWorkbook().Sheet("Piano",
                Row("Obiettivo", "Indicatore", "Target 2021"),
                Row("Digitalizzazione", "Digitalizzazione", null),
                Row(null, "Imprese con cassetto digitale", ">= 13%"))
            .Merge(1, 0, 1, 1));

        Assert.Equal("Imprese con cassetto digitale", Assert.Single(doc.Kpis).Name);
        Assert.Equal("Digitalizzazione", Assert.Single(doc.Objectives).Title);
    }

    [Fact]
    public void Years_typed_as_numbers_and_shown_2_021_are_periods_in_a_two_level_header()
    {
        var doc = Read(new TestWorkbook().Sheet("Wide",
                Row("Indicatore", "Target", "Target", "Consuntivo"),
                Row(null, new Pct(2021, "#,##0"), "2.022", 2021.0),
                Row("Pratiche evase", 100.0, 110.0, 120.0))
            .Merge(0, 0, 1, 0).Merge(0, 1, 0, 2));

        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal("2021:=100 2022:=110", Targets(kpi));
        Assert.Equal(("2021", 120m), (Assert.Single(kpi.Actuals).Period, kpi.Actuals[0].Value));
    }

    [Fact]
    public void A_long_table_with_a_year_column_an_operator_column_and_typed_years_gives_one_kpi_per_indicator()
    {
        var doc = Read(new TestWorkbook().Sheet("Export",
            Row("Anno", "Obiettivo", "Indicatore", "Operatore", "Valore target", "Valore al 30/06", "Valore raggiunto"),
            Row(new Pct(2021, "#,##0"), "OS.01.02 – Semplificazione", "Pratiche evase", ">=", 100.0, 40.0, 120.0),
            Row("2.022", "OS.01.02 – Semplificazione", "Pratiche evase", "<=", 90.0, null, null),
            Row("2023", "OS.01.02 – Semplificazione", "Pratiche evase", "=", 80.0, null, null)));

        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal("2021:>=100 2022:<=90 2023:=80", Targets(kpi));
        Assert.Equal(["2021-S1:40", "2021:120"], kpi.Actuals.Select(a => $"{a.Period}:{a.Value}"));
        Assert.Equal(new SourceRef { Sheet = "Export", Cell = "E3" }, kpi.Targets[1].Source);
        var objective = Assert.Single(doc.Objectives);
        Assert.Equal(("OS.01.02", "Semplificazione", "strategic"), (objective.Code, objective.Title, objective.Level));
    }

    [Fact]
    public void A_units_row_under_the_header_of_a_legacy_xls_is_not_a_kpi()
    {
        var doc = Read(new TestWorkbook().Sheet("Monitoraggio",
            Row("Indicatore", "Unità di misura", "Peso", "Anno 2021", "Anno 2022"),
            Row(null, null, "%", "valore", "valore"),
            Row("Pratiche evase", "N.", "50", ">= 100", ">= 110")), "legacy.xls");

        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal("2021:>=100 2022:>=110", Targets(kpi));
        Assert.Equal((50m, "N."), (kpi.Weight, kpi.Unit));
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void A_row_that_cannot_be_placed_is_a_warning_naming_its_sheet_and_row()
    {
        var doc = Read(new TestWorkbook().Sheet("Dati",
            Row("Obiettivo", "Indicatore", "Target 2021", "Note"),
            Row("OO.1", "Pratiche evase", ">= 100", null),
            Row(null, null, null, "vedi", "allegato")));

        Assert.Single(doc.Kpis);
        var warning = Assert.Single(doc.Warnings);
        Assert.StartsWith("Dati!D3: row 3 could not be placed", warning);
    }

    [Fact]
    public void A_lone_note_in_a_later_column_is_reported_not_taken_for_a_section()
    {
        var doc = Read(new TestWorkbook().Sheet("Dati",
            Row("Indicatore", "Target 2021", "Note"),
            Row("Pratiche evase", ">= 100", null),
            Row(null, null, "vedi allegato"),
            Row("Tempi medi", "<= 5", null)));

        Assert.Equal(2, doc.Kpis.Count);
        Assert.Empty(doc.Objectives);
        Assert.StartsWith("Dati!C3: row 3 could not be placed", Assert.Single(doc.Warnings));
    }

    [Fact]
    public void Rows_with_values_below_the_legend_are_reported()
    {
        var doc = Read(new TestWorkbook().Sheet("Dati",
            Row("Obiettivo", "Indicatore", "Target 2021"),
            Row("OO.1", "Pratiche evase", ">= 100"),
            Row("Legenda: valori provvisori"),
            Row("OO.2", "Riga dopo la legenda", "5")));

        Assert.Single(doc.Kpis);
        Assert.StartsWith("Dati!A3: the table ends at the legend; 1 row(s) below it with values not read (first: row 4)", Assert.Single(doc.Warnings));
    }

    [Fact]
    public void The_chamber_the_document_and_its_years_come_from_a_cover_sheet()
    {
        var doc = Read(new TestWorkbook()
            .Sheet("Copertina", Row("Camera di Commercio di Lecce"), Row("Relazione sulla Performance 2021-2023"))
            .Sheet("Indicatori", Row("Indicatore", "Target", "Valore raggiunto"), Row("Pratiche evase", ">= 100", 120.0)));

        Assert.Equal(("Lecce", "relazione", 2021, 2023), (doc.Document.Chamber, doc.Document.DocType, doc.Document.PeriodFrom, doc.Document.PeriodTo));
        Assert.Equal("2021:>=100", Targets(Assert.Single(doc.Kpis)));
    }

    [Fact]
    public void A_target_without_any_year_is_a_warning_not_a_silent_loss()
    {
        var doc = Read(new TestWorkbook().Sheet("Dati", Row("Indicatore", "Target"), Row("Pratiche evase", ">= 100")));

        Assert.Empty(Assert.Single(doc.Kpis).Targets);
        Assert.Contains(doc.Warnings, w => w.StartsWith("Dati!B2: target '>= 100' has no year", StringComparison.Ordinal));
    }
}
