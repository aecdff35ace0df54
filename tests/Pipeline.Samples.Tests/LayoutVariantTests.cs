using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>Render() with other layouts: every combination of options still reads back cell for cell.</summary>
public class LayoutVariantTests
{
    private static readonly SamplePlan Plan = SampleRegion.Molise();

    public static TheoryData<string> Variants => new(VariantLayouts().Keys);

    private static Dictionary<string, WorkbookLayout> VariantLayouts()
    {
        var half = SampleGenerator.FirstHalfLayout();
        var year = SampleGenerator.YearLayout();
        return new()
        {
            ["xlsx inline strings"] = half with { FileName = "v/inline.xlsx", Strings = XlsxStrings.Inline },
            ["xlsx as the annual layout"] = year with { FileName = "v/year.xlsx", Format = WorkbookFormat.Xlsx },
            ["xls as the half-year layout"] = half with { FileName = "v/half.xls", Format = WorkbookFormat.Xls },
            ["xlsx all text, first row only"] = half with
            {
                FileName = "v/text.xlsx", Values = ValueCells.ItalianText, Weights = WeightCells.Text, ObjectiveCells = ObjectiveCells.FirstRowOnly,
            },
            ["xls all numeric, repeated objectives, header on row 30"] = year with
            {
                FileName = "v/numeric.xls", Values = ValueCells.Numeric, Targets = TargetCells.Numeric, PercentCells = false,
                ObjectiveCells = ObjectiveCells.EveryRow, HeaderRow = 29, Weights = WeightCells.PercentFormat,
            },
            ["xlsx without titles, header on row 1"] = half with
            {
                FileName = "v/bare.xlsx", TitleLines = [], HeaderRow = 0, InstructionsSheetName = null, LegendLines = [], Dates = DateCells.DateFormat,
            },
            ["xls part of the plan, per strategic objective"] = year with
            {
                FileName = "v/part.xls", Sheets = SheetSplit.PerStrategicObjective, OmitObjectives = new HashSet<string> { "OO.2.1", "OO.2.2" },
            },
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_reads_back_cell_for_cell(string variant)
    {
        var layout = VariantLayouts()[variant];
        var file = SampleGenerator.Render(Plan, layout);
        Assert.Equal(layout.Format, file.Format);
        var read = ReadBack.AssertExact(file);
        foreach (var (written, sheet) in file.Sheets.Zip(read))
        {
            if (written.HeaderRow is not { } header) continue;
            Assert.Equal(layout.Columns.Select(c => c.Header), sheet.Rows[header].Take(layout.Columns.Count).Select(v => (string?)v));
        }
    }

    [Fact]
    public void Inline_and_shared_strings_give_different_bytes_and_the_same_cells()
    {
        var half = SampleGenerator.FirstHalfLayout();
        var shared = SampleGenerator.Render(Plan, half);
        var inline = SampleGenerator.Render(Plan, half with { Strings = XlsxStrings.Inline });
        Assert.NotEqual(shared.Bytes, inline.Bytes);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(inline.Bytes));
        Assert.Null(zip.GetEntry("xl/sharedStrings.xml"));
        Assert.Equal(ExcelRead.All(shared.Bytes).Select(s => s.Rows.SelectMany(r => r)), ExcelRead.All(inline.Bytes).Select(s => s.Rows.SelectMany(r => r)));
    }

    [Fact]
    public void First_row_only_leaves_objective_cells_empty_below_and_merges_nothing_but_titles()
    {
        var file = SampleGenerator.Render(Plan, VariantLayouts()["xlsx all text, first row only"]);
        var sheet = ExcelRead.All(file.Bytes)[1];
        Assert.All(sheet.Merges, m => Assert.Equal(m.FromRow, m.ToRow));
        Assert.Equal("OO.1.1", sheet.Value(7, 0));
        Assert.Null(sheet.Value(8, 0));
        Assert.Equal("40%", sheet.Value(7, 4));
    }

    [Fact]
    public void Every_row_repeats_objective_cells()
    {
        var file = SampleGenerator.Render(Plan, VariantLayouts()["xls all numeric, repeated objectives, header on row 30"]);
        var sheet = ExcelRead.All(file.Bytes)[0];
        var codes = file.Sheets[0].KpiRows.Select(k => (string?)sheet.Value(k.Row, 1)).ToList();
        Assert.Equal(Plan.Kpis.Select(k => k.ObjectiveCode), codes);
        Assert.All(sheet.Merges, m => Assert.Equal(m.FromRow, m.ToRow));
    }

    [Fact]
    public void Omitted_objectives_leave_out_their_sheet_and_kpis()
    {
        var file = SampleGenerator.Render(Plan, VariantLayouts()["xls part of the plan, per strategic objective"]);
        Assert.Equal(["AS1 Digitale e semplificazione", "AS3 Regolazione del mercato", "AS4 Efficienza interna", "Note metodologiche"], file.Sheets.Select(s => s.Name));
        Assert.DoesNotContain(file.Sheets.SelectMany(s => s.KpiRows), k => k.KpiCode.StartsWith("IND.2.", StringComparison.Ordinal));
        Assert.Equal(15, file.Sheets.Sum(s => s.KpiRows.Count));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(4)]
    public void A_header_row_beyond_the_search_rows_or_over_the_titles_is_refused(int headerRow)
    {
        var layout = SampleGenerator.FirstHalfLayout() with { HeaderRow = headerRow };
        Assert.Throws<ArgumentException>(() => SampleGenerator.Render(Plan, layout));
    }

    [Fact]
    public void A_layout_without_a_kpi_column_is_refused()
    {
        var half = SampleGenerator.FirstHalfLayout();
        var layout = half with { Columns = half.Columns.Where(c => c.Content != SampleColumn.Kpi).ToList() };
        Assert.Throws<ArgumentException>(() => SampleGenerator.Render(Plan, layout));
    }
}
