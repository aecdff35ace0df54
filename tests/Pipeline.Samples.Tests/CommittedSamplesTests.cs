using System.Globalization;
using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>The committed workbooks, as ExcelDataReader reads them: every trap the brief asks for is really in the file.</summary>
public class CommittedSamplesTests
{
    private static readonly SamplePlan Plan = SampleRegion.Molise();

    private static WorkbookFile FirstHalf => SampleGenerator.Render(Plan, SampleGenerator.FirstHalfLayout());
    private static WorkbookFile Year => SampleGenerator.Render(Plan, SampleGenerator.YearLayout());

    public static TheoryData<string> SampleFiles => new() { SampleGenerator.FirstHalfXlsx, SampleGenerator.YearXls };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_written_cell_format_and_merge_reads_back_from_the_committed_file(string name)
    {
        var rendered = SampleGenerator.RenderAll().Single(f => f.FileName == name);
        var committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.SampleData, name));
        ReadBack.AssertExact(rendered with { Bytes = committed });
    }

    [Fact]
    public void Half_year_xlsx_has_an_instructions_sheet_then_one_sheet_per_strategic_objective()
    {
        var read = ExcelRead.All(FirstHalf.Bytes);
        Assert.Equal(["Istruzioni", "AS1 Digitale e semplificazione", "AS2 Competitività e export", "AS3 Regolazione del mercato", "AS4 Efficienza interna"],
            read.Select(s => s.Name));
        var instructions = read[0];
        Assert.All(instructions.Rows, row => Assert.True(row.Count(v => v is not null) <= 1, "the instructions sheet has no table"));
    }

    [Fact]
    public void Half_year_xlsx_has_titles_above_the_header_on_row_7()
    {
        foreach (var sheet in ExcelRead.All(FirstHalf.Bytes).Skip(1))
        {
            Assert.Equal("Camera di Commercio del Molise", sheet.Value(0, 0));
            Assert.Equal("Piano della Performance 2021-2023", sheet.Value(1, 0));
            Assert.Equal("Monitoraggio al 30/06/2021", sheet.Value(2, 0));
            Assert.True(sheet.IsBlankRow(5));
            Assert.Equal(["Codice obiettivo", "Obiettivo", "Indicatore", "Algoritmo", "Peso", "Target 2021", "Valore al 30/06/2021", "Note", "Fonte"],
                sheet.Rows[6].Select(v => (string?)v));
            Assert.Contains(new CellRange(0, 0, 0, 8), sheet.Merges);
        }
    }

    [Fact]
    public void Half_year_xlsx_merges_objective_code_and_title_down_over_their_kpis()
    {
        var sheet = ExcelRead.All(FirstHalf.Bytes)[1];
        // OO.1.1 has 2 KPIs (rows 8-9), a blank row, then OO.1.2 with 3 KPIs (rows 11-13).
        Assert.Equal("OO.1.1", sheet.Value(7, 0));
        Assert.Contains(new CellRange(7, 0, 8, 0), sheet.Merges);
        Assert.Contains(new CellRange(7, 1, 8, 1), sheet.Merges);
        Assert.Null(sheet.Value(8, 0));
        Assert.True(sheet.IsBlankRow(9), "blank row between objectives");
        Assert.Equal("OO.1.2", sheet.Value(10, 0));
        Assert.Contains(new CellRange(10, 0, 12, 0), sheet.Merges);
        Assert.Contains(new CellRange(10, 1, 12, 1), sheet.Merges);
    }

    [Fact]
    public void Half_year_xlsx_mixes_percent_cells_numeric_cells_and_italian_text_numbers()
    {
        var read = ExcelRead.All(FirstHalf.Bytes);
        var file = FirstHalf;
        object? Actual(string kpi, out string? format)
        {
            var (sheet, row) = Locate(file, kpi);
            var s = read.Single(x => x.Name == sheet.Name);
            format = s.Format(row, 6);
            return s.Value(row, 6);
        }

        Assert.Equal(0.825, Actual("IND.1.2.2", out var f1));
        Assert.Equal("0.0%", f1);
        Assert.Equal(0.624, Actual("IND.4.1.1", out var f2));
        Assert.Equal("0.0%", f2);
        Assert.Equal("6,4%", Actual("IND.1.1.2", out _));
        Assert.Equal("1.034", Actual("IND.1.1.1", out _));
        Assert.Equal("112.450,5", Actual("IND.2.1.2", out _));
        Assert.Equal("4,2", Actual("IND.1.2.1", out _));
        Assert.Equal(58d, Actual("IND.2.1.1", out var f3));
        Assert.Equal("General", f3);
        Assert.Equal(23418d, Actual("IND.4.2.2", out var f4));
        Assert.Equal("#,##0", f4);
        Assert.Equal("14/06/2021", Actual("IND.3.2.3", out _));
        Assert.Equal("SI", Actual("IND.2.2.3", out _));
        Assert.Equal("In corso", Actual("IND.1.2.3", out _));
    }

    [Fact]
    public void Half_year_xlsx_writes_weights_as_percent_cells_and_targets_as_text()
    {
        var read = ExcelRead.All(FirstHalf.Bytes);
        var file = FirstHalf;
        var targets = new List<string>();
        foreach (var kpi in Plan.Kpis)
        {
            var (sheet, row) = Locate(file, kpi.Code);
            var s = read.Single(x => x.Name == sheet.Name);
            Assert.Equal((double)(kpi.Weight / 100m), s.Value(row, 4));
            Assert.Equal("0%", s.Format(row, 4));
            targets.Add(Assert.IsType<string>(s.Value(row, 5)));
        }
        Assert.Superset(new HashSet<string> { ">= 70%", "Almeno 120", "<= 30 gg", "Entro 30/10/2021", "SI", "≥ 12", "≥ 12%" }, targets.ToHashSet());
    }

    [Fact]
    public void Half_year_xlsx_leaves_the_missing_kpi_value_empty_and_says_why_in_the_notes()
    {
        var (sheet, row) = Locate(FirstHalf, SampleRegion.KpiMissingFirstHalf);
        var read = ExcelRead.All(FirstHalf.Bytes).Single(s => s.Name == sheet.Name);
        Assert.Equal("Procedure di mediazione gestite dall'organismo camerale", read.Value(row, 2));
        Assert.Null(read.Value(row, 6));
        Assert.Equal("Dato semestrale non pervenuto", read.Value(row, 7));
        var empty = FirstHalf.Sheets.SelectMany(s => s.KpiRows.Where(k => s.CellAt(k.Row, 6) is null)).Select(k => k.KpiCode);
        Assert.Equal([SampleRegion.KpiMissingFirstHalf], empty);
    }

    [Fact]
    public void Half_year_xlsx_has_legend_rows_under_the_table()
    {
        foreach (var (written, read) in FirstHalf.Sheets.Skip(1).Zip(ExcelRead.All(FirstHalf.Bytes).Skip(1)))
        {
            var legend = written.LegendRow!.Value;
            Assert.True(legend > written.KpiRows.Max(k => k.Row) + 1);
            Assert.True(read.IsBlankRow(legend - 1));
            Assert.StartsWith("Legenda:", (string)read.Value(legend, 0)!, StringComparison.Ordinal);
            Assert.StartsWith("Legenda:", (string)read.Value(legend + 1, 0)!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Annual_xls_has_one_table_sheet_with_another_header_row_order_and_synonyms()
    {
        var read = ExcelRead.All(Year.Bytes);
        Assert.Equal(["Obiettivi operativi 2021", "Note metodologiche"], read.Select(s => s.Name));
        var sheet = read[0];
        Assert.Equal("CAMERA DI COMMERCIO DEL MOLISE", sheet.Value(0, 0));
        Assert.Contains("2021-2023", (string)sheet.Value(1, 0)!, StringComparison.Ordinal);
        Assert.Equal(["Obiettivo strategico", "Cod. obiettivo", "Obiettivo operativo", "KPI", "Formula", "U.M.", "Peso %", "Target", "Consuntivo 2021", "Fonte dati", "Struttura"],
            sheet.Rows[3].Select(v => (string?)v));
        Assert.Equal(20, Year.Sheets[0].KpiRows.Count);
    }

    [Fact]
    public void Annual_xls_merges_strategic_and_objective_cells_and_uses_percent_and_date_formats()
    {
        var sheet = ExcelRead.All(Year.Bytes)[0];
        // OS.1 covers OO.1.1 (2 KPIs) and OO.1.2 (3 KPIs): rows 5-9.
        Assert.Contains(new CellRange(4, 0, 8, 0), sheet.Merges);
        Assert.Contains(new CellRange(4, 1, 5, 1), sheet.Merges);
        Assert.Contains(new CellRange(6, 2, 8, 2), sheet.Merges);
        Assert.Contains(new CellRange(6, 10, 8, 10), sheet.Merges);

        var (_, rate) = Locate(Year, "IND.4.1.1");
        Assert.Equal(0.705, sheet.Value(rate, 8));
        Assert.Equal("0.00%", sheet.Format(rate, 8));
        Assert.Equal(60d, sheet.Value(rate, 6));

        var (_, digital) = Locate(Year, "IND.1.1.2");
        Assert.Equal(0.12, sheet.Value(digital, 7));
        Assert.Equal("0%", sheet.Format(digital, 7));

        var (_, deadline) = Locate(Year, "IND.1.2.3");
        Assert.Equal(new DateTime(2021, 9, 30), sheet.Value(deadline, 7));
        Assert.Equal(new DateTime(2021, 9, 15), sheet.Value(deadline, 8));
        Assert.Equal("dd/mm/yyyy", sheet.Format(deadline, 8));

        var (_, text) = Locate(Year, "IND.3.2.3");
        Assert.Equal("Entro 30/10/2021", sheet.Value(text, 7));

        var (_, missingInHalf) = Locate(Year, SampleRegion.KpiMissingFirstHalf);
        Assert.Equal(86d, sheet.Value(missingInHalf, 8));
    }

    [Fact]
    public void Annual_xls_has_legend_rows_and_a_last_sheet_without_a_table()
    {
        var read = ExcelRead.All(Year.Bytes);
        var legend = Year.Sheets[0].LegendRow!.Value;
        Assert.StartsWith("N.B.", (string)read[0].Value(legend, 0)!, StringComparison.Ordinal);
        Assert.StartsWith("Fonte:", (string)read[0].Value(legend + 1, 0)!, StringComparison.Ordinal);
        Assert.All(read[1].Rows, row => Assert.True(row.Count(v => v is not null) <= 1));
    }

    [Fact]
    public void Actual_cells_encode_the_oracle_values()
    {
        foreach (var (file, period) in new[] { (FirstHalf, SamplePeriods.FirstHalf2021), (Year, SamplePeriods.Year2021) })
        {
            var actualColumn = file.FileName.EndsWith(".xls", StringComparison.Ordinal) ? 8 : 6;
            foreach (var kpi in Plan.Kpis)
            {
                var (sheet, row) = Locate(file, kpi.Code);
                var cell = sheet.CellAt(row, actualColumn);
                var expected = kpi.ActualFor(period);
                if (expected is null) { Assert.Null(cell); continue; }
                Assert.NotNull(cell);
                Assert.Equal(expected, Decode(cell, kpi));
            }
        }
    }

    private static SampleActual Decode(WrittenCell cell, SampleKpi kpi) => cell.Value switch
    {
        double d when cell.IsPercent => SampleActual.Of((decimal)d * 100m),
        double d => SampleActual.Of((decimal)d),
        DateTime dt => new SampleActual(Date: DateOnly.FromDateTime(dt)),
        "SI" => SampleActual.YesNo(true),
        "NO" => SampleActual.YesNo(false),
        string s when DateOnly.TryParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => new SampleActual(Date: date),
        string s when kpi.Kind != SampleKpiKind.Deadline && decimal.TryParse(s.TrimEnd('%').Replace(".", "", StringComparison.Ordinal).Replace(',', '.'),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => SampleActual.Of(n),
        string s => SampleActual.Status(s),
        _ => throw new InvalidOperationException(),
    };

    internal static (RenderedSheet Sheet, int Row) Locate(WorkbookFile file, string kpiCode)
    {
        foreach (var sheet in file.Sheets)
            if (sheet.KpiRows.FirstOrDefault(k => k.KpiCode == kpiCode) is { } row) return (sheet, row.Row);
        throw new InvalidOperationException($"{kpiCode} not in {file.FileName}");
    }
}
