using Pipeline.Extraction.Pdf;
using Pipeline.Samples;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>
/// <c>pipeline bench extract</c>'s measurement on the generated sample PDFs and one damaged file: every side timed
/// over every round, pages counted once per pass, a file that cannot be extracted reported and not counted.
/// </summary>
public sealed class ExtractionBenchmarkTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-bench-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Rounds_time_both_sides_and_count_what_was_extracted()
    {
        var pdfs = SampleGenerator.Generate(_dir.FullName).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pdfs);
        var truncated = Path.Combine(_dir.FullName, "truncated.pdf");
        File.WriteAllBytes(truncated, BadPdfs.Truncated());
        var pages = pdfs.Sum(f => new PdfPigTextLayer().Read(f).Pages.Count);

        var result = new ExtractionBenchmark(new PdfExtractor()).Run([.. pdfs, truncated], rounds: 2);

        Assert.Equal(pdfs.Count + 1, result.Files);
        Assert.Equal(2, result.Rounds);
        Assert.Equal(pages, result.Pages);
        Assert.Equal(pdfs.Count, result.Extracted);
        Assert.StartsWith("truncated.pdf: ", Assert.Single(result.Failures));
        Assert.True(result.Reference > TimeSpan.Zero && result.Ours > TimeSpan.Zero);
        Assert.Equal(result.Ours.TotalSeconds / result.Reference.TotalSeconds, result.Ratio, 6);
        Assert.Equal(pages * 2 / result.Reference.TotalSeconds, result.ReferencePagesPerSecond, 6);
        // the poppler column is there exactly when pdftotext is installed, and never needed
        Assert.Equal(result.Pdftotext is null, result.PdftotextRatio is null);
    }

    [Fact]
    public void Without_pdftotext_the_poppler_column_is_left_out()
    {
        var pdf = Path.Combine(_dir.FullName, "valid.pdf");
        File.WriteAllBytes(pdf, BadPdfs.Valid());

        var result = new ExtractionBenchmark(new PdfExtractor(), pdftotext: "/nonexistent/pdftotext").Run([pdf], rounds: 1);

        Assert.Null(result.Pdftotext);
        Assert.Null(result.PdftotextRatio);
        Assert.Equal(1, result.Pages);
        Assert.True(result.Ratio > 0);
    }

    [Fact]
    public void No_files_or_no_rounds_is_refused()
    {
        var bench = new ExtractionBenchmark(new PdfExtractor());
        Assert.Throws<ArgumentException>(() => bench.Run([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Run(["x.pdf"], rounds: 0));
    }
}
