using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;

namespace Pipeline.Extraction.Tests;

public sealed class WorkbookExtractorTests
{
    private static readonly WorkbookExtractor Extractor = new();

    private static object?[] Row(params object?[] cells) => cells;

    /// <summary>Title rows, the header on row 7 (index 6), objectives merged down over their KPIs, a legend.</summary>
    private static TestWorkbook Monitoring() => new TestWorkbook()
        .Sheet("Istruzioni", Row("Compilare solo le celle in giallo."), Row("Per informazioni: ufficio controllo di gestione"))
        .Sheet("Area 1",
            Row("CCIAA di Lecce"),
            Row("Piano della Performance 2021-2023"),
            Row("Monitoraggio al 30/06/2021"),
            Row("Obiettivo strategico OS.3 - Semplificazione amministrativa"),
            null,
            null,
            Row("Codice obiettivo", "Obiettivo", "Indicatore", "Algoritmo", "Peso", "Target 2021", "Valore al 30/06/2021", "Note", "Fonte"),
            Row("OO.1.1", "Diffusione dei servizi digitali", "Imprese con cassetto digitale", "N. cassetti / N. imprese", new Pct(0.3, "0%"), ">= 70%", new Pct(0.705), null, "InfoCamere"),
            Row(null, null, "Pratiche telematiche evase", "N. pratiche", "20", "Almeno 1.200", "1.234,5", "dato provvisorio", null),
            Row(null, null, "Tempo medio di evasione", "Giorni medi", 0.5, "<= 30 gg", "28", null, null),
            null,
            Row("OO.1.2", "Regolamento sportello", "Adozione del regolamento", null, 100, "SI", "SI", null, null),
            Row(null, null, "Avvio del servizio", null, null, "Entro 30/10/2021", null, null, null),
            null,
            Row("Legenda: i pesi sono espressi in percentuale"),
            Row("OO.9.9", "Non un obiettivo", "Riga dopo la legenda", null, null, "5", "5", null, null))
        .Merge(7, 0, 9, 0).Merge(7, 1, 9, 1).Merge(11, 0, 12, 0).Merge(11, 1, 12, 1).Merge(14, 0, 14, 8);

    [Fact]
    public void Reads_header_on_row_7_merged_objectives_percent_cells_text_numbers_and_stops_at_the_legend()
    {
        var doc = Extractor.Extract(Monitoring().File("monitoraggio.xlsx"));

        Assert.Equal("Lecce", doc.Document.Chamber);
        Assert.Equal("monitoraggio", doc.Document.DocType);
        Assert.Equal((2021, 2023), (doc.Document.PeriodFrom, doc.Document.PeriodTo));
        Assert.Equal("xlsx", doc.Document.Format);
        Assert.Equal(2, doc.Document.Pages);
        Assert.Equal(["OS.3", "OO.1.1", "OO.1.2"], doc.Objectives.Select(o => o.Code));
        Assert.Equal(["strategic", "operational", "operational"], doc.Objectives.Select(o => o.Level));
        Assert.Equal(("Semplificazione amministrativa", "Area 1!A4"), (doc.Objectives[0].Title, doc.Objectives[0].Source!.ToString()));
        Assert.All(doc.Objectives.Skip(1), o => Assert.Equal("o1", o.Parent));
        Assert.Equal(5, doc.Kpis.Count);
        Assert.DoesNotContain(doc.Kpis, k => k.Name.Contains("legenda", StringComparison.OrdinalIgnoreCase) || k.Name == "Riga dopo la legenda");

        var cassetto = doc.Kpis[0];
        Assert.Equal("o2", cassetto.Objective);
        Assert.Equal(30m, cassetto.Weight);
        Assert.Equal("InfoCamere", cassetto.SourceSystem);
        var target = Assert.Single(cassetto.Targets);
        Assert.Equal(("2021", TargetOperator.GreaterOrEqual, 70m), (target.Period, target.Value.Operator, target.Value.Number));
        Assert.Equal(new SourceRef { Sheet = "Area 1", Cell = "F8" }, target.Source);
        var actual = Assert.Single(cassetto.Actuals);
        Assert.Equal(("2021-S1", 70.5m, "70,5%"), (actual.Period, actual.Value, actual.Raw));
        Assert.Equal("Area 1!G8", actual.Source!.ToString());

        var pratiche = doc.Kpis[1];
        Assert.Equal("o2", pratiche.Objective);
        Assert.Equal(20m, pratiche.Weight);
        Assert.Equal((TargetOperator.GreaterOrEqual, 1200m), (pratiche.Targets[0].Value.Operator, pratiche.Targets[0].Value.Number));
        Assert.Equal(1234.5m, pratiche.Actuals[0].Value);

        Assert.Equal(0.5m, doc.Kpis[2].Weight); // a plain number is not a percentage: kept as printed
        Assert.Equal((TargetOperator.LessOrEqual, 30m), (doc.Kpis[2].Targets[0].Value.Operator, doc.Kpis[2].Targets[0].Value.Number));

        var regolamento = doc.Kpis[3];
        Assert.Equal("o3", regolamento.Objective);
        Assert.Equal(TargetOperator.Bool, regolamento.Targets[0].Value.Operator);
        Assert.True(regolamento.Actuals[0].Flag);

        var avvio = doc.Kpis[4];
        Assert.Equal("o3", avvio.Objective);
        Assert.Equal(new DateOnly(2021, 10, 30), avvio.Targets[0].Value.Date);
        Assert.Empty(avvio.Actuals); // missing value: no actual, not a zero
    }

