using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Tests.Pdf;

public sealed class PopplerTextLayerTests
{
    // The shape pdftotext -bbox-layout writes: DOCTYPE, flows, blocks, lines, consecutive words.
    private const string Xhtml = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>x</title></head>
        <body>
        <doc>
          <page width="594.96" height="841.92">
            <flow><block xMin="45.7" yMin="568.0" xMax="284.8" yMax="580.8"><line xMin="45.7" yMin="568.0" xMax="284.8" yMax="580.8">
              <word xMin="45.7" yMin="568.0" xMax="65.2" yMax="580.8">2.1</word>
              <word xMin="69.0" yMin="568.0" xMax="74.5" yMax="580.8">–</word>
              <word xMin="78.4" yMin="568.0" xMax="86.2" yMax="580.8">Il</word>
              <word xMin="90.1" yMin="568.0" xMax="144.0" yMax="580.8">contesto</word>
            </line></block></flow>
            <flow><block xMin="300" yMin="568.5" xMax="340" yMax="580.5"><line xMin="300" yMin="568.5" xMax="340" yMax="580.5">
              <word xMin="300" yMin="568.5" xMax="340" yMax="580.5">&gt;=&#160;13,00&amp;%</word>
            </line></block></flow>
          </page>
          <page width="841.92" height="594.96">
          </page>
        </doc>
        </body>
        </html>
        """;

    [Fact]
    public void Parses_every_word_with_its_box_page_by_page()
    {
        var pages = PopplerTextLayer.Parse(new StringReader(Xhtml), CancellationToken.None);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["2.1", "–", "Il", "contesto", ">=\u00a013,00&%"], pages[0].Words.Select(w => w.Text));
        Assert.Equal(new PdfWord("contesto", 90.1, 568.0, 144.0, 580.8), pages[0].Words[3]);
        Assert.Empty(pages[1].Words);
        Assert.True(pages[1].IsLandscape);
    }

    [Fact]
    public void Words_of_separate_blocks_on_one_row_form_one_line_cut_into_cells_at_wide_gaps()
    {
        var page = PopplerTextLayer.Parse(new StringReader(Xhtml), CancellationToken.None)[0];
        var line = Assert.Single(LineBuilder.Build(page));
        Assert.Equal("2.1 – Il contesto >=\u00a013,00&%", line.Text);
        Assert.Equal(["2.1 – Il contesto", ">=\u00a013,00&%"], line.Segments().Select(s => s.Text));
    }
}

public sealed class TableColumnsTests
{
    private static PdfWord W(string text, double x0, double x1) => new(text, x0, 100, x1, 110);

    [Fact]
    public void Words_closer_than_a_word_gap_still_go_to_their_own_columns()
    {
        // Foggia relazione: "Target" at 350, "Consuntivo" at 410, "Scostamento" at 475; a value row.
        var columns = new TableColumns([49, 147, 350, 410, 475]);
        var line = new LayoutLine(10, [W("Livello", 49, 80), W("di", 82, 90), W("N.", 147, 160), W(">=", 350, 360), W("5,00", 362, 380), W("N.", 382, 390), W("24,00", 410, 430), W("N.", 432, 440), W("+19,00", 475, 500)]);
        Assert.Equal(["Livello di", "N.", ">= 5,00 N.", "24,00 N.", "+19,00"], columns.Split(line).Select(c => c.Text));
    }

    [Fact]
    public void Empty_columns_are_kept_in_place()
    {
        var columns = new TableColumns([0, 100, 200]);
        var cells = columns.Split(new LayoutLine(1, [W("a", 0, 10), W("c", 205, 215)]));
        Assert.Equal(["a", "", "c"], cells.Select(c => c.Text));
        Assert.True(cells[1].IsEmpty);
    }
}
