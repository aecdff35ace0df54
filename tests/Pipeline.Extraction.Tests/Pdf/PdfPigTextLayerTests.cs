using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.TextLayer;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>The PdfPig text layer on PDFs of our own generator: words, boxes, rotation, rules, ligatures.</summary>
public sealed class PdfPigTextLayerTests : IDisposable
{
    private readonly PdfScratch _files = new("pipeline-textlayer-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    [Fact]
    public void Words_come_in_reading_order_with_boxes_from_the_top_left_corner()
    {
        var text = new PdfPigTextLayer().Read(Write("valid.pdf", BadPdfs.Valid()));

        var page = Assert.Single(text.Pages);
        Assert.Equal((595.28, 841.89), (page.Width, page.Height));
        Assert.Equal("Camera di Commercio del Molise Indicatore Target 2021 Consuntivo 2021 Visure rilasciate >= 400 410",
            string.Join(' ', page.Words.Select(w => w.Text)));
        // 14 pt Liberation Sans (Helvetica's widths) set 60 pt from the top, baseline at 74: the box spans the font's
        // full height, ascent 0.905 em to descent 0.212 em (as Arial's), not just down to the baseline
        var camera = page.Words[0];
        Assert.Equal(56, camera.X0, 2);
        Assert.Equal(105.793, camera.X1, 2);
        Assert.Equal(74 - 0.90527 * 14, camera.Y0, 2);
        Assert.Equal(74 + 0.21191 * 14, camera.Y1, 2);
        Assert.Empty(text.Warnings);
        Assert.Empty(page.Rules);
    }

    [Fact]
    public void A_page_turned_by_Rotate_90_reads_as_landscape_left_to_right()
    {
        var page = Assert.Single(new PdfPigTextLayer().Read(Write("rotated.pdf", TextLayerPdfs.RotatedLandscape())).Pages);

        Assert.True(page.IsLandscape);
        Assert.Equal((841.89, 595.28), (page.Width, page.Height));
        Assert.Equal("Camera di Commercio del Molise Indicatore Target", string.Join(' ', page.Words.Select(w => w.Text)));
        var camera = page.Words[0];
        Assert.Equal(56, camera.X0, 2);
        Assert.Equal(62.606, camera.Y0, 2); // baseline 595.28 - 520 = 75.28, less the ascent 0.905 em of 14 pt
        Assert.True(camera.X1 - camera.X0 > camera.Y1 - camera.Y0, "the word runs across the page, not down it");
        // the rule under "Indicatore Target" is horizontal on the turned page, below the line's words
        var rule = Assert.Single(page.Rules);
        Assert.True(rule.IsHorizontal);
        Assert.Equal((50, 700), (rule.X0, rule.X1));
        Assert.True(rule.Y0 > page.Words.Single(w => w.Text == "Target").Y1);
    }

    [Fact]
    public void A_landscape_media_box_reads_as_landscape()
    {
        var pdf = new TextDocumentRenderer(new PdfStyle { Landscape = true }).Render([new ParagraphBlock("Relazione sulla performance 2021")]);

        var page = Assert.Single(new PdfPigTextLayer().Read(Write("landscape.pdf", pdf)).Pages);

        Assert.True(page.IsLandscape);
        Assert.All(page.Words, w => Assert.InRange(w.X1, 0, page.Width));
        Assert.Equal("Relazione", page.Words[0].Text);
        Assert.Equal(50, page.Words[0].X0, 1);
    }

    private static readonly TableBlock Table = new(
    [
        ["Indicatore", "Target 2021", "Consuntivo 2021"],
        ["Visure rilasciate", ">= 400", "410"],
        ["Pratiche evase entro 5 giorni", "90%", "93%"],
    ]);

    [Fact]
    public void A_bordered_table_gives_its_rules_and_a_borderless_one_none()
    {
        var bordered = new PdfPigTextLayer().Read(Write("bordered.pdf", new TextDocumentRenderer(new PdfStyle { Borders = true }).Render([Table]))).Pages[0];
        var borderless = new PdfPigTextLayer().Read(Write("borderless.pdf", new TextDocumentRenderer(new PdfStyle { Borders = false }).Render([Table]))).Pages[0];

        Assert.Empty(borderless.Rules);
        Assert.NotEmpty(bordered.Rules);
        Assert.All(bordered.Rules, r => Assert.True(r.X0 == r.X1 || r.Y0 == r.Y1, $"{r} is neither horizontal nor vertical"));
        // each cell is a stroked rectangle: four edges a cell, the table's left edge at the 50 pt margin
        Assert.Equal(3 * 3 * 4, bordered.Rules.Count);
        Assert.Equal(3 * 3 * 2, bordered.Rules.Count(r => r.IsVertical));
        Assert.Contains(bordered.Rules, r => r.IsVertical && Math.Abs(r.X0 - 50) < 0.01);
        // every word of the table lies between the table's top and bottom rules
        var top = bordered.Rules.Where(r => r.IsHorizontal).Min(r => r.Y0);
        var bottom = bordered.Rules.Where(r => r.IsHorizontal).Max(r => r.Y0);
        Assert.All(bordered.Words, w => Assert.InRange(w.CenterY, top, bottom));
        Assert.Equal(bordered.Words.Select(w => w.Text), borderless.Words.Select(w => w.Text));
    }

    [Fact]
    public void A_ligature_glyph_is_read_as_its_letters()
    {
        var page = Assert.Single(new PdfPigTextLayer().Read(Write("ligature.pdf", TextLayerPdfs.Ligature())).Pages);

        Assert.Equal(["Responsabile", "dell'ufficio"], page.Words.Select(w => w.Text));
    }

    [Theory]
    [InlineData("e\uFB00etto", "effetto")]
    [InlineData("\uFB01ne \uFB02usso", "fine flusso")]
    [InlineData("e\uFB03cace", "efficace")]
    [InlineData("\uFB04", "ffl")]
    [InlineData("co\uFB05 po\uFB06", "cost post")]
    [InlineData("nessuna legatura", "nessuna legatura")]
    public void Ligatures_expand_to_their_letters(string text, string expected) => Assert.Equal(expected, Ligatures.Expand(text));
}
