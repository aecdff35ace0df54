using System.Text;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Json;

/// <summary>
/// Reads an extraction JSON (<c>pipeline.extraction/1</c>) as a source: a reviewed, hand-corrected extraction is a
/// legitimate, auditable input. Lineage keeps the positions it states and notes the file it came through.
/// </summary>
public sealed class ExtractionJsonExtractor : IDocumentExtractor
{
    public bool CanRead(InputFile file)
    {
        if (file.Extension == ".json") return true;
        var head = Encoding.UTF8.GetString(file.Bytes, 0, Math.Min(file.Bytes.Length, 256)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('{') && head.Contains("pipeline.extraction/", StringComparison.Ordinal);
    }

    public ExtractedDocument Extract(InputFile file, CancellationToken ct = default)
    {
        try
        {
            var text = Encoding.UTF8.GetString(file.Bytes).TrimStart('\uFEFF');
            return ExtractionJson.Deserialize(text);
        }
        catch (JsonException ex)
        {
            throw new ExtractionException(file.Path, $"not a valid extraction JSON ({ExtractedDocument.SchemaId}): {TypeWords.InMessage(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ExtractionException(file.Path, $"extraction JSON has an invalid value: {TypeWords.InMessage(ex.Message)}", ex);
        }
    }
}
