using Pipeline.Extraction.Pdf.Layout;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.Kit;

/// <summary>
/// The kit's rows of cells and lines on one table printed in many styles: a wrapped cell's lines stay together and
/// apart from its neighbours whatever their vertical alignment, borders, leading and font.
/// </summary>
public sealed class CellFirstLinesTests
{
    private const string LongName = "Grado di soddisfazione delle imprese partecipanti alle iniziative di formazione sulla transizione digitale";
    private const string LongAlgorithm = "Numero di imprese soddisfatte / numero di imprese partecipanti";

    private static readonly string[][] Table =
    [
        ["Indicatore", "Algoritmo", "Peso", "Target 2021"],
        [LongName, LongAlgorithm, "40%", ">= 80%"],
        ["Pratiche evase", "Pratiche evase entro 5 giorni / pratiche ricevute", "30%", ">= 90%"],
        ["Eventi realizzati", "Numero di eventi", "30%", "Almeno 12"],
    ];

    private static IReadOnlyList<DocumentBlock> Document() =>
    [
        new HeadingBlock("Obiettivo operativo 1.1.1 - Favorire la digitalizzazione delle imprese", 2),
        new TableBlock(Table),
    ];

    [Theory]
    [MemberData(nameof(SyntheticPdf.Styles), MemberType = typeof(SyntheticPdf))]
    public void Every_cell_of_the_table_is_one_cell_of_one_row(string style)
    {
        var layout = SyntheticPdf.Layout(Document(), SyntheticPdf.Style(style));
        var rows = layout.Rows.Where(r => r.Cells.Count >= 3).ToList();
        var texts = rows.Select(r => r.Cells.Select(LayoutRow.CellText).ToList()).ToList();
        Assert.Equal(Table.Length, texts.Count);
        for (var r = 0; r < Table.Length; r++) Assert.Equal(Table[r], texts[r]);
    }

    [Theory]
    [MemberData(nameof(SyntheticPdf.Styles), MemberType = typeof(SyntheticPdf))]
    public void A_row_prints_as_a_top_aligned_table_would(string style)
    {
        var layout = SyntheticPdf.Layout(Document(), SyntheticPdf.Style(style));
        var lines = layout.Lines.ToList();
        var first = lines.FindIndex(l => l.Text.StartsWith("Grado di", StringComparison.Ordinal));
        Assert.True(first >= 0, string.Join("\n", lines.Select(l => l.Text)));
        // the row's first line holds every one-line cell; the wrapped name's words follow in order on the next lines
        Assert.Contains("40%", lines[first].Text);
        Assert.Contains(">= 80%", lines[first].Text);
        var algorithmX = lines[first].Words.First(w => w.Text == "Numero").X0;
        var name = lines.Skip(first).Take(8).SelectMany(l => l.Words).Where(w => w.X1 < algorithmX).Select(w => w.Text);
        Assert.Equal(LongName.Split(' '), name.Take(LongName.Split(' ').Length));
    }

    [Fact]
    public void Running_headers_and_page_numbers_are_not_rows()
    {
        var blocks = new List<DocumentBlock>();
        for (var i = 0; i < 10; i++)
        {
            blocks.Add(new HeadingBlock($"Obiettivo strategico {i + 1} - Titolo", 2));
            blocks.AddRange(Enumerable.Range(0, 14).Select(p => new ParagraphBlock($"Paragrafo {p} del capitolo {i}: testo descrittivo dell'obiettivo e delle sue azioni.")));
        }
        var layout = SyntheticPdf.Layout(blocks, SyntheticPdf.Style("middle-header-footer"));
        Assert.True(layout.Text.Pages.Count >= 3);
        Assert.DoesNotContain(layout.Rows, r => r.Text.Contains("Camera di Commercio - Piano", StringComparison.Ordinal) || r.Text.StartsWith("Pagina", StringComparison.Ordinal));
    }
}
