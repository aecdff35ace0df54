using System.Runtime.ExceptionServices;
using Pipeline.Extraction.Pdf.TextLayer;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// Reads a PDF's text layer with PdfPig, in process: per page, words with boxes (PDF points, origin top-left) and the
/// drawn rules; damaged pages become warnings while the others still load; a file that cannot be read fails with one
/// line (encrypted, corrupt or truncated, not a PDF, no pages, no text layer, a page over <see cref="MaxGlyphsPerPage"/>,
/// over the deadline).
/// </summary>
/// <remarks>
/// The deadline. PdfPig checks no token inside a page, and none of its hooks runs per glyph: its filter provider is
/// not asked for unfiltered streams and a form XObject's decoded stream is cached, so a page's parse cannot be
/// stopped from inside. Measured: a flat page of 300,000 glyphs parses in 0.7 s, but a page of forms nested 16 deep,
/// each drawing the next twice, takes 3 s and 360 MB, and each further level doubles both. Three ways out were weighed:
/// a worker process (the only one that can kill a page mid-parse, but every file would pay a process start and a cold
/// JIT of PdfPig, several times the 0.03–0.4 s a warm file takes, against a 1.5× speed target); a page budget (needs
/// a re-implementation of PdfPig's internal content processor to count glyphs); and a reader thread the caller stops
/// waiting for. This class does the last: the read runs on its own thread, the caller waits at most the deadline and
/// then fails the file with one line naming the page, and the abandoned reader stops at its next page boundary. The
/// cost is that one pathological page keeps a core (and its memory) until that page ends; the run itself goes on.
/// </remarks>
public sealed class PdfPigTextLayer(TimeSpan? deadline = null)
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Glyphs a page may draw: about ten times a dense A4 page of small print. Past it the document fails with one line
    /// naming the file, the page and the cap, before the page's words are made (PdfPig has parsed the page by then: the
    /// cap bounds the word building and everything after it, not PdfPig's own parse, which the deadline bounds).
    /// </summary>
    public const int MaxGlyphsPerPage = 100_000;
    private readonly TimeSpan _deadline = deadline ?? DefaultDeadline;

    public PdfText Read(string path, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var reader = new PdfPigReader(path);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Task.Factory.StartNew(() => reader.Read(stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = read.Wait(_deadline, ct);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            stop.Dispose();
            ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
            throw;
        }
        catch (OperationCanceledException)
        {
            Abandon(read, stop);
            throw;
        }
        if (finished)
        {
            stop.Dispose();
            return read.Result;
        }
        Abandon(read, stop);
        var where = reader.Page == 0 ? "while opening the file" : $"on page {reader.Page} of {reader.PageCount}";
        throw new ExtractionException(path, $"the text layer could not be read within {_deadline.TotalSeconds:0.#} s (stopped {where}); the PDF may be damaged or pathological");
    }

    /// <summary>Tells the reader to stop at its next page and lets it finish on its own; its outcome is observed and dropped.</summary>
    private static void Abandon(Task<PdfText> read, CancellationTokenSource stop)
    {
        stop.Cancel();
        read.ContinueWith(t =>
        {
            _ = t.Exception;
            stop.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
