namespace Pipeline.Samples.Hostile;

/// <summary>
/// Damaged files (the Relazione or the half-year workbook cut in half) under names a command line, a log or a format
/// string may trip on — quotes, semicolons, non-ASCII, braces and percent signs, a leading dash, spaces, a tab, a line
/// break, a very long name — and names a scan must skip with a reason (hidden, an Office lock file, no extension, unknown extension); and
/// the same damage at the bottom of folders nested 40 and 120 levels deep.
/// </summary>
public static class OddNames
{
    private static readonly string[] Names =
    [
        "relazione \"2021\".pdf", "relazione 'finale'.pdf", "relazione;2021;definitiva.pdf", "relazione, copia.pdf",
        "relazione è già più così.pdf", "Relazione Ελληνικά.pdf", "报告-2021.pdf", "relazione {0} {1}.pdf", "relazione %s %d %n.pdf",
        "-relazione.pdf", "relazione   spazi  .pdf", "relazione $(whoami) `id`.pdf", "relazione [1] (2) <3>.pdf", "RELAZIONE.PDF",
        "relazione.pdf.pdf", "relazione #1 & 2 | 3.pdf", "relazione\\barra.pdf", "relazione\ttab.pdf", "relazione\nsu due righe.pdf",
        new string('r', 200) + ".pdf",
        "monitoraggio \"semestre\";1.xlsx", "monitoraggio ü ñ ø.xlsx", "monitoraggio {Chamber}.xlsx",
        ".nascosto.pdf", "~$monitoraggio.xlsx", "senza-estensione", "relazione.docx", "note.txt",
    ];

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        var report = sources.First(s => s.Name.StartsWith("relazione", StringComparison.Ordinal));
        var workbook = sources.First(s => s.Extension == ".xlsx");
        foreach (var name in Names)
        {
            var source = name.EndsWith(".xlsx", StringComparison.Ordinal) ? workbook : report;
            yield return HostileFile.Of($"names/{name}", HostileKinds.OddName, source.Name, source.Bytes[..(source.Bytes.Length / 2)]);
        }
        foreach (var depth in new[] { 40, 120 })
        {
            var folder = string.Join('/', Enumerable.Range(1, depth).Select(i => $"d{i:000}"));
            yield return HostileFile.Of($"deep/{folder}/relazione-in-fondo.pdf", HostileKinds.DeepFolder, report.Name, report.Bytes[..(report.Bytes.Length / 2)]);
            yield return HostileFile.Of($"deep/{folder}/monitoraggio-in-fondo.xlsx", HostileKinds.DeepFolder, workbook.Name, workbook.Bytes[..(workbook.Bytes.Length / 3)]);
        }
    }
}
