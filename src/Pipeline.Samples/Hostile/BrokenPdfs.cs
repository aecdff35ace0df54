using System.Text;
using Pipeline.Samples.Pdf;

namespace Pipeline.Samples.Hostile;

/// <summary>
/// PDFs broken in their structure rather than their bytes: the known bad PDFs (<see cref="BadPdfs"/>: truncated, no
/// pages, scanned, password-protected, not a PDF, a damaged content stream), the sample PDFs with their cross-reference
/// offset, stream lengths or object ends damaged, a header alone, and a page of more glyphs than the cap per page.
/// </summary>
public static class BrokenPdfs
{
    /// <summary>Glyphs drawn on the over-cap page: twice Pipeline.Extraction's PdfPigTextLayer.MaxGlyphsPerPage.</summary>
    public const int OverCapGlyphs = 200_000;

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        HostileFile Pdf(string name, string source, byte[] bytes) => HostileFile.Of($"pdf/{name}", HostileKinds.BrokenPdf, source, bytes);
        yield return Pdf("troncato.pdf", "BadPdfs", BadPdfs.Truncated());
        yield return Pdf("senza-pagine.pdf", "BadPdfs", BadPdfs.ZeroPages());
        yield return Pdf("scansione.pdf", "BadPdfs", BadPdfs.Scanned());
        yield return Pdf("protetto.pdf", "BadPdfs", BadPdfs.PasswordProtected());
        yield return Pdf("pagina-404.pdf", "BadPdfs", BadPdfs.NotAPdf());
        yield return Pdf("flusso-rotto.pdf", "BadPdfs", BadPdfs.CorruptContentStream());
        yield return Pdf("solo-intestazione.pdf", "header", "%PDF-1.7\n"u8.ToArray());
        yield return Pdf("troppi-glifi.pdf", "RawPdf", BadPdfs.ManyGlyphs(OverCapGlyphs));
        foreach (var source in sources.Where(s => s.Extension == ".pdf"))
        {
            var text = Encoding.Latin1.GetString(source.Bytes);
            HostileFile Broken(string suffix, string changed) =>
                HostileFile.Of(HostileFile.Named("pdf", source.Name, suffix), HostileKinds.BrokenPdf, source.Name, Encoding.Latin1.GetBytes(changed));
            var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
            yield return Broken("startxref-zero", text[..startxref] + "startxref\n0\n%%EOF\n");
            yield return Broken("startxref-past-end", text[..startxref] + "startxref\n99999999\n%%EOF\n");
            yield return Broken("no-xref", text.Replace("xref", "xxxx", StringComparison.Ordinal));
            yield return Broken("lengths-wrong", System.Text.RegularExpressions.Regex.Replace(text, @"/Length \d+", "/Length 7"));
            yield return Broken("no-endobj", text.Replace("endobj", "      ", StringComparison.Ordinal));
            yield return Broken("no-endstream", text.Replace("endstream", "         ", StringComparison.Ordinal));
            yield return Broken("pages-gone", text.Replace("/Pages", "/Pagez", StringComparison.Ordinal));
        }
    }
}
