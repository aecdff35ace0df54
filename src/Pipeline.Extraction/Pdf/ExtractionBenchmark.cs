using System.Diagnostics;
using UglyToad.PdfPig;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// A benchmark's outcome: <paramref name="Pages"/> per pass; the times are the sums over the rounds.
/// <paramref name="Pdftotext"/> is null when poppler's pdftotext is not installed.
/// </summary>
public sealed record BenchmarkResult(
    int Files, int Pages, int Rounds, TimeSpan Reference, TimeSpan Ours, TimeSpan? Pdftotext, int Extracted, IReadOnlyList<string> Failures)
{
    public double ReferencePagesPerSecond => Pages * Rounds / Reference.TotalSeconds;
    public double OursPagesPerSecond => Pages * Rounds / Ours.TotalSeconds;
    public double? PdftotextPagesPerSecond => Pdftotext is { } t ? Pages * Rounds / t.TotalSeconds : null;
    /// <summary>Our time over the bare PdfPig pass: 1.0 = the layout and families cost nothing.</summary>
    public double Ratio => Ours.TotalSeconds / Reference.TotalSeconds;
    /// <summary>Our time over bare <c>pdftotext -bbox-layout</c>'s, when it is installed.</summary>
    public double? PdftotextRatio => Pdftotext is { } t ? Ours.TotalSeconds / t.TotalSeconds : null;
}

/// <summary>
/// <c>pipeline bench extract DIR</c>: the whole PDF extraction (<see cref="PdfExtractor.Extract"/>: text layer, layout,
/// family) against a bare PdfPig pass over the same files in the same invocation (open, then each page's letters and
/// words with <c>page.GetWords()</c>), and against bare <c>pdftotext -bbox-layout</c> when poppler is installed. Every
/// side first makes one warm-up pass over all the files (the page cache; the JIT, which a nightly run pays once per
/// process), then <c>rounds</c> measured rounds; in each, file after file, the references then ours read the same
/// file back to back, so that a burst of load on a shared machine falls on all sides alike; the times are the sums
/// over the rounds.
/// </summary>
public sealed class ExtractionBenchmark(PdfExtractor extractor, string pdftotext = "pdftotext")
{
    public BenchmarkResult Run(IReadOnlyList<string> files, CancellationToken ct = default, int rounds = 3)
    {
        if (files.Count == 0) throw new ArgumentException("no PDF files to benchmark", nameof(files));
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var poppler = PdftotextInstalled();
        foreach (var file in files)
        {
            BarePdfPig(file);
            if (poppler) RunPdftotext(file);
            TryExtract(file, ct);
        }

        TimeSpan reference = TimeSpan.Zero, ours = TimeSpan.Zero, popplerTime = TimeSpan.Zero;
        var pages = 0;
        var extracted = 0;
        var failures = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            pages = 0;
            extracted = 0;
            failures.Clear();
            foreach (var file in files)
            {
                var watch = Stopwatch.StartNew();
                pages += BarePdfPig(file);
                reference += watch.Elapsed;

                if (poppler)
                {
                    watch.Restart();
                    RunPdftotext(file);
                    popplerTime += watch.Elapsed;
                }

                watch.Restart();
                var failure = TryExtract(file, ct);
                ours += watch.Elapsed;
                if (failure is not null) failures.Add(failure);
                else extracted++;
            }
        }
        return new BenchmarkResult(files.Count, pages, rounds, reference, ours, poppler ? popplerTime : null, extracted, failures);
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

    /// <summary>PdfPig alone: open, then every page's letters and words; returns the page count (0 when it cannot be read).</summary>
    private static int BarePdfPig(string file)
    {
        try
        {
            using var document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true });
            var words = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
                words += document.GetPage(number).GetWords().Count();
            GC.KeepAlive(words);
            return document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return 0;
        }
    }

    private bool PdftotextInstalled()
    {
        try
        {
            var info = new ProcessStartInfo(pdftotext, "-v") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is null) return false;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Bare pdftotext, its output read to the end like ours.</summary>
    private void RunPdftotext(string file)
    {
        var info = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-bbox-layout", "-enc", "UTF-8", file, "-" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
    }
}
