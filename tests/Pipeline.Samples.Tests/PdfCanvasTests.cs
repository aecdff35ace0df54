using Pipeline.Samples.Pdf;
using UglyToad.PdfPig;

namespace Pipeline.Samples.Tests;

/// <summary>The sample PDFs' writer (PdfPig's document builder, Liberation fonts): Italian text round-trips, bytes are stable.</summary>
public class PdfCanvasTests
{
    private static string ReadBack(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));
    }

    [Theory]
    [InlineData("Helvetica")]
    [InlineData("Times-Roman")]
    [InlineData("Courier")]
    public void Accented_letters_euro_dashes_and_comparison_signs_are_written_as_themselves(string font)
    {
        const string text = "Unità città è perché così può più 1.250 € – l’ufficio ≥ 80% ≤ 5 gg 20 °C";
        using var canvas = new PdfCanvas(font);
        canvas.Text(canvas.AddPage(), 50, 100, text, 10);

        Assert.Equal(text, ReadBack(canvas.Build()));
    }

    [Fact]
    public void A_character_the_font_lacks_is_set_as_a_question_mark()
    {
        using var canvas = new PdfCanvas();
        canvas.Text(canvas.AddPage(), 50, 100, "Obiettivo ⤴ raggiunto", 10);

        Assert.Equal("Obiettivo ? raggiunto", ReadBack(canvas.Build()));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_and_its_identifier_is_a_hash_of_its_content()
    {
        static byte[] Write(string text)
        {
            using var canvas = new PdfCanvas();
            var page = canvas.AddPage();
            canvas.Text(page, 50, 100, text, 10);
            canvas.Rectangle(page, 50, 120, 200, 20);
            canvas.Line(page, 50, 150, 250, 150);
            return canvas.Build();
        }

        Assert.Equal(Write("Indicatore"), Write("Indicatore"));
        Assert.NotEqual(Id(Write("Indicatore")), Id(Write("Indicatori")));

        static string Id(byte[] pdf)
        {
            var text = System.Text.Encoding.Latin1.GetString(pdf);
            return text[text.LastIndexOf("/ID", StringComparison.Ordinal)..];
        }
    }
}
