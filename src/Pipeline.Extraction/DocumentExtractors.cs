using Pipeline.Core.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;

namespace Pipeline.Extraction;

/// <summary>Picks the extractor for a file from its content and runs it.</summary>
public sealed class DocumentExtractors(IReadOnlyList<IDocumentExtractor> extractors)
{
    /// <summary>Every extractor this build has, configured from the config directory (null = built-in defaults).</summary>
    public static DocumentExtractors Create(string? configDirectory)
    {
        var headers = WorkbookHeaderConfig.FromDirectory(configDirectory);
        return new DocumentExtractors(
        [
            new ExtractionJsonExtractor(),
            new WorkbookExtractor(headers),
            new PdfExtractor(families: PdfExtractor.DiscoverFamilies(headers)),
        ]);
    }

    /// <summary>File extensions a folder scan picks up.</summary>
    public static readonly IReadOnlySet<string> KnownExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".xlsx", ".xls", ".xlsm", ".json", ".pdf" };

    public ExtractedDocument Extract(string path, CancellationToken ct = default) => Extract(Read(path), ct);

    public ExtractedDocument Extract(InputFile file, CancellationToken ct = default)
    {
        if (file.Bytes.Length == 0) throw new ExtractionException(file.Path, "empty file (0 bytes)");
        var extractor = extractors.FirstOrDefault(e => e.CanRead(file))
            ?? throw new ExtractionException(file.Path, Unsupported(file));
        return extractor.Extract(file, ct);
    }

    public static InputFile Read(string path)
    {
        try
        {
            return new InputFile(path, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExtractionException(path, $"cannot read the file: {ex.Message}", ex);
        }
    }

    private static string Unsupported(InputFile file) =>
        $"unsupported file type '{file.Extension}': expected .pdf, .xlsx, .xls or an extraction .json";
}
