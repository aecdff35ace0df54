using System.Text;

namespace Pipeline.Samples;

/// <summary>
/// Files a monitoring-workbook reader must refuse (or, for <see cref="HeaderNotFoundXlsx"/>, find no table in), with a
/// clear message. Deterministic: the same bytes on every call.
/// </summary>
public static class BadFiles
{
    /// <summary>The password of <see cref="PasswordProtectedXlsx"/>.</summary>
    public const string Password = "Molise2021";

    /// <summary>
    /// The half-year sample .xlsx cut in the middle (a failed download or copy): the zip has local entries but no central
    /// directory.
    /// </summary>
    public static byte[] CorruptXlsx()
    {
        var whole = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes;
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A ';'-separated CSV export saved with an .xlsx name (UTF-8, Italian decimals).</summary>
    public static byte[] CsvRenamedAsXlsx() => new UTF8Encoding(false).GetBytes(
        """
        Codice obiettivo;Indicatore;Peso;Target 2021;Valore al 30/06/2021
        OO.1.1;Dispositivi di firma digitale e SPID rilasciati alle imprese;40%;Almeno 1.800;1.034
        OO.1.1;Imprese che hanno attivato il fascicolo digitale d'impresa;60%;>= 12%;6,4%
        OO.1.2;Giorni medi di evasione delle istanze telematiche;50%;<= 5 gg;4,2

        """.ReplaceLineEndings("\r\n"));

    /// <summary>A zero-byte file.</summary>
    public static byte[] Empty() => [];

    /// <summary>
    /// The half-year sample .xlsx protected with <see cref="Password"/> as Excel does it: an OLE2 compound file with
    /// \u0006DataSpaces, EncryptionInfo (agile, version 4.4, XML descriptor: AES-256, SHA-512) and EncryptedPackage.
    /// </summary>
    public static byte[] PasswordProtectedXlsx()
    {
        var package = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes;
        return AgileEncryption.Protect(package, Password, seed: "Pipeline.Samples/BadFiles/PasswordProtectedXlsx");
    }

    /// <summary>
    /// A valid workbook with title rows and a filled table whose headers name none of the known columns (no
    /// Indicatore/KPI, no Target/Valore/Peso): there is data, but no recognisable header row.
    /// </summary>
    public static byte[] HeaderNotFoundXlsx() => XlsxWriter.Write([HeaderNotFoundSheet()], [8, 50, 14, 14, 14]);

    /// <summary>The sheet written by <see cref="HeaderNotFoundXlsx"/>.</summary>
    public static RenderedSheet HeaderNotFoundSheet()
    {
        string[] headers = ["N.", "Attività svolta", "Misura", "Soglia", "Esito 2021"];
        object[][] rows =
        [
            ["1", "Campagna di comunicazione sul fascicolo digitale", "n. uscite", 12d, 14d],
            ["2", "Incontri con le associazioni di categoria", "n. incontri", 6d, 5d],
            ["3", "Aggiornamento della carta dei servizi", "data", "30/09/2021", "28/09/2021"],
        ];
        var cells = new List<WrittenCell>
        {
            new(0, 0, "Camera di Commercio del Molise", Bold: true),
            new(1, 0, "Attività di supporto 2021", Bold: true),
        };
        for (var c = 0; c < headers.Length; c++) cells.Add(new WrittenCell(3, c, headers[c], Bold: true));
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++) cells.Add(new WrittenCell(4 + r, c, rows[r][c]));
        return new RenderedSheet("Attività", null, headers, [], null, [], cells);
    }

    /// <summary>The last row and column a worksheet can have: XFD1048576, zero-based.</summary>
    public const int LastRow = 1_048_575, LastColumn = 16_383;

    /// <summary>
    /// The cells per sheet a workbook reader accepts (Pipeline.Extraction's SheetGrid.DefaultMaxCells); the over-cap
    /// workbook holds one more.
    /// </summary>
    public const int MaxCellsPerSheet = 500_000;

    /// <summary>
    /// A 1-sheet .xlsx whose only cell is XFD1048576 (the number 1): its declared dimension is A1:XFD1048576, 17 billion
    /// cells a dense reader would allocate.
    /// </summary>
    public static byte[] FarCellXlsx() =>
        XlsxWriter.Write([new RenderedSheet("Foglio1", null, [], [], null, [], [new WrittenCell(LastRow, LastColumn, 1d)])], []);

    /// <summary>
    /// The half-year sample .xlsx with a stray cell (the text "x") at XFD1048576 of its table sheet, as a slip of the
    /// hand leaves one: the table reads as before.
    /// </summary>
    public static byte[] StrayCellXlsx()
    {
        var layout = SampleGenerator.FirstHalfLayout();
        var sheets = WorkbookRenderer.Render(SampleRegion.Molise(), layout).ToList();
        var table = sheets.FindIndex(s => s.HeaderRow is not null);
        sheets[table] = sheets[table] with { Cells = [.. sheets[table].Cells, new WrittenCell(LastRow, LastColumn, "x")] };
        return XlsxWriter.Write(sheets, layout.Columns.Select(c => c.Width).ToList(), layout.Strings);
    }

    /// <summary>
    /// A 1-sheet .xlsx with <see cref="MaxCellsPerSheet"/> + 1 numbers (1,001 rows of 500 columns; the last row shorter),
    /// over the limit per sheet.
    /// </summary>
    public static byte[] OverCapXlsx()
    {
        const int width = 500;
        var cells = new List<WrittenCell>(MaxCellsPerSheet + 1);
        for (var i = 0; i <= MaxCellsPerSheet; i++) cells.Add(new WrittenCell(i / width, i % width, (double)(i % 1000)));
        return XlsxWriter.Write([new RenderedSheet("Dati", null, [], [], null, [], cells)], []);
    }

    /// <summary>
    /// The annual sample .xls with a stray cell (the text "x") at IV65536, the last cell of a legacy sheet, on its
    /// table sheet: the table reads as before.
    /// </summary>
    public static byte[] StrayCellXls()
    {
        var layout = SampleGenerator.YearLayout();
        var sheets = WorkbookRenderer.Render(SampleRegion.Molise(), layout).ToList();
        var table = sheets.FindIndex(s => s.HeaderRow is not null);
        sheets[table] = sheets[table] with { Cells = [.. sheets[table].Cells, new WrittenCell(65_535, 255, "x")] };
        return XlsWriter.Write(sheets, layout.Columns.Select(c => c.Width).ToList());
    }
}
