using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>Asserts that ExcelDataReader reads back exactly what the generator says it wrote.</summary>
public static class ReadBack
{
    public static IReadOnlyList<SheetRead> AssertExact(WorkbookFile file, string? password = null)
    {
        var read = ExcelRead.All(file.Bytes, password);
        Assert.Equal(file.Sheets.Select(s => s.Name), read.Select(s => s.Name));
        for (var i = 0; i < read.Count; i++) AssertSheet(file.Sheets[i], read[i]);
        return read;
    }

    public static void AssertSheet(RenderedSheet written, SheetRead read)
    {
        foreach (var cell in written.Cells)
        {
            var where = $"{written.Name}!{cell.Reference}";
            var value = read.Value(cell.Row, cell.Column);
            Assert.True(value is not null, $"{where}: written {cell.Value} but read nothing");
            switch (cell.Value)
            {
                case string s: Assert.Equal(s, Assert.IsType<string>(value)); break;
                case double d: Assert.Equal(d, Assert.IsType<double>(value)); break;
                case DateTime dt: Assert.Equal(dt, Assert.IsType<DateTime>(value)); break;
                default: Assert.Fail($"{where}: unexpected written type {cell.Value.GetType()}"); break;
            }
            Assert.True(cell.NumberFormat == read.Format(cell.Row, cell.Column),
                $"{where}: written format '{cell.NumberFormat}', read '{read.Format(cell.Row, cell.Column)}'");
        }

        var writtenAt = written.Cells.Select(c => (c.Row, c.Column)).ToHashSet();
        for (var r = 0; r < read.Rows.Count; r++)
            for (var c = 0; c < read.Rows[r].Length; c++)
                if (read.Rows[r][c] is { } extra && !writtenAt.Contains((r, c)))
                    Assert.Fail($"{written.Name}!{CellRange.A1(r, c)}: read '{extra}' where nothing was written");

        Assert.Equal(written.Merges.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn),
                     read.Merges.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn));
    }
}
