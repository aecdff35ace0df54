using System.Diagnostics;

namespace Pipeline.Extraction.Pdf;

public sealed record BenchmarkResult(
    int Files, int Pages, TimeSpan Reference, TimeSpan Ours, int Extracted, IReadOnlyList<string> Failures)
{
    public double ReferencePagesPerSecond => Pages / Reference.TotalSeconds;
    public double OursPagesPerSecond => Pages / Ours.TotalSeconds;
    /// <summary>Our time over the reference time: 1.0 = as fast as bare pdftotext.</summary>
    public double Ratio => Ours.TotalSeconds / Reference.TotalSeconds;
}

/// <summary>
/// <c>pipeline bench extract DIR</c>: the whole PDF extraction (text layer, layout, family) against a reference run
/// of bare <c>pdftotext -bbox-layout</c> on the same files, in the same invocation. Both sides first make one
/// warm-up pass over all the files (the page cache for both; the JIT for ours, which a nightly run pays once per
/// process), then one measured pass each.
/// </summary>
public sealed class ExtractionBenchmark(PdfExtractor extractor, string pdftotext = "pdftotext")
{
    public BenchmarkResult Run(IReadOnlyList<string> files, CancellationToken ct = default)
    {
        if (files.Count == 0) throw new ArgumentException("no PDF files to benchmark", nameof(files));
        foreach (var file in files)
        {
            RunPdftotext(file);
            TryExtract(file, ct);
        }

        var reference = Stopwatch.StartNew();
        var pages = 0;
        foreach (var file in files) pages += RunPdftotext(file);
        reference.Stop();

        var ours = Stopwatch.StartNew();
        var extracted = 0;
        var failures = new List<string>();
        foreach (var file in files)
        {
            if (TryExtract(file, ct) is { } failure) failures.Add(failure);
            else extracted++;
        }
        ours.Stop();
        return new BenchmarkResult(files.Count, pages, reference.Elapsed, ours.Elapsed, extracted, failures);
    }

    private string? TryExtract(string file, CancellationToken ct)
    {
        try
        {
            extractor.Extract(DocumentExtractors.Read(file), ct);
            return null;
        }
        catch (ExtractionException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Bare pdftotext, its output read to the end like ours; returns the page count.</summary>
    private int RunPdftotext(string file)
    {
        var info = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-bbox-layout", "-enc", "UTF-8", file, "-" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var pages = 0;
        while (process.StandardOutput.ReadLine() is { } line)
            if (line.Contains("<page ", StringComparison.Ordinal)) pages++;
        process.WaitForExit();
        _ = stderr.Result;
        return pages;
    }
}
