using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Tests.Pdf.Kit;

/// <summary>A row's cells by column: blocks one above the other in one column, in reading order.</summary>
public sealed class LayoutRowTests
{
    private static CellBlock Block(double x0, double y0, params string[] lines)
    {
        CellBlock? block = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var x = x0;
            var words = lines[i].Split(' ').Select(t =>
            {
                var w = new PdfWord(t, x, y0 + 12 * i, x + 5 * t.Length, y0 + 12 * i + 10);
                x += 5 * t.Length + 3;
                return w;
            }).ToList();
            var fragment = new CellFragment(words);
            if (block is null) block = new CellBlock(fragment);
            else block.Add(fragment);
        }
        return block!;
    }

    [Fact]
    public void Blocks_one_above_the_other_are_one_column_top_to_bottom()
    {
        // a group cell centred beside a label, and a value the kit cut in two (a rule or a wide blank inside it)
        var value2 = Block(200, 124, "Target 2023: >=90%");
        var value1 = Block(200, 100, "Target 2021: >=90%", "Target 2022: >=90%");
        var label = Block(100, 100, "RISULTATI ATTESI");
        var group = Block(20, 112, "INDICATORE");
        var row = new LayoutRow(1, [value2, label, group, value1]);

        var columns = row.ColumnCells.Select(c => string.Join(" / ", c.Select(LayoutRow.CellText))).ToList();

        Assert.Equal(["INDICATORE", "RISULTATI ATTESI", "Target 2021: >=90% Target 2022: >=90% / Target 2023: >=90%"], columns);
        Assert.Equal(["Target", "2021:", ">=90%", "Target", "2022:", ">=90%"], value1.Words.Select(w => w.Text));
    }

    [Fact]
    public void Blocks_side_by_side_are_never_one_column()
    {
        var row = new LayoutRow(1, [Block(20, 100, "Indicatore di prova"), Block(90, 100, "Peso")]);
        Assert.Equal(2, row.ColumnCells.Count);
    }
}
