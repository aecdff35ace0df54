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
    public static byte[] Valid() => TextPages.Write([Page]);

    /// <summary>The valid PDF cut in the middle (a download or copy that stopped).</summary>
    public static byte[] Truncated()
    {
        var bytes = Valid();
        return bytes[..(bytes.Length / 2)];
    }

    /// <summary>A PDF whose page tree has no pages.</summary>
    public static byte[] ZeroPages() => TextPages.Write([]);

    /// <summary>A scan: pages with drawings but no text layer (here a grey box where the scanned image would be).</summary>
    public static byte[] Scanned()
    {
        using var canvas = new PdfCanvas();
        for (var i = 0; i < 2; i++) canvas.Rectangle(canvas.AddPage(), 40, PdfCanvas.A4Height - 800, 515, 760, fill: true);
        return canvas.Build();
    }

    /// <summary>
    /// Protected with a user password: the Standard security handler (revision 2) with a /U entry that the empty
    /// password does not open, as a reader without the password sees it.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var u = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37 + 11) % 256).ToString("X2")));
        var o = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 53 + 7) % 256).ToString("X2")));
        var content = RawPdf.Content(Page);
        // object 6 (after catalog, pages, font, page, content) is the encryption dictionary
        return RawPdf.Build([content], "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
            [$"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>"]);
    }

    /// <summary>A long document: <paramref name="pages"/> pages of running text and a small table.</summary>
    public static byte[] ManyPages(int pages = 500) => TextPages.Write(
        Enumerable.Range(1, pages).Select(p => (IReadOnlyList<PdfTextLine>)
        [
            new(56, 40, "Relazione sulla gestione - allegato statistico"),
            new(56, 80, $"Sezione {p}: andamento dei servizi camerali nel periodo di riferimento."),
            new(56, 100, $"Pratiche ricevute {p * 7}        Pratiche evase {p * 6}        Giacenza {p}"),
            new(280, 800, $"Pagina {p} di {pages}"),
        ]).ToList());

    /// <summary>Not a PDF at all: the HTML error page a failed download saves under the document's name.</summary>
    public static byte[] NotAPdf() => System.Text.Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Documento non trovato</h1></body></html>\n");

    /// <summary>
    /// Three pages whose second content stream is damaged: it stops inside a string, so a reader gets none of that
    /// page's text (pages 1 and 3 are sound).
    /// </summary>
    public static byte[] CorruptContentStream() => RawPdf.Build(
    [
        RawPdf.Content([new(56, 60, "Prima pagina: indicatori di efficienza")]),
        "BT /F1 10 Tf 56 770 Td (Seconda pagina: il flusso si interrompe qui \\",
        RawPdf.Content([new(56, 60, "Terza pagina: indicatori di efficacia")]),
    ], null, []);

    /// <summary>
    /// Three pages whose second one is pathological: a form XObject nested <paramref name="depth"/> levels deep, each
    /// level drawing the next one twice, so the one line of text at the bottom is drawn 2^depth times (a small file
    /// that takes a reader seconds to hours: 16 levels give about a million glyphs).
    /// </summary>
    public static byte[] NestedForms(int depth = 16)
    {
        // objects 1 catalog, 2 pages, 3 font, 4-9 the three pages and their contents; the forms follow: X0 = 10, Xk = 10 + k
        const int first = 10;
        var text = "BT /F1 8 Tf 56 400 Td (Valore ripetuto) Tj ET";
        var forms = new List<string> { Form(text, $"/Font << /F1 3 0 R >>") };
        for (var level = 1; level <= depth; level++)
            forms.Add(Form("q /X Do Q q 1 0 0 1 0.01 0.01 cm /X Do Q", $"/XObject << /X {first + level - 1} 0 R >>"));
        var pages = new[] { RawPdf.Content([new(56, 60, "Prima pagina")]), "/Deep Do\n", RawPdf.Content([new(56, 60, "Terza pagina")]) };
        return RawPdf.Build(pages, null, forms, resources: $"/XObject << /Deep {first + depth} 0 R >>");

        static string Form(string content, string resources) =>
            $"<< /Type /XObject /Subtype /Form /BBox [0 0 600 850] /Resources << {resources} >> /Length {content.Length} >>\nstream\n{content}\nendstream";
    }

    /// <summary>
    /// One page drawing <paramref name="glyphs"/> glyphs in lines of 100 letters (1-point type, so they fit on A4): a small
    /// file whose page is as heavy as the count says.
    /// </summary>
    public static byte[] ManyGlyphs(int glyphs)
    {
        var content = new System.Text.StringBuilder("BT /F1 1 Tf 10 830 Td 0.4 TL\n");
        for (var left = glyphs; left > 0; left -= 100) content.Append('(').Append('x', Math.Min(100, left)).Append(") '\n");
        content.Append("ET");
        return RawPdf.Build([content.ToString()], null, []);
    }
}
