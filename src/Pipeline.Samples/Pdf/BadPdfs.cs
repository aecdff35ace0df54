namespace Pipeline.Samples.Pdf;

/// <summary>PDFs that a chamber's folder will sooner or later contain: each must give a clear one-line error.</summary>
public static class BadPdfs
{
    private static readonly IReadOnlyList<PdfTextLine> Page =
    [
        new(56, 60, "Camera di Commercio del Molise", 14),
        new(56, 90, "Indicatore        Target 2021        Consuntivo 2021"),
        new(56, 110, "Visure rilasciate        >= 400        410"),
    ];

    /// <summary>A valid one-page PDF with text (the control case).</summary>
    public static byte[] Valid() => MinimalPdf.Write([Page]);

    /// <summary>The valid PDF cut in the middle (a download or copy that stopped).</summary>
    public static byte[] Truncated()
    {
        var bytes = Valid();
        return bytes[..(bytes.Length / 2)];
    }

    /// <summary>A PDF whose page tree has no pages.</summary>
    public static byte[] ZeroPages() => MinimalPdf.Write([]);

    /// <summary>A scan: pages with drawings but no text layer (here a grey box where the scanned image would be).</summary>
    public static byte[] Scanned() => MinimalPdf.Build(["0.8 g 40 40 515 760 re f\n", "0.8 g 40 40 515 760 re f\n"], null, []);

    /// <summary>
    /// Protected with a user password: the Standard security handler (revision 2) with a /U entry that the empty
    /// password does not open, as a reader without the password sees it.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var u = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37 + 11) % 256).ToString("X2")));
        var o = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 53 + 7) % 256).ToString("X2")));
        var content = MinimalPdf.Content(Page);
        // object 6 (after catalog, pages, font, page, content) is the encryption dictionary
        return MinimalPdf.Build([content], "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
            [$"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>"]);
    }

    /// <summary>A long document: <paramref name="pages"/> pages of running text and a small table.</summary>
    public static byte[] ManyPages(int pages = 500) => MinimalPdf.Write(
        Enumerable.Range(1, pages).Select(p => (IReadOnlyList<PdfTextLine>)
        [
            new(56, 40, "Relazione sulla gestione - allegato statistico"),
            new(56, 80, $"Sezione {p}: andamento dei servizi camerali nel periodo di riferimento."),
            new(56, 100, $"Pratiche ricevute {p * 7}        Pratiche evase {p * 6}        Giacenza {p}"),
            new(280, 800, $"Pagina {p} di {pages}"),
        ]).ToList());
}
