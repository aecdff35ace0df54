using System.Diagnostics;
using Pipeline.Extraction.Pdf;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>The PdfPig text layer on damaged PDFs: every case is one clear line, within the deadline, never a hang.</summary>
public sealed class BadPdfTests : IDisposable
{
    private readonly PdfScratch _files = new("pipeline-pdf-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    public static TheoryData<string, string> Cases => new()
    {
        { "truncated", "corrupt or truncated PDF" },
        { "zero-pages", "the PDF has no pages" },
        { "scanned", "no text layer on any of its 2 pages (a scanned PDF? it needs OCR first)" },
        { "encrypted", "encrypted PDF: it cannot be read without its password" },
        { "not-a-pdf", "not a PDF" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_damaged_pdf_gives_one_line_naming_the_file_and_the_reason(string kind, string reason)
    {
        var bytes = kind switch
        {
            "truncated" => BadPdfs.Truncated(),
            "zero-pages" => BadPdfs.ZeroPages(),
            "scanned" => BadPdfs.Scanned(),
            "not-a-pdf" => BadPdfs.NotAPdf(),
            _ => BadPdfs.PasswordProtected(),
        };
        var path = Write(kind + ".pdf", bytes);
        var ex = Assert.Throws<ExtractionException>(() => new PdfPigTextLayer().Read(path));
        Assert.StartsWith(kind + ".pdf: ", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_page_over_the_glyph_cap_fails_the_document_with_one_line_naming_page_and_cap()
    {
        var at = new PdfPigTextLayer().Read(Write("al-limite.pdf", BadPdfs.ManyGlyphs(PdfPigTextLayer.MaxGlyphsPerPage)));
        Assert.Equal(PdfPigTextLayer.MaxGlyphsPerPage / 100, Assert.Single(at.Pages).Words.Count);

        var ex = Assert.Throws<ExtractionException>(() => new PdfPigTextLayer().Read(Write("oltre.pdf", BadPdfs.ManyGlyphs(PdfPigTextLayer.MaxGlyphsPerPage + 1))));
        Assert.Equal("oltre.pdf: page 1 has 100.001 glyphs, more than the limit of 100.000 per page; not read", ex.Message);
    }

    [Fact]
    public void A_valid_pdf_reads_with_positions()
    {
        var text = new PdfPigTextLayer().Read(Write("valid.pdf", BadPdfs.Valid()));
        var page = Assert.Single(text.Pages);
        var camera = page.Words.First(w => w.Text == "Camera");
        Assert.InRange(camera.X0, 55, 58);
        Assert.InRange(camera.Y0, 55, 65);
    }

    [Fact]
    public void Five_hundred_pages_are_read_well_within_the_timeout()
    {
        var path = Write("long.pdf", BadPdfs.ManyPages(500));
        var clock = Stopwatch.StartNew();
        var text = new PdfPigTextLayer(TimeSpan.FromSeconds(60)).Read(path);
        Assert.Equal(500, text.Pages.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // the running footer "Pagina N di 500" and the repeated title are not content
        var layout = PdfLayout.From(text);
        Assert.DoesNotContain(layout.Lines, l => l.Text.StartsWith("Pagina ", StringComparison.Ordinal));
        Assert.DoesNotContain(layout.Lines, l => l.Text.StartsWith("Relazione sulla gestione", StringComparison.Ordinal));
    }
}
