using System.Collections.Concurrent;
using Pipeline.Core.Values;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// One pass of PdfPig over a file, a page at a time: open, then for each page its letters → words and rules, and the
/// page is let go before the next one is read (the whole document's letters are never held). Cancellation is checked
/// between pages; <see cref="Page"/> says which page is being read, for the deadline's message.
/// </summary>
internal sealed class PdfPigReader(string path)
{
    private const int MaxGlyphsPerPage = PdfPigTextLayer.MaxGlyphsPerPage;

    private volatile int _page;
    private readonly ConcurrentQueue<(int Number, Task<PdfPage> Page)> _pending = new();

    /// <summary>The first page not read yet (1-based: its words still being made, or the page being parsed); 0 while the file is opened.</summary>
    public int Page
    {
        get
        {
            foreach (var (number, page) in _pending)
                if (!page.IsCompleted) return number;
            return _page;
        }
    }

    public int PageCount { get; private set; }

    public PdfText Read(CancellationToken ct)
    {
        var log = new ParserLog();
        using var document = Open(log);
        log.TakeErrors(); // what PdfPig repaired while opening belongs to no page
        var count = PageCount = document.NumberOfPages;
        if (count == 0) throw new ExtractionException(path, "the PDF has no pages");
        var pages = new List<PdfPage>(count);
        var warnings = new List<string>();
        // A page's words and rules are made from its letters and paths on a worker while the next page is parsed
        // (PdfPig's parsing is the sequential part); at most two pages wait, so the letters held stay bounded.
        var pending = _pending;
        double width = MinimalA4.Width, height = MinimalA4.Height;
        for (var number = 1; number <= count; number++)
        {
            ct.ThrowIfCancellationRequested();
            _page = number;
            UglyToad.PdfPig.Content.Page page;
            try
            {
                page = document.GetPage(number);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                warnings.Add($"page {number}: content stream could not be read ({OneLine(ex)}); its text is missing");
                log.TakeErrors();
                pending.Enqueue((number, Task.FromResult(new PdfPage(number, width, height, []))));
                continue;
            }
            (width, height) = (page.Width, page.Height);
            if (page.Letters.Count > MaxGlyphsPerPage)
                throw new ExtractionException(path, $"page {number} has {ItalianFormat.Number(page.Letters.Count)} glyphs, "
                    + $"more than the limit of {ItalianFormat.Number(MaxGlyphsPerPage)} per page; not read");
            var errors = log.TakeErrors();
            if (UnreadContent.Reason(page, document) is { } reason)
                warnings.Add($"page {number}: content stream could not be read ({string.Join("; ", errors.Prepend(reason))}); its text is missing");
            else if (errors.Count > 0)
                warnings.Add($"page {number}: the PDF reader reported {string.Join("; ", errors)}; its text may be incomplete");
            var (n, w, h) = (number, width, height);
            pending.Enqueue((number, Task.Run(() => new PdfPage(n, w, h, WordBoxes.Read(page)) { Rules = RuleFinder.Find(page) }, ct)));
            while (pending.Count > 2) pages.Add(TakeOldest(pending));
        }
        while (!pending.IsEmpty) pages.Add(TakeOldest(pending));
        if (pages.All(p => p.Words.Count == 0) && warnings.Count == 0)
            throw new ExtractionException(path, $"no text layer on any of its {count} pages (a scanned PDF? it needs OCR first)");
        if (pages.All(p => p.Words.Count == 0))
            throw new ExtractionException(path, $"no text could be read on any of its {count} pages ({warnings[0]})");
        return new PdfText(Path.GetFileName(path), pages) { Warnings = warnings };
    }

    private static PdfPage TakeOldest(ConcurrentQueue<(int Number, Task<PdfPage> Page)> pending)
    {
        pending.TryPeek(out var oldest);
        var page = oldest.Page.GetAwaiter().GetResult();
        pending.TryDequeue(out _);
        return page;
    }

    /// <summary>
    /// Opens with lenient parsing: it repairs what real files get wrong (xref offsets shifted by an edit, stray bytes)
    /// and still refuses encrypted, truncated and non-PDF files with the same exceptions as strict parsing (checked on
    /// the generated bad PDFs), so it hides no failure we report.
    /// </summary>
    private PdfDocument Open(ParserLog log)
    {
        try
        {
            return PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, Logger = log });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionException(path, "encrypted PDF: it cannot be read without its password", ex);
        }
        catch (PdfDocumentFormatException ex) when (ex.Message.Contains("version header", StringComparison.OrdinalIgnoreCase))
        {
            throw new ExtractionException(path, "not a PDF: the file does not start with %PDF", ex);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException or UnauthorizedAccessException))
        {
            throw new ExtractionException(path, $"corrupt or truncated PDF ({OneLine(ex)})", ex);
        }
    }

    private static string OneLine(Exception ex) => ex.Message.Split('\n', 2)[0].Trim().TrimEnd('.');

    /// <summary>The size given to a page PdfPig could not load at all, when no page before it gave one.</summary>
    private static class MinimalA4
    {
        public const double Width = 595.28, Height = 841.89;
    }
}
