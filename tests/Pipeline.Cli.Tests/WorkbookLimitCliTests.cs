using Pipeline.Samples;

namespace Pipeline.Cli.Tests;

/// <summary>
/// `pipeline extract` on hostile workbooks under a 512 MB heap ceiling: a cell at XFD1048576 no longer sizes a dense
/// grid (the issue saw 23.8 GB and a kill); one line and exit 1 where the workbook has no table, too many cells or a
/// shared-string table past its caps (before this cap, the one 256 MB string ended in an OutOfMemoryException).
/// </summary>
public sealed class WorkbookLimitCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public WorkbookLimitCliTests() => _cli.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";

    public void Dispose() => _cli.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _cli.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task A_workbook_whose_only_cell_is_XFD1048576_ends_with_one_line_and_exit_1()
    {
        var result = await _cli.RunAsync("extract", Write("far-cell.xlsx", BadFiles.FarCellXlsx()));

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Contains("far-cell.xlsx: no KPI table found", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_table_with_a_stray_cell_at_XFD1048576_extracts_its_20_KPIs()
    {
        var result = await _cli.RunAsync("extract", Write("stray-cell.xlsx", BadFiles.StrayCellXlsx()));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("20 KPIs, 0 warnings", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sheet_over_the_cell_limit_ends_with_one_line_naming_the_limit_and_exit_1()
    {
        var result = await _cli.RunAsync("extract", Write("over-cap.xlsx", BadFiles.OverCapXlsx()));

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Contains("over-cap.xlsx: sheet 'Dati' has more than 500.000 cells (the limit per sheet)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one-string-of-256-mb", "the shared strings hold more than 33.554.432 characters (the limit per workbook); not read")]
    [InlineData("two-million-strings", "the shared-string table has more than 1.000.000 strings (the limit per workbook); not read")]
    public async Task A_huge_shared_string_table_ends_with_one_line_naming_the_limit_and_exit_1(string bomb, string reason)
    {
        var file = Pipeline.Samples.Hostile.HostileCorpus.Files().Single(f => f.Kind == Pipeline.Samples.Hostile.HostileKinds.HugeSharedStrings && f.Path.Contains(bomb));
        var path = Assert.Single(Pipeline.Samples.Hostile.HostileCorpus.Write(_cli.PathOf("bombs"), [file]));

        var result = await _cli.RunAsync("extract", path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.EndsWith($"{Path.GetFileName(path)}: {reason}", line, StringComparison.Ordinal);
    }
}
