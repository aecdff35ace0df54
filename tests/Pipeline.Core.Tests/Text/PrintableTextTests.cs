using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

public class PrintableTextTests
{
    [Theory]
    [InlineData("Giorni medi di evasione", "Giorni medi di evasione")]
    [InlineData("Giorni\0 medi", "Giorni medi")]
    [InlineData("\0\0\0", "")]
    [InlineData("a\u0001b\u0002c\u001fd", "abcd")]
    [InlineData("colonna\tcolonna", "colonna\tcolonna")]
    [InlineData("riga\r\nriga\n", "riga\r\nriga\n")]
    [InlineData("\u000b\u000cverticale", "verticale")]
    [InlineData("è già più \u007f", "è già più \u007f")]
    [InlineData("", "")]
    public void Drops_control_characters_but_tabs_and_line_breaks(string read, string printable) =>
        Assert.Equal(printable, PrintableText.Of(read));

    [Theory]
    [InlineData("relazione.pdf", "relazione.pdf")]
    [InlineData("relazione\nriga.pdf", "relazione\\nriga.pdf")]
    [InlineData("a\tb\r\n", "a\\tb\\r\\n")]
    [InlineData("nul\0.pdf", "nul\\u0000.pdf")]
    [InlineData("è \"2021\"; più", "è \"2021\"; più")]
    public void One_line_escapes_every_control_character(string text, string line) =>
        Assert.Equal(line, PrintableText.OneLine(text));

    [Fact]
    public void Text_without_controls_is_returned_as_it_is()
    {
        var text = "Imprese che hanno attivato il fascicolo digitale d'impresa";
        Assert.Same(text, PrintableText.Of(text));
    }
}
