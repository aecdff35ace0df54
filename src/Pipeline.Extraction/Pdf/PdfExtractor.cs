using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Families;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// PDFs: PdfPig's text layer, laid out into lines, read by the family that recognises the document best. What the
/// text layer reported about damaged pages comes first in the extraction's warnings.
/// </summary>
public sealed class PdfExtractor(PdfPigTextLayer? textLayer = null, IReadOnlyList<IPdfFamily>? families = null) : IDocumentExtractor
{
    /// <summary>Below this, no family is sure enough and the document is refused rather than guessed.</summary>
    public const double MinimumConfidence = 0.5;

    private readonly PdfPigTextLayer _textLayer = textLayer ?? new PdfPigTextLayer();
    private readonly IReadOnlyList<IPdfFamily> _families = families ?? DiscoverFamilies();

    public IReadOnlyList<IPdfFamily> Families => _families;

    public bool CanRead(InputFile file) => file.StartsWith("%PDF"u8) || file.Extension == ".pdf";

    public ExtractedDocument Extract(InputFile file, CancellationToken ct = default)
    {
        if (!file.StartsWith("%PDF"u8)) throw new ExtractionException(file.Path, "not a PDF: the file does not start with %PDF");
        var text = _textLayer.Read(file.Path, ct);
        var layout = PdfLayout.From(text);
        var (family, confidence) = Recognise(layout);
        if (family is null || confidence < MinimumConfidence)
            throw new ExtractionException(file.Path, _families.Count == 0
                ? "no PDF layout family is available in this build"
                : $"no known document layout recognised (tried {string.Join(", ", _families.Select(f => f.Name))})");
        var document = family.Extract(layout, ct);
        return document with
        {
            Warnings = [.. text.Warnings, .. document.Warnings],
            Document = document.Document with
            {
                File = Path.GetFileName(file.Path),
                Sha256 = file.Sha256,
                Format = "pdf",
                Family = family.Name,
                Pages = text.Pages.Count,
            },
        };
    }

    /// <summary>
    /// The most confident family. The general reader answers at most <see cref="MinimumConfidence"/>, so it is asked
    /// last and only when no specific family was surer (its look at every row is the costliest recognition).
    /// </summary>
    private (IPdfFamily? Family, double Confidence) Recognise(PdfLayout layout)
    {
        var best = _families.Where(f => f is not GenericTableFamily)
            .Select(f => (Family: (IPdfFamily?)f, Confidence: f.Recognise(layout)))
            .OrderByDescending(x => x.Confidence)
            .FirstOrDefault();
        if (best.Confidence > MinimumConfidence) return best;
        foreach (var general in _families.OfType<GenericTableFamily>())
        {
            var confidence = general.Recognise(layout);
            if (best.Family is null || confidence > best.Confidence) best = (general, confidence);
        }
        return best;
    }

    /// <summary>
    /// Every family of this assembly. A family whose constructor takes the header vocabulary gets
    /// <paramref name="headers"/> (the one from <c>--config</c>); the others are built with no arguments.
    /// </summary>
    public static IReadOnlyList<IPdfFamily> DiscoverFamilies(Excel.WorkbookHeaderConfig? headers = null) =>
        typeof(IPdfFamily).Assembly.GetTypes()
            .Where(t => typeof(IPdfFamily).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => headers is not null && t.GetConstructor([typeof(Excel.WorkbookHeaderConfig)]) is { } configured
                ? (IPdfFamily)configured.Invoke([headers])
                : t.GetConstructor(Type.EmptyTypes) is { } plain ? (IPdfFamily)plain.Invoke(null) : null)
            .OfType<IPdfFamily>()
            .ToList();
}
