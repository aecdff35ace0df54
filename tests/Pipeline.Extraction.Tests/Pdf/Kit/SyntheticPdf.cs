using Pipeline.Extraction.Pdf;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.Kit;

/// <summary>Writes a document with the samples' renderer in a style and reads it back into the table kit's layout.</summary>
public static class SyntheticPdf
{
    public static PdfLayout Layout(IReadOnlyList<DocumentBlock> blocks, PdfStyle style)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-kit-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, new TextDocumentRenderer(style).Render(blocks));
        try
        {
            return PdfLayout.From(new PdfPigTextLayer().Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes a document in a style and extracts it with every family competing, as an ingest reads it.</summary>
    public static Pipeline.Core.Extraction.ExtractedDocument Extract(IReadOnlyList<DocumentBlock> blocks, PdfStyle style)
    {
        using var scratch = new PdfScratch("pipeline-synthetic-");
        var path = scratch.Write("document.pdf", new TextDocumentRenderer(style).Render(blocks));
        return new PdfExtractor().Extract(DocumentExtractors.Read(path));
    }

    /// <summary>The style variations the kit must read alike: alignment, borders, padding, leading, font, orientation.</summary>
    public static TheoryData<string> Styles()
    {
        var data = new TheoryData<string>();
        foreach (var name in StyleNames) data.Add(name);
        return data;
    }

    public static readonly string[] StyleNames =
    [
        "top-borders", "middle-borders", "bottom-borders", "top-plain", "middle-plain", "bottom-plain",
        "middle-plain-tight", "bottom-plain-loose", "middle-rules-times", "bottom-plain-courier-landscape", "middle-header-footer",
    ];

    public static PdfStyle Style(string name)
    {
        var alignment = name.StartsWith("middle", StringComparison.Ordinal) ? CellAlignment.Middle
            : name.StartsWith("bottom", StringComparison.Ordinal) ? CellAlignment.Bottom : CellAlignment.Top;
        return new PdfStyle
        {
            CellAlignment = alignment,
            Borders = name.Contains("borders") || name.Contains("rules"),
            HorizontalRulesOnly = name.Contains("rules"),
            Leading = name.Contains("tight") ? 1.15 : name.Contains("loose") ? 1.6 : 1.3,
            Font = name.Contains("times") ? "Times-Roman" : name.Contains("courier") ? "Courier" : "Helvetica",
            FontSize = name.Contains("courier") ? 8 : 9,
            Landscape = name.Contains("landscape"),
            RunningHeader = name.Contains("header-footer") ? "Camera di Commercio - Piano della Performance" : null,
            PageNumbers = name.Contains("header-footer"),
        };
    }
}
