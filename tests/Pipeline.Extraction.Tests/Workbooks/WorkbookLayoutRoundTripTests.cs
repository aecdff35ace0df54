using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Samples;
using Pipeline.Samples.Workbooks;

namespace Pipeline.Extraction.Tests.Workbooks;

/// <summary>
/// The sample plan and a small deep plan written in each common layout read back with every objective, KPI, weight,
/// target and actual they were written from, each value with its sheet!cell, and no row left unplaced.
/// </summary>
public sealed class WorkbookLayoutRoundTripTests
{
    public static TheoryData<string> Layouts() => new(WorkbookLayouts.All.Select(l => l.Name));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Sample_plan_reads_back_in_every_layout(string layout)
    {
        var content = SamplePlanDocument.From(SampleRegion.Molise());
        var read = RoundTrip(content, layout);

        AssertSameContent(content, read, layout);
        if (layout == "long-export") return; // a bare export prints no title: chamber and years are not in it
        Assert.Equal("Molise", read.Document.Chamber);
        Assert.Equal((2021, 2023), (read.Document.PeriodFrom, read.Document.PeriodTo));
        Assert.Equal("monitoraggio", read.Document.DocType);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Deep_plan_with_every_kind_of_target_reads_back_in_every_layout(string layout)
    {
        var content = DeepPlan.Document();
        var read = RoundTrip(content, layout);

        AssertSameContent(content, read, layout);
        // the KPI named exactly like its objective is kept, and so is the objective
        Assert.Contains(read.Kpis, k => k.Name == DeepPlan.SameNameAsObjective);
        Assert.Contains(read.Objectives, o => o.Title == DeepPlan.SameNameAsObjective);
    }

    [Fact]
    public void Section_rows_keep_the_objective_tree()
    {
        var content = DeepPlan.Document();
        var read = RoundTrip(content, "section-rows");

        string? ParentCode(IReadOnlyList<ExtractedObjective> all, ExtractedObjective o) => all.FirstOrDefault(p => p.Id == o.Parent)?.Code;
        var expected = content.Objectives.Select(o => (o.Code, o.Level, ParentCode(content.Objectives, o))).ToList();
        var actual = read.Objectives.Select(o => (o.Code, o.Level, ParentCode(read.Objectives, o))).ToList();
        Assert.Equal(expected.OrderBy(e => e.Code), actual.OrderBy(a => a.Code));
    }

    [Fact]
    public void Layouts_write_the_same_bytes_every_time()
    {
        var content = DeepPlan.Document();
        foreach (var layout in WorkbookLayouts.All)
            Assert.Equal(WorkbookLayouts.Write(content, layout).Bytes, WorkbookLayouts.Write(content, layout).Bytes);
    }

    [Fact]
    public void The_typed_table_layout_is_an_excel_table_with_years_formatted_as_numbers()
    {
        var file = WorkbookLayouts.Write(DeepPlan.Document(), WorkbookLayouts.Named("typed-table"));
        var workbook = new NPOI.XSSF.UserModel.XSSFWorkbook(new MemoryStream(file.Bytes));
        var sheet = (NPOI.XSSF.UserModel.XSSFSheet)workbook.GetSheet("Indicatori");
        var table = Assert.Single(sheet.GetTables());
        Assert.Equal(("Indicatori", "A1:J10"), (table.Name, table.GetCTTable().@ref));
        var year = sheet.GetRow(1).GetCell(5);
        Assert.Equal((2021d, "#,##0"), (year.NumericCellValue, year.CellStyle.GetDataFormatString()));
    }

    private static ExtractedDocument RoundTrip(ExtractedDocument content, string layout)
    {
        var file = WorkbookLayouts.Write(content, WorkbookLayouts.Named(layout));
        return new WorkbookExtractor().Extract(new InputFile(file.FileName, file.Bytes));
    }

    private static void AssertSameContent(ExtractedDocument written, ExtractedDocument read, string layout)
    {
        Assert.Empty(read.Warnings);
        Assert.Equal(written.Kpis.Count, read.Kpis.Count);
        var writtenObjectives = written.Objectives.ToDictionary(o => o.Id);
        var readObjectives = read.Objectives.ToDictionary(o => o.Id);
        for (var i = 0; i < written.Kpis.Count; i++)
        {
            var (w, r) = (written.Kpis[i], read.Kpis[i]);
            var where = $"{layout}: KPI '{w.Name}'";
            Assert.Equal(w.Name, r.Name);
            Assert.Equal(w.Weight, r.Weight);
            if (layout != "long-export") Assert.Equal(w.Unit, r.Unit);
            if (layout is "wide-two-level" or "section-rows" or "legacy-xls") Assert.Equal(w.Algorithm, r.Algorithm);
            var (wo, ro) = (writtenObjectives[w.Objective!], readObjectives[r.Objective!]);
            Assert.True((wo.Code, wo.Title) == (ro.Code, ro.Title), $"{where}: objective {ro.Code} '{ro.Title}', expected {wo.Code} '{wo.Title}'");
            Assert.Equal(w.Targets.Select(TargetKey).Order(), r.Targets.Select(TargetKey).Order());
            Assert.Equal(w.Actuals.Select(ActualKey).Order(), r.Actuals.Select(ActualKey).Order());
            Assert.All(r.Targets, t => Assert.NotNull(t.Source?.Cell));
            Assert.All(r.Actuals, a => Assert.NotNull(a.Source?.Cell));
            Assert.NotNull(r.Source?.Cell);
        }
        // every objective holding a KPI is read, with its code and title
        var holding = written.Kpis.Select(k => writtenObjectives[k.Objective!]).Distinct();
        Assert.All(holding, o => Assert.Contains(read.Objectives, x => x.Code == o.Code && x.Title == o.Title));
    }

    private static string TargetKey(ExtractedTarget t) => t.Value.Operator switch
    {
        TargetOperator.Date => $"{t.Period} date {t.Value.Date:yyyy-MM-dd}",
        TargetOperator.Bool => $"{t.Period} bool {t.Value.Flag}",
        TargetOperator.Text => $"{t.Period} text {t.Value.Raw}",
        _ => $"{t.Period} {t.Value.Operator.ToSymbol()} {t.Value.Number:0.####}",
    };

    private static string ActualKey(ExtractedActual a) => $"{a.Period} {a.Value:0.####} {a.Date:yyyy-MM-dd} {a.Flag} {(a.Value is null && a.Date is null && a.Flag is null ? a.Raw : "")}";
}
