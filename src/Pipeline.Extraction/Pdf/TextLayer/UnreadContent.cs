using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// Tells a page whose content stream PdfPig could not read (it then gives no letters, and says nothing) from a page
/// that is genuinely blank or only drawn: a text object left open (the stream stops inside a string or is cut), or
/// content bytes that decode to no operation at all (a damaged compressed stream).
/// </summary>
internal static class UnreadContent
{
    /// <summary>Why the page's content looks unread; null when it does not (it has letters, or nothing was lost).</summary>
    public static string? Reason(Page page, PdfDocument document)
    {
        if (page.Letters.Count > 0) return null;
        var open = 0;
        foreach (var operation in page.Operations)
        {
            if (operation.Operator == "BT") open++;
            else if (operation.Operator == "ET") open = Math.Max(0, open - 1);
        }
        if (open > 0) return "a text object never ends: the stream is cut or damaged";
        if (page.Operations.Count == 0 && ContentBytes(page, document) > 0) return "its bytes decode to no drawing operation";
        return null;
    }

    private static long ContentBytes(Page page, PdfDocument document)
    {
        if (!page.Dictionary.TryGet(NameToken.Contents, out var contents)) return 0;
        var references = contents switch
        {
            IndirectReferenceToken single => [single],
            ArrayToken array => array.Data.OfType<IndirectReferenceToken>().ToList(),
            _ => new List<IndirectReferenceToken>(),
        };
        long total = 0;
        foreach (var reference in references)
            if (document.Structure.GetObject(reference.Data).Data is StreamToken stream) total += stream.Data.Length;
        return total;
    }
}
