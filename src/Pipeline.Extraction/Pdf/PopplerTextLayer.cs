using System.Diagnostics;
using System.Globalization;
using System.Xml;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// Reads a PDF's text layer with poppler's <c>pdftotext -bbox-layout</c>, run as a child process with a timeout
/// and its stderr captured. The XHTML it writes on stdout is parsed as it streams (no temporary files).
/// </summary>
public sealed class PopplerTextLayer(TimeSpan? timeout = null, string pdftotext = "pdftotext")
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    public PdfText Read(string path, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(pdftotext)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-bbox-layout", "-enc", "UTF-8", path, "-" }) info.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ExtractionException(path, "could not start pdftotext");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ExtractionException(path, "pdftotext (poppler-utils) is not installed: install it, e.g. 'apt-get install poppler-utils'", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(_timeout);
            using var kill = deadline.Token.Register(() => Kill(process));
            List<PdfPage> pages;
            try
            {
                pages = Parse(process.StandardOutput, deadline.Token);
            }
            catch (XmlException ex) when (!deadline.IsCancellationRequested)
            {
                process.WaitForExit();
                throw new ExtractionException(path, Failure(process.ExitCode, stderr.Result) ?? $"unreadable text layer from pdftotext: {ex.Message}", ex);
            }
            catch (Exception ex) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested && ex is XmlException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                throw new ExtractionException(path, $"pdftotext did not finish within {_timeout.TotalSeconds:0} s; the PDF may be damaged or very large");
            }
            process.WaitForExit();
            if (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
                throw new ExtractionException(path, $"pdftotext did not finish within {_timeout.TotalSeconds:0} s; the PDF may be damaged or very large");
            ct.ThrowIfCancellationRequested();
            if (Failure(process.ExitCode, stderr.Result) is { } failure) throw new ExtractionException(path, failure);
            if (pages.Count == 0) throw new ExtractionException(path, "the PDF has no pages");
            if (pages.All(p => p.Words.Count == 0))
                throw new ExtractionException(path, $"no text layer on any of its {pages.Count} pages (a scanned PDF? it needs OCR first)");
            return new PdfText(Path.GetFileName(path), pages);
        }
    }

    /// <summary>The reason pdftotext failed, from its exit code and stderr; null when it succeeded.</summary>
    private static string? Failure(int exitCode, string stderr)
    {
        if (exitCode == 0) return null;
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool Says(string text) => lines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
        if (exitCode == 3 || Says("password")) return "encrypted PDF: it cannot be read without its password";
        if (Says("Invalid page count 0") || Says("Wrong page range")) return "the PDF has no pages";
        var detail = lines.FirstOrDefault(l => l.StartsWith("Syntax Error", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal))
                     ?? lines.FirstOrDefault() ?? "no message";
        detail = detail.Replace("Syntax Error: ", "").Replace("I/O Error: ", "");
        return exitCode == 1
            ? $"corrupt or truncated PDF ({detail})"
            : $"pdftotext failed with exit code {exitCode} ({detail})";
    }

    internal static List<PdfPage> Parse(TextReader xhtml, CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(xhtml, settings);
        var pages = new List<PdfPage>();
        List<PdfWord>? words = null;
        double width = 0, height = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && words is not null)
            {
                double x0 = Number(reader, "xMin"), y0 = Number(reader, "yMin"), x1 = Number(reader, "xMax"), y1 = Number(reader, "yMax");
                // ReadElementContentAsString moves past the end tag itself: no further Read() for this node.
                var text = reader.ReadElementContentAsString();
                if (!string.IsNullOrWhiteSpace(text)) words.Add(new PdfWord(text, x0, y0, x1, y1));
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "page")
            {
                ct.ThrowIfCancellationRequested();
                width = Number(reader, "width");
                height = Number(reader, "height");
                words = [];
                if (reader.IsEmptyElement)
                {
                    pages.Add(new PdfPage(pages.Count + 1, width, height, words));
                    words = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page" && words is not null)
            {
                pages.Add(new PdfPage(pages.Count + 1, width, height, words));
                words = null;
            }
            reader.Read();
        }
        return pages;
    }

    private static double Number(XmlReader reader, string attribute) =>
        double.TryParse(reader.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
