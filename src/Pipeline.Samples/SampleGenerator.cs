using System.Text;

namespace Pipeline.Samples;

/// <summary>
/// Writes the synthetic sample region (sample-data/): the Molise chamber's monitoring workbooks, each exercising
/// real-world traps. Deterministic: the same bytes on every run.
/// </summary>
public static class SampleGenerator
{
    /// <summary>Folder of the Molise chamber under the output directory.</summary>
    public const string MoliseFolder = "molise";

    public const string FirstHalfXlsx = MoliseFolder + "/monitoraggio-2021-semestre1.xlsx";
    public const string YearXls = MoliseFolder + "/monitoraggio-2021-consuntivo.xls";

    /// <summary>Renders one workbook of <paramref name="plan"/> in <paramref name="layout"/>.</summary>
    public static WorkbookFile Render(SamplePlan plan, WorkbookLayout layout)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(layout);
        var sheets = WorkbookRenderer.Render(plan, layout);
        var widths = layout.Columns.Select(c => c.Width).ToList();
        var bytes = layout.Format switch
        {
            WorkbookFormat.Xlsx => XlsxWriter.Write(sheets, widths, layout.Strings),
            WorkbookFormat.Xls => XlsWriter.Write(sheets, widths),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout.Format, "unknown format"),
        };
        return new WorkbookFile(layout.FileName, layout.Format, bytes, sheets);
    }

    /// <summary>The committed sample workbooks of the Molise chamber.</summary>
    public static IReadOnlyList<WorkbookFile> RenderAll()
    {
        var plan = SampleRegion.Molise();
        return Layouts().Select(l => Render(plan, l)).ToList();
    }

    /// <summary>How many documents <see cref="Generate"/> writes (workbooks and PDFs; the README not counted).</summary>
    public static int DocumentCount => RenderAll().Count + RenderPdfs().Count + FeedFileNames.Count;

    public const string PracticesFeed = MoliseFolder + "/feeds/" + Feeds.FeedFiles.SamplePracticesFileName;
    public const string CompaniesFeed = MoliseFolder + "/feeds/" + Feeds.FeedFiles.SampleCompaniesFileName;

    /// <summary>The registry feeds of the sample region (paths under the output folder).</summary>
    public static IReadOnlyList<string> FeedFileNames { get; } = [PracticesFeed, CompaniesFeed];

    /// <summary>
    /// The registry feeds: a Priamo-style practice export of 2021–2022 (≈200,000 practices; ';', Windows-1252,
    /// times after the registration dates) and an InfoCamere-style company list at 31/12/2022 (≈60,000 companies;
    /// ';', UTF-8 with BOM), both calibrated on the sample plan's registry KPIs.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> RenderFeeds() =>
        [(PracticesFeed, Feeds.FeedFiles.SamplePractices()), (CompaniesFeed, Feeds.FeedFiles.SampleCompanies())];

    /// <summary>
    /// How many of the documents a first ingest of the folder reports as superseding rather than new: the half-year
    /// monitoring is there twice, as PDF and as workbook, with the same logical key (chamber, type, years, 2021-S1);
    /// files are read in path order, so the workbook, read after the PDF, supersedes it.
    /// </summary>
    public const int SupersedingOnFirstIngest = 1;

    public const string PlanPdf = MoliseFolder + "/piano-2021-2023.pdf";
    public const string FirstHalfPdf = MoliseFolder + "/monitoraggio-2021-semestre1.pdf";
    public const string ReportPdf = MoliseFolder + "/relazione-2021.pdf";

    /// <summary>Style of the committed plan: A4 portrait, Helvetica 9, bordered tables.</summary>
    public static Pdf.PdfStyle PlanPdfStyle() => new();

    /// <summary>Style of the committed half-year monitoring PDF: Helvetica 9, tables on 80% of the width (cells wrap more), "Pagina N di M" footers.</summary>
    public static Pdf.PdfStyle FirstHalfPdfStyle() => new() { TableWidth = 0.8, PageNumbers = true };

    /// <summary>
    /// Style of the committed year report: A4 landscape, Times 10, half-inch margins with a running header and
    /// "Pagina N di M" footers in them.
    /// </summary>
    public static Pdf.PdfStyle ReportPdfStyle() => new()
    {
        Font = "Times-Roman", FontSize = 10, Landscape = true, Margin = 36,
        RunningHeader = "Camera di Commercio del Molise - Relazione 2021", PageNumbers = true,
    };

    /// <summary>
    /// The sample PDFs: the plan in Integra's plan-export layout (integra-piano family), the half-year monitoring in
    /// the generic table layout (generic family; the same data as the half-year workbook, so one supersedes the
    /// other) and the year report in Integra's Relazione layout with printed scores (integra-relazione family).
    /// </summary>
    public static IReadOnlyList<(string FileName, byte[] Bytes)> RenderPdfs()
    {
        var plan = SampleRegion.Molise();
        return
        [
            (PlanPdf, Pdf.IntegraPianoLayout.Render(plan, PlanPdfStyle())),
            (FirstHalfPdf, Pdf.SamplePdfs.FirstHalfMonitoring(plan, FirstHalfPdfStyle())),
            (ReportPdf, Pdf.IntegraRelazioneLayout.Render(plan, ReportPdfStyle())),
        ];
    }

    /// <summary>The layouts of the committed samples.</summary>
    public static IReadOnlyList<WorkbookLayout> Layouts() => [FirstHalfLayout(), YearLayout()];

    /// <summary>
    /// Writes the sample region under <paramref name="outputDir"/> and returns the paths written (the workbooks, then
    /// a README describing them). Existing files with the same names are overwritten.
    /// </summary>
    public static IReadOnlyList<string> Generate(string outputDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        var written = new List<string>();
        var files = RenderAll();
        foreach (var file in files)
        {
            var path = Path.Combine(outputDir, file.FileName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Bytes);
            written.Add(path);
        }
        foreach (var (name, bytes) in RenderPdfs().Concat(RenderFeeds()))
        {
            var path = Path.Combine(outputDir, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }
        var readme = Path.Combine(outputDir, "README.md");
        File.WriteAllText(readme, Readme(), new UTF8Encoding(false));
        written.Add(readme);
        return written;
    }

    /// <summary>
    /// Half-year monitoring, .xlsx: one sheet per strategic objective plus an instructions sheet first; title rows
    /// naming chamber, plan and period; header on row 7; objective code/title merged down; percent cells (0.0%) and
    /// weights as 0% cells; numbers as Italian text mixed with numeric cells; targets as text; blank rows between
    /// objectives; a legend under the table; one KPI with its half-year value missing.
    /// </summary>
    public static WorkbookLayout FirstHalfLayout() => new()
    {
        FileName = FirstHalfXlsx,
        Format = WorkbookFormat.Xlsx,
        Period = SamplePeriods.FirstHalf2021,
        TitleLines =
        [
            "{chamber}",
            "Piano della Performance {cycle}",
            "Monitoraggio al 30/06/2021",
            "",
            "Obiettivo strategico {strategicCode} - {strategicTitle}",
        ],
        HeaderRow = 6,
        Columns =
        [
            new(SampleColumn.ObjectiveCode, "Codice obiettivo", 10),
            new(SampleColumn.Objective, "Obiettivo", 40),
            new(SampleColumn.Kpi, "Indicatore", 45),
            new(SampleColumn.Algorithm, "Algoritmo", 40),
            new(SampleColumn.Weight, "Peso", 8),
            new(SampleColumn.Target, "Target 2021", 16),
            new(SampleColumn.Actual, "Valore al 30/06/2021", 14),
            new(SampleColumn.Notes, "Note", 30),
            new(SampleColumn.Source, "Fonte", 24),
        ],
        Sheets = SheetSplit.PerStrategicObjective,
        InstructionsSheetName = "Istruzioni",
        InstructionsFirst = true,
        InstructionLines =
        [
            "Istruzioni per la compilazione",
            "",
            "1. Ogni foglio riporta gli obiettivi operativi di un obiettivo strategico del Piano.",
            "2. Per ciascuna riga inserire il valore rilevato alla data del monitoraggio, senza modificare le colonne.",
            "3. Le percentuali vanno inserite come valore percentuale (es. 70,5%); le date nel formato gg/mm/aaaa.",
            "4. Se il dato non è ancora disponibile lasciare la cella vuota e spiegarne il motivo nella colonna delle note.",
            "",
            "Riferimento: Ufficio Pianificazione e Controllo di gestione",
        ],
        ObjectiveCells = ObjectiveCells.Merged,
        MergeTitles = true,
        BlankRowBetweenObjectives = true,
        LegendLines =
        [
            "Legenda: n. = numero; gg = giorni lavorativi; i valori percentuali sono calcolati sul periodo 01/01-30/06/2021.",
            "Legenda: celle vuote = dato non disponibile alla data del monitoraggio.",
        ],
        BlankRowsBeforeLegend = 2,
        Values = ValueCells.Mixed,
        PercentCells = true,
        PercentFormat = "0.0%",
        Weights = WeightCells.PercentFormat,
        Targets = TargetCells.Text,
        Dates = DateCells.Text,
        Strings = XlsxStrings.Shared,
    };

    /// <summary>
    /// Annual results, .xls: one table sheet for the whole plan with a strategic-objective column, header on row 4,
    /// another column order and other synonyms; strategic and objective cells merged down; percent cells (0.00%);
    /// weights as plain numbers; targets mixed (numeric, percent and date cells, and text); deadline actuals as
    /// date cells; notes in a last sheet without a table; "N.B."/"Fonte:" legend.
    /// </summary>
    public static WorkbookLayout YearLayout() => new()
    {
        FileName = YearXls,
        Format = WorkbookFormat.Xls,
        Period = SamplePeriods.Year2021,
        TitleLines =
        [
            "{CHAMBER}",
            "Piano della Performance {cycle} - Consuntivo degli obiettivi operativi al 31/12/2021",
        ],
        HeaderRow = 3,
        Columns =
        [
            new(SampleColumn.StrategicObjective, "Obiettivo strategico", 30),
            new(SampleColumn.ObjectiveCode, "Cod. obiettivo", 10),
            new(SampleColumn.Objective, "Obiettivo operativo", 40),
            new(SampleColumn.Kpi, "KPI", 45),
            new(SampleColumn.Algorithm, "Formula", 40),
            new(SampleColumn.Unit, "U.M.", 8),
            new(SampleColumn.Weight, "Peso %", 8),
            new(SampleColumn.Target, "Target", 14),
            new(SampleColumn.Actual, "Consuntivo 2021", 14),
            new(SampleColumn.Source, "Fonte dati", 24),
            new(SampleColumn.OrgUnit, "Struttura", 30),
        ],
        Sheets = SheetSplit.Single,
        SingleSheetName = "Obiettivi operativi 2021",
        InstructionsSheetName = "Note metodologiche",
        InstructionsFirst = false,
        InstructionLines =
        [
            "Note metodologiche",
            "I valori a consuntivo sono validati dall'Organismo Indipendente di Valutazione.",
            "Per gli obiettivi con scadenza è indicata la data di effettiva realizzazione.",
            "Il grado di raggiungimento è calcolato in rapporto al target annuale.",
        ],
        ObjectiveCells = ObjectiveCells.Merged,
        MergeTitles = true,
        BlankRowBetweenObjectives = false,
        LegendLines =
        [
            "N.B. I pesi sono espressi in percentuale sul totale dell'obiettivo operativo.",
            "Fonte: elaborazioni dell'Ufficio Controllo di gestione su dati gestionali dell'ente.",
        ],
        BlankRowsBeforeLegend = 1,
        Values = ValueCells.Numeric,
        PercentCells = true,
        PercentFormat = "0.00%",
        Weights = WeightCells.Number,
        Targets = TargetCells.Mixed,
        Dates = DateCells.DateFormat,
    };

    private static string Readme() =>
        """
        # sample-data

        A synthetic region for demos and tests, written by `Pipeline.Samples` (`pipeline samples generate`).
        Do not edit by hand: regenerate (the output is byte-identical on every run). The PDFs are written with PdfPig's
        document builder in embedded subsets of Liberation Sans and Serif (Helvetica's and Times' widths). The model the files are rendered from (the test oracle) is
        `SampleRegion.Molise()`; every name, objective, KPI and number in it is invented.

        ## molise/ — Camera di Commercio del Molise (CBIS), Piano della Performance 2021-2023

        | File | Period | Traps |
        |------|--------|-------|
        | `monitoraggio-2021-semestre1.xlsx` | 2021-S1 | instructions sheet first (no table); one sheet per strategic objective; title rows (chamber, plan, "Monitoraggio al 30/06/2021", strategic objective) above a header on row 7; headers "Codice obiettivo, Obiettivo, Indicatore, Algoritmo, Peso, Target 2021, Valore al 30/06/2021, Note, Fonte"; objective code and title merged down over their KPIs; values as Italian text ("1.034", "6,4%", "112.450,5", "4,2") mixed with numeric cells (percentages as 0.825 with format 0.0%, counts with #,##0); weights as 0.4 with format 0%; targets as text (">= 70%", "Almeno 120", "<= 5 gg", "Entro 30/10/2021", "SI", "≥ 12%"); deadline actuals as text dates; a status text ("In corso"); blank rows between objectives; "Legenda:" rows under the table; IND.3.2.1 has no half-year value (empty cell). |
        | `monitoraggio-2021-semestre1.pdf` | 2021-S1 | the same half-year monitoring sent again as a PDF, in the generic table layout (generic family): objective headings (strategic, then operational, titles wrapping) above bordered tables "Indicatore, Algoritmo, Peso, Target 2021, Valore al 30/06/2021" on 80% of the page width, so cells wrap over several lines; "Pagina N di M" footers; IND.3.2.1 empty, IND.1.2.3 "In corso". Same chamber, type, plan years and period as the workbook: one logical document sent twice (see below). |
        | `piano-2021-2023.pdf` | 2021-2023 | the plan in the layout of Integra's plan export (integra-piano family): a title naming chamber and cycle, then "Obiettivo strategico: OS.1 …" and "Obiettivo operativo: OO.1.1 …" headings (titles wrapping) each with a description, "Unità organizzative coinvolte" with one unit per line, "KPI Associati" and a table "Indicatori testo, Algoritmo, Peso, Stato, Target": weights as bare numbers, Stato (the baseline) "---", targets per year "Anno: 2021 >= 1.800", "Anno: 2021 >= 12%", deadlines "Anno: 2021 <= 30/09/2021" ("%" is the only unit printed); the strategic objectives have no KPI table; A4 portrait, Helvetica. |
        | `relazione-2021.pdf` | 2021 | the year report in the layout of Integra's Relazione (integra-relazione family): "Relazione sulla performance - anno 2021", a premise; section 3.1 with a card per strategic objective, section 3.2 with an "OS.1 - …" heading per strategic objective and under it a card per operational objective (label column "Obiettivo operativo", "Descrizione" left empty, "Unità organizzative coinvolte", "Risultato misurato obiettivo", "Valutazione obiettivo") followed by a table "Indicatore, Algoritmo, Peso, Target 2021, Consuntivo 2021, Scostamento rispetto al target" with values the Integra way (">= 1.800,00 N.", "13,10 %", "Entro 30/09/2021" met on "15/09/2021", "-15,00 gg", "-" for no deviation); header cells wrap; a card cut by a page break; the scores printed follow a stated rule (a KPI scores consuntivo/target, target/consuntivo for maximum targets, at most 100%; deadlines and SI/NO 100% or 0%; an operational objective the KPI-weighted mean, a strategic one the mean of its operational objectives: all 100% in 2021); a document of one year (2021-2021) that the warehouse attaches to the plan 2021-2023; A4 landscape, Times, half-inch margins holding a running header and "Pagina N di M" footers to ignore. |
        | `monitoraggio-2021-consuntivo.xls` | 2021 | BIFF8; one table sheet for the whole plan with a notes sheet last; two title rows and a header on row 4; other order and synonyms "Obiettivo strategico, Cod. obiettivo, Obiettivo operativo, KPI, Formula, U.M., Peso %, Target, Consuntivo 2021, Fonte dati, Struttura"; strategic objective and objective cells merged down; numeric values with percentages as fractions (0.705 with format 0.00%); weights as plain numbers (40); targets alternately numeric cells (0.12 as 0%, 1800 as #,##0, a date cell for a deadline; the operator is not in the cell) and text; deadline actuals as date cells (dd/mm/yyyy); "N.B." and "Fonte:" rows under the table. |

        ### The same monitoring sent twice

        A chamber often sends the half-year monitoring both as the workbook it was filled in and as a PDF of it.
        `monitoraggio-2021-semestre1.xlsx` and `monitoraggio-2021-semestre1.pdf` have the same logical key (chamber CBIS,
        type monitoraggio, plan 2021-2023, reported period 2021-S1), so the warehouse keeps one current version: files
        are read in path order, the PDF is loaded first and the workbook supersedes it (`pipeline demo` reports
        "6 new, 1 superseding", the two feeds included). The data are identical, so the KPIs show the same half-year values either way; the
        PDF's facts stay as history.

        ## molise/feeds/ — registry feeds (docs/feeds.md)

        | File | Rows | Traps |
        |------|------|-------|
        | `pratiche-registro-imprese-2021-2022.csv` | ≈200,000 practices registered in 2021–2022 | Priamo-style export: `;`-separated, Windows-1252, "Data protocollo" with a time ("12/03/2021 09:41"), empty "Data evasione" for practices not closed, "Giorni sospensione" empty when 0; statuses EVASA, SOSPESA, RESPINTA, ANNULLATA, IN LAVORAZIONE; practices registered in December and closed in January; no registrations on Sundays. Bound in `config/metrics.json` (by KPI name: the documents print no KPI codes) to IND.1.2.1 (mean processing days) and IND.1.2.2 (share closed within 5 working days, net of suspension, patron saint 23 April) for 2021-S1, 2021, 2022-S1, 2022. |
        | `elenco-imprese-2022-12-31.csv` | ≈60,000 companies at 31/12/2022 | InfoCamere-style list: `;`-separated, UTF-8 with BOM, names with apostrophes and accents, quoted where they hold the separator; sole proprietorships (a person's codice fiscale and name: hashed and dropped on load), ceased and liquidated companies, special sections START-UP INNOVATIVA and PMI INNOVATIVA, cassetto digitale S/N with activation dates. Bound to IND.1.1.2 (cassetto share of active companies) for 2021 and 2022. |

        The feeds are calibrated on the plan's registry KPIs, so the values computed from them land near the ones the
        monitoring reports (e.g. 82.9% of 2021-S1 practices closed within five working days against the 82.5% the
        workbook reports). Where a document reports a value, it stays the current actual; the computed measurement is
        kept beside it (see `pipeline trace`), and it is the actual for the periods no document reports (2022).

        """.ReplaceLineEndings("\n");
}
