using Pipeline.Core.Extraction;
using Pipeline.Extraction;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Layout;
using Pipeline.Samples;
using Pipeline.Samples.Pdf;
using Pipeline.Samples.Tests;
using Pipeline.Web.BrowserTests.Support;
using Xunit.Abstractions;

namespace Pipeline.Web.BrowserTests;

/// <summary>
/// The Fonte viewer (wwwroot/js/pdf-source.js) on its own, in a real Chromium, against a real Kestrel serving the
/// sample PDFs that Pipeline.Samples makes: every value the extractor reads from them is highlighted over the
/// same word of the page as rendered by pdf.js.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PdfSourceViewerTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDir _pdfs = new();
    private ViewerHost? _host;

    public async Task InitializeAsync() => _host = await ViewerHost.StartAsync(_pdfs.Path);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _pdfs.Dispose();
    }

    /// <summary>A value the extractor read from a PDF: which KPI, target or actual, period, raw text and where.</summary>
    private sealed record PdfValue(string File, string Kpi, string Kind, string Period, string Raw, SourceRef? Source)
    {
        public override string ToString() => $"{File} {Kind} {Period} of '{Kpi}' ('{Raw}', {Source})";
    }

    [Fact]
    public async Task Every_value_read_from_a_sample_PDF_opens_highlighted_over_its_words_on_the_rendered_page()
    {
        var values = new List<PdfValue>();
        foreach (var (name, bytes) in SampleGenerator.RenderPdfs())
        {
            var file = Path.GetFileName(name);
            var path = Path.Combine(_pdfs.Path, file);
            File.WriteAllBytes(path, bytes);
            var document = new PdfExtractor().Extract(new InputFile(path, bytes));
            foreach (var kpi in document.Kpis)
            {
                values.AddRange(kpi.Targets.Select(t => new PdfValue(file, kpi.Name, "target", t.Period, t.Raw, t.Source)));
                values.AddRange(kpi.Actuals.Select(a => new PdfValue(file, kpi.Name, "actual", a.Period, a.Raw, a.Source)));
            }
        }
        Assert.True(values.Count >= 60, $"only {values.Count} values read from the sample PDFs");
        Assert.All(values, v => Assert.True(v.Source is { Page: not null, Bbox.Count: 4 }, $"no page box for {v}"));

        await using var context = await chromium.NewContextAsync(_host!.BaseUrl);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        var worst = 1.0;
        foreach (var value in values)
        {
            await page.GotoAsync(ViewerHost.Url(value.File, value.Source!.Page!.Value, value.Source.Bbox));
            var words = WordsUnderHighlight.Words(value.Raw);
            var shown = await RenderedSource.ReadAsync(page, words);
            var problem = WordsUnderHighlight.Problem(shown, words);
            if (problem is not null) failures.Add($"{value}: {problem}");
            else worst = Math.Min(worst, WordsUnderHighlight.Check(shown, words).Min(c => c.Covered));
        }
        output.WriteLine(FormattableString.Invariant($"{values.Count} values from {values.Select(v => v.File).Distinct().Count()} PDFs, {values.Select(v => (v.File, v.Source!.Page)).Distinct().Count()} pages; least share of a word under its highlight: {worst:P1}"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {values.Count} values not highlighted over their words:\n" + string.Join("\n", failures));
        Assert.InRange(worst, WordsUnderHighlight.MinimumCovered, 1.0);
    }

    [Fact]
    public async Task A_page_turned_by_Rotate_90_is_shown_turned_with_the_box_over_its_word()
    {
        var bytes = TextLayerPdfs.RotatedLandscape();
        var path = Path.Combine(_pdfs.Path, "ruotata.pdf");
        File.WriteAllBytes(path, bytes);
        var camera = new PdfPigTextLayer().Read(path).Pages[0].Words.First(w => w.Text == "Camera");

        await using var context = await chromium.NewContextAsync(_host!.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ViewerHost.Url("ruotata.pdf", 1, Box.Of(camera).ToArray()));
        var shown = await RenderedSource.ReadAsync(page, ["Camera"]);

        Assert.Null(WordsUnderHighlight.Problem(shown, ["Camera"]));
        var canvas = await page.Locator("#pdf-source canvas").BoundingBoxAsync();
        Assert.True(canvas!.Width > canvas.Height, $"the turned page is landscape on screen ({canvas.Width} × {canvas.Height})");
        var highlight = shown.Highlight!.Value;
        Assert.True(highlight.Width > 2 * highlight.Height, "the word runs across the turned page, and so does its box");
    }

    [Fact]
    public async Task A_page_past_the_end_of_the_document_says_so_in_one_line()
    {
        var (name, bytes) = SampleGenerator.RenderPdfs()[0];
        var file = Path.GetFileName(name);
        File.WriteAllBytes(Path.Combine(_pdfs.Path, file), bytes);
        var pages = new PdfPigTextLayer().Read(Path.Combine(_pdfs.Path, file)).Pages.Count;

        await using var context = await chromium.NewContextAsync(_host!.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ViewerHost.Url(file, pages + 1, [10, 10, 20, 20]));
        var shown = await RenderedSource.ReadAsync(page, []);

        Assert.Equal("error", shown.State);
        Assert.Equal($"Il documento ha {pages} pagine: la pagina {pages + 1} non esiste.", shown.Message);
    }
}
