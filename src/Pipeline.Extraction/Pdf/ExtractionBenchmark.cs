using System.Diagnostics;

namespace Pipeline.Extraction.Pdf;

/// <summary>A benchmark's outcome: <paramref name="Pages"/> per pass; the times are the sums over the rounds.</summary>
public sealed record BenchmarkResult(
    int Files, int Pages, int Rounds, TimeSpan Reference, TimeSpan Ours, int Extracted, IReadOnlyList<string> Failures)
{
    public double ReferencePagesPerSecond => Pages * Rounds / Reference.TotalSeconds;
    public double OursPagesPerSecond => Pages * Rounds / Ours.TotalSeconds;
    /// <summary>Our time over the reference time: 1.0 = as fast as bare pdftotext.</summary>
    public double Ratio => Ours.TotalSeconds / Reference.TotalSeconds;
}

/// <summary>
/// <c>pipeline bench extract DIR</c>: the whole PDF extraction (text layer, layout, family) against a reference run
/// of bare <c>pdftotext -bbox-layout</c> on the same files, in the same invocation. Both sides first make one
/// warm-up pass over all the files (the page cache for both; the JIT for ours, which a nightly run pays once per
/// process), then <c>rounds</c> measured rounds, each a pass of the reference followed by a pass of ours, so that
/// a burst of load on the machine falls on both sides; the times are the sums over the rounds.
/// </summary>
public sealed class ExtractionBenchmark(PdfExtractor extractor, string pdftotext = "pdftotext")
{
    public BenchmarkResult Run(IReadOnlyList<string> files, CancellationToken ct = default, int rounds = 3)
    {
        if (files.Count == 0) throw new ArgumentException("no PDF files to benchmark", nameof(files));
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        foreach (var file in files)
        {
            RunPdftotext(file);
            TryExtract(file, ct);
        }

        var reference = TimeSpan.Zero;
        var ours = TimeSpan.Zero;
        var pages = 0;
        var extracted = 0;
        var failures = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            pages = 0;
            foreach (var file in files) pages += RunPdftotext(file);
            reference += watch.Elapsed;

            watch.Restart();
            extracted = 0;
            failures.Clear();
            foreach (var file in files)
            {
                if (TryExtract(file, ct) is { } failure) failures.Add(failure);
                else extracted++;
            }
            ours += watch.Elapsed;
        }
        return new BenchmarkResult(files.Count, pages, rounds, reference, ours, extracted, failures);
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
