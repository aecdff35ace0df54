using System.Diagnostics;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Samples;
using Xunit.Abstractions;

namespace Pipeline.Extraction.Tests.Workbooks;

/// <summary>
/// Workbooks are read within the cells actually present, never a grid of the declared dimension: a stray cell at
/// XFD1048576 costs one entry; a sheet with more cells than the limit is refused with one line.
/// </summary>
public sealed class WorkbookLimitTests(ITestOutputHelper output)
{
    private const long MemoryBudget = 200L * 1024 * 1024;

    private static ExtractedDocument Extract(string name, byte[] bytes) => new WorkbookExtractor().Extract(new InputFile(name, bytes));

    [Fact]
    public void The_cell_limit_is_the_one_the_bad_files_are_built_against() =>
        Assert.Equal(SheetGrid.DefaultMaxCells, BadFiles.MaxCellsPerSheet);

    [Fact]
    public void A_workbook_whose_only_cell_is_XFD1048576_reads_as_one_cell_in_bounded_memory_and_time()
    {
        var bytes = BadFiles.FarCellXlsx();
        Assert.True(bytes.Length < 20_000, $"{bytes.Length} bytes");

        var (ex, allocated, elapsed) = Measure(() => Assert.Throws<ExtractionException>(() => Extract("far-cell.xlsx", bytes)));
        output.WriteLine($"{ex.Message} (allocated {allocated / 1024 / 1024} MB in {elapsed.TotalMilliseconds:0} ms)");

        // Decided: the sheet is read (one cell, sparse) like any other; a workbook with one number and no table is
        // refused by the ordinary rule, in one line. Not a memory problem any more.
        Assert.StartsWith("far-cell.xlsx: no KPI table found:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.True(allocated < MemoryBudget, $"allocated {allocated / 1024 / 1024} MB");
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");
    }

    [Fact]
    public void The_grid_of_a_far_cell_holds_that_cell_with_the_bounds_of_real_cells()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(BadFiles.FarCellXlsx());
        var index = Assert.Single(XlsxCellIndex.Scan(stream, SheetGrid.DefaultMaxCells)!).Value;
        Assert.Equal([BadFiles.LastColumn], index[BadFiles.LastRow]);
        Assert.Single(index);

        stream.Position = 0;
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        var grid = SheetGrid.Read(reader, SheetGrid.DefaultMaxCells, index);
        Assert.Equal(1, grid.CellCount);
        Assert.Equal((BadFiles.LastRow + 1, BadFiles.LastColumn + 1), (grid.Height, grid.Width));
        Assert.Equal(1d, grid[BadFiles.LastRow, BadFiles.LastColumn].Value);
        Assert.Equal("XFD1048576", SheetGrid.CellName(BadFiles.LastRow, BadFiles.LastColumn));
        Assert.True(grid.IsBlankRow(0));
    }

    [Fact]
    public void A_sample_table_with_a_stray_cell_at_XFD1048576_still_reads_its_table()
    {
        var clean = Extract("monitoraggio.xlsx", SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes);
        var (stray, allocated, elapsed) = Measure(() => Extract("monitoraggio.xlsx", BadFiles.StrayCellXlsx()));
        output.WriteLine($"allocated {allocated / 1024 / 1024} MB in {elapsed.TotalMilliseconds:0} ms; warnings: {string.Join(" / ", stray.Warnings)}");

        Assert.NotEmpty(clean.Kpis);
        Assert.Equal(Summary(clean), Summary(stray));
        Assert.Equal(clean.Objectives.Select(o => (o.Code, o.Title)), stray.Objectives.Select(o => (o.Code, o.Title)));
        Assert.True(allocated < MemoryBudget, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void A_legacy_xls_with_a_stray_cell_at_its_last_cell_still_reads_its_table()
    {
        var clean = Extract("consuntivo.xls", SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.YearLayout()).Bytes);
        var (stray, allocated, elapsed) = Measure(() => Extract("consuntivo.xls", BadFiles.StrayCellXls()));
        output.WriteLine($"allocated {allocated / 1024 / 1024} MB in {elapsed.TotalMilliseconds:0} ms; warnings: {string.Join(" / ", stray.Warnings)}");

        Assert.NotEmpty(clean.Kpis);
        Assert.Equal(Summary(clean), Summary(stray));
        Assert.True(allocated < MemoryBudget, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void A_sheet_over_the_cell_limit_is_refused_with_one_line_naming_file_sheet_and_limit()
    {
        var bytes = BadFiles.OverCapXlsx();
        var (ex, allocated, _) = Measure(() => Assert.Throws<ExtractionException>(() => Extract("troppe-celle.xlsx", bytes)));
        output.WriteLine($"{ex.Message} (allocated {allocated / 1024 / 1024} MB)");

        Assert.Equal("troppe-celle.xlsx: sheet 'Dati' has more than 500.000 cells (the limit per sheet); not read", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.True(allocated < MemoryBudget, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void The_limit_is_a_setting_of_the_extractor_and_counts_the_cells_present()
    {
        var bytes = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes;
        var ex = Assert.Throws<ExtractionException>(() => new WorkbookExtractor(maxCellsPerSheet: 10).Extract(new InputFile("m.xlsx", bytes)));
        Assert.Contains("more than 10 cells", ex.Message, StringComparison.Ordinal);
        // The far cell is one cell, whatever its address.
        var far = Assert.Throws<ExtractionException>(() => new WorkbookExtractor(maxCellsPerSheet: 1).Extract(new InputFile("far.xlsx", BadFiles.FarCellXlsx())));
        Assert.Contains("no KPI table found", far.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Summary(ExtractedDocument doc) => doc.Kpis.Select(k =>
        $"{k.Name}|{string.Join(",", k.Targets.Select(t => $"{t.Period}:{t.Value.Operator}:{t.Value.Number}@{t.Source}"))}|{string.Join(",", k.Actuals.Select(a => $"{a.Period}:{a.Value}:{a.Raw}@{a.Source}"))}");

    private static (T Result, long Allocated, TimeSpan Elapsed) Measure<T>(Func<T> action)
    {
        // This thread's allocations: the workbook reader runs on the caller's thread, and tests of other classes run
        // beside this one (a process-wide count would include theirs).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = action();
        clock.Stop();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
    }
}
