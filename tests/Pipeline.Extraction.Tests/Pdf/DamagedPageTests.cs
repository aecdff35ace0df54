using System.Diagnostics;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Extraction.Pdf.TextLayer;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>
/// One bad page, not a bad file: a damaged page is a warning naming it while the others read; a pathological page
/// fails the file within the deadline and the next file reads; cancellation is honoured between pages.
/// </summary>
public sealed class DamagedPageTests : IDisposable
{
    private readonly PdfScratch _files = new("pipeline-damaged-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    [Fact]
    public void A_corrupt_content_stream_is_a_warning_naming_its_page_and_the_other_pages_read()
    {
        var text = new PdfPigTextLayer().Read(Write("corrupt-page.pdf", BadPdfs.CorruptContentStream()));

        Assert.Equal(3, text.Pages.Count);
        Assert.StartsWith("Prima", text.Pages[0].Words[0].Text);
        Assert.Empty(text.Pages[1].Words);
        Assert.StartsWith("Terza", text.Pages[2].Words[0].Text);
        var warning = Assert.Single(text.Warnings);
        Assert.StartsWith("page 2: content stream could not be read (", warning);
        Assert.EndsWith("); its text is missing", warning);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void The_text_layer_warnings_come_first_in_the_extraction_warnings()
    {
        var extractor = new PdfExtractor(families: [new EveryDocument()]);

        var document = extractor.Extract(DocumentExtractors.Read(Write("corrupt-page.pdf", BadPdfs.CorruptContentStream())));

        Assert.Equal(2, document.Warnings.Count);
        Assert.StartsWith("page 2: content stream could not be read", document.Warnings[0]);
        Assert.Equal("the family's own warning", document.Warnings[1]);
    }

    [Fact]
    public void A_pathological_page_fails_the_file_within_the_deadline_and_the_next_file_reads()
    {
        // 16 levels of nested forms: about a million glyphs, seconds of work on page 2 (pages 1 and 3 take milliseconds
        // once PdfPig is warm, which the first read makes sure of)
        var layer = new PdfPigTextLayer(TimeSpan.FromSeconds(1));
        var valid = Write("valid.pdf", BadPdfs.Valid());
        Assert.Equal("Camera", layer.Read(valid).Pages[0].Words[0].Text);
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<ExtractionException>(() => layer.Read(Write("nested.pdf", BadPdfs.NestedForms(16))));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("nested.pdf: the text layer could not be read within 1 s (stopped on page 2 of 3); the PDF may be damaged or pathological", ex.Message);
        Assert.Equal("Camera", layer.Read(valid).Pages[0].Words[0].Text);
    }

    [Fact]
    public void Nested_forms_within_the_deadline_are_read()
    {
        var text = new PdfPigTextLayer().Read(Write("nested-4.pdf", BadPdfs.NestedForms(4)));

        Assert.Equal(3, text.Pages.Count);
        Assert.Equal(16, text.Pages[1].Words.Count(w => w.Text == "Valore"));
    }

    [Fact]
    public void A_cancelled_token_stops_the_reader_before_the_next_page()
    {
        var path = Write("long.pdf", BadPdfs.ManyPages(3000));
        var reader = new PdfPigReader(path);
        using var cts = new CancellationTokenSource();
        cts.Cancel(); // a timer or a second thread could fire after the whole read on a loaded machine: no timing here

        Assert.ThrowsAny<OperationCanceledException>(() => reader.Read(cts.Token));

        Assert.Equal(3000, reader.PageCount);
        Assert.Equal(0, reader.Page); // checked before page 1: no page read
    }

    [Fact]
    public void A_cancelled_read_returns_at_once()
    {
        var path = Write("long.pdf", BadPdfs.ManyPages(3000));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => new PdfPigTextLayer().Read(path, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // a whole read of the 3,000 pages takes far longer on a loaded machine
    }

    /// <summary>A family that takes any document and reports one warning of its own.</summary>
    private sealed class EveryDocument : IPdfFamily
    {
        public string Name => "every-document";

        public double Recognise(PdfLayout layout) => 1;

        public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct) => new()
        {
            Document = new DocumentInfo { File = "", Sha256 = "", Format = "pdf", Family = Name, DocType = "other" },
            Warnings = ["the family's own warning"],
        };
    }
}