    [Fact]
    public void The_same_table_as_xls_reads_the_same()
    {
        var xlsx = Extractor.Extract(Monitoring().File("m.xlsx"));
        var xls = Extractor.Extract(Monitoring().File("m.xls"));
        Assert.Equal("xls", xls.Document.Format);
        Assert.Equal(Describe(xlsx), Describe(xls));
    }

    [Fact]
    public void A_second_header_row_gives_the_years_of_merged_target_columns()
    {
        var file = new TestWorkbook().Sheet("Piano",
                Row("Camera di Commercio di Foggia - Piano della performance 2022-2024"),
                Row("Obiettivo strategico", "Indicatore", "Peso", "Target", null, null),
                Row(null, null, null, "2022", "2023", "2024"),
                Row("Semplificazione", "Pratiche evase in 5 giorni", "40%", ">= 80%", ">= 85%", ">= 90%"))
            .Merge(1, 3, 1, 5)
            .File("piano.xlsx");
        var doc = Extractor.Extract(file);
        var kpi = Assert.Single(doc.Kpis);
        Assert.Equal(["2022", "2023", "2024"], kpi.Targets.Select(t => t.Period));
        Assert.Equal([80m, 85m, 90m], kpi.Targets.Select(t => t.Value.Number!.Value));
        Assert.Equal("piano", doc.Document.DocType);
        Assert.Equal("strategic", Assert.Single(doc.Objectives).Level);
        Assert.Empty(kpi.Actuals);
    }

    [Fact]
    public void Synonyms_in_any_order_and_a_year_taken_from_the_sheet_name()
    {
        var file = new TestWorkbook().Sheet("Consuntivo 2021",
                Row("Camera di commercio del Molise"),
                Row("Struttura", "KPI", "Peso %", "Valore rilevato", "Valore atteso", "Cod. obiettivo", "Obiettivo operativo"),
                Row("Area anagrafica", "Visure rilasciate", 25, 410, "Almeno 400", "OP-3", "Servizi anagrafici"))
            .File("consuntivo.xlsx");
        var doc = Extractor.Extract(file);
        var kpi = Assert.Single(doc.Kpis);
        Assert.Contains("Molise", doc.Document.Chamber);
        Assert.Equal(("2021", 410m), (kpi.Actuals[0].Period, kpi.Actuals[0].Value));
        Assert.Equal(("2021", 400m), (kpi.Targets[0].Period, kpi.Targets[0].Value.Number));
        var objective = Assert.Single(doc.Objectives);
        Assert.Equal(("OP-3", "Servizi anagrafici"), (objective.Code, objective.Title));
        Assert.Equal(["Area anagrafica"], objective.OrgUnits);
    }

    [Fact]
    public void A_row_with_values_but_no_kpi_name_is_kept_for_quarantine_not_dropped()
    {
        var file = new TestWorkbook().Sheet("2021",
                Row("Obiettivo", "Indicatore", "Target", "Consuntivo"),
                Row("Ob. A", "KPI uno", "10", "12"),
                Row("Ob. A", null, "20", "18"))
            .File("x.xlsx");
        var doc = Extractor.Extract(file);
        Assert.Equal(2, doc.Kpis.Count);
        Assert.Equal("", doc.Kpis[1].Name);
        Assert.Equal("2021!B3", doc.Kpis[1].Source!.ToString());
    }

    [Fact]
    public void A_workbook_without_a_kpi_table_fails_with_a_clear_reason()
    {
        var file = new TestWorkbook().Sheet("Dati", Row("Nome", "Cognome"), Row("Mario", "Rossi")).File("anagrafica.xlsx");
        var ex = Assert.Throws<ExtractionException>(() => Extractor.Extract(file));
        Assert.StartsWith("anagrafica.xlsx: no KPI table found", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("empty.xlsx", new byte[0], "empty file")]
    [InlineData("renamed.xlsx", new byte[] { (byte)'a', (byte)';', (byte)'b', (byte)'\n', (byte)'1', (byte)';', (byte)'2', (byte)'\n' }, "CSV renamed")]
    [InlineData("corrupt.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "corrupt or unreadable workbook")]
    public void Unreadable_files_fail_with_a_one_line_reason_naming_the_file(string name, byte[] bytes, string reason)
    {
        var ex = Assert.Throws<ExtractionException>(() => Extractor.Extract(new InputFile(name, bytes)));
        Assert.StartsWith(name + ": ", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_truncated_real_workbook_is_reported_as_corrupt()
    {
        var bytes = Monitoring().Bytes();
        var ex = Assert.Throws<ExtractionException>(() => Extractor.Extract(new InputFile("cut.xlsx", bytes[..(bytes.Length / 2)])));
        Assert.Contains("corrupt", ex.Message);
    }

    private static List<string> Describe(ExtractedDocument doc) =>
        doc.Kpis.Select(k => $"{k.Objective}|{k.Name}|{k.Weight}|{string.Join(",", k.Targets.Select(t => $"{t.Period}{t.Value.Operator}{t.Value.Number}{t.Value.Flag}{t.Value.Date}|{t.Source}"))}|{string.Join(",", k.Actuals.Select(a => $"{a.Period}={a.Value}{a.Flag}{a.Raw}|{a.Source}"))}").ToList();
}
