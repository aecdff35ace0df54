using Pipeline.Core.Extraction;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// One document layout (Integra relazione, schede obiettivi, PIRA …). A family is one file in this folder; the
/// PDF extractor finds every implementation by reflection, so adding a layout needs no edit elsewhere.
/// Families must have a public parameterless constructor.
/// </summary>
public interface IPdfFamily
{
    /// <summary>The family name written to <c>document.family</c> (e.g. "integra-relazione").</summary>
    string Name { get; }

    /// <summary>How sure this family is that it reads the document, 0 to 1, decided from content only.</summary>
    double Recognise(PdfLayout layout);

    /// <summary>Objectives, KPIs and the document fields; <c>file</c>, <c>sha256</c>, <c>format</c>, <c>pages</c> are set by the caller.</summary>
    ExtractedDocument Extract(PdfLayout layout, CancellationToken ct);
}
