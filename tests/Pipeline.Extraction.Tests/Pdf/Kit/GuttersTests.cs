using System.Globalization;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Tests.Pdf.Kit;

/// <summary>Gutters on rows of real tables (word boxes as Chromium and LibreOffice print them).</summary>
public sealed class GuttersTests
{
    /// <summary>Words of one line from their "x0-x1" extents.</summary>
    private static IEnumerable<PdfWord> Line(double y, string extents) =>
        extents.Split(' ').Select(e => e.Split('-')).Select(p => W(double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture), y));

    private static PdfWord W(double x0, double x1, double y = 0, string text = "w") => new(text, x0, y, x1, y + 9);

    [Fact]
    public void Two_lines_of_a_borderless_row_leave_free_only_the_strips_between_their_cells()
    {
        // Chromium, serif 9 pt, no borders: name | algorithm | target ">= 73,00 %" | actual "69,80 %" | deviation "-3,20 %";
        // the second line leaves free the single space between ">=" and "73,00", which is no gutter
        var words = Line(0, "52.7-73.1 75.4-82.4 84.6-116.1 118.4-135.8 138.1-167.1 169.3-210.8 213.0-243.5 259.2-288.7 291.0-319.9 " +
                            "322.2-363.7 365.9-385.9 388.2-401.1 403.4-434.9 437.1-467.6 469.9-501.4 503.6-506.1 508.4-537.9 " +
                            "540.1-570.6 572.8-591.3 593.6-622.6 624.8-666.3 679.3-689.4 691.7-711.9 726.5-746.8 763.1-781.9")
            .Concat(Line(10, "52.7-84.2 259.2-289.7 292.0-323.4 679.3-686.8 726.5-734.0 763.1-770.6"));
        var gutters = Gutters.Find(words, minWidth: 3.8);
        Assert.Equal([(243.5, 259.2), (666.3, 679.3), (711.9, 726.5), (746.8, 763.1)], gutters);
    }

    [Fact]
    public void A_cell_wider_on_its_second_line_closes_the_strip_its_first_line_left()
    {
        // the first line's name ends at 82 and the algorithm starts at 110; the name's second line reaches 120
        PdfWord[] words = [W(50, 82), W(110, 150), W(50, 120, 10), W(130, 150, 10)];
        Assert.Empty(Gutters.Find(words, minWidth: 4));
    }

    [Theory]
    [InlineData(4.0, 1)]  // LibreOffice, 9 pt: cells 5 pt apart, words 2.5 pt
    [InlineData(5.5, 0)]
    public void A_strip_narrower_than_the_minimum_is_no_gutter(double minWidth, int expected)
    {
        PdfWord[] words = [W(640.2, 672.2), W(677.3, 687.7), W(690.3, 712.8)];
        Assert.Equal(expected, Gutters.Find(words, minWidth).Count);
    }

    [Fact]
    public void No_words_no_gutters() => Assert.Empty(Gutters.Find([], 4));
}
