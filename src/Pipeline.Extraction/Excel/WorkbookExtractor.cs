using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Monitoring workbooks (.xlsx and .xls, via ExcelDataReader): finds the KPI table of every sheet by its Italian
/// headers, wherever the header row sits in the first rows, and returns the canonical record with sheet!cell
/// provenance on every value.
/// </summary>
public sealed class WorkbookExtractor : IDocumentExtractor
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private readonly HeaderMatcher _matcher;
    private readonly SheetTableReader _tables;

    static WorkbookExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly int _maxCellsPerSheet;

    /// <param name="maxCellsPerSheet">Cells (values plus merged copies) per sheet past which the workbook is refused.</param>
    public WorkbookExtractor(WorkbookHeaderConfig? config = null, int maxCellsPerSheet = SheetGrid.DefaultMaxCells)
    {
        _maxCellsPerSheet = maxCellsPerSheet;
        _matcher = new HeaderMatcher(config ?? WorkbookHeaderConfig.Default);
        _tables = new SheetTableReader(_matcher);
    }

    public bool CanRead(InputFile file) =>
        file.StartsWith(ZipSignature) || file.StartsWith(OleSignature) || file.Extension is ".xlsx" or ".xls" or ".xlsm";

    public ExtractedDocument Extract(InputFile file, CancellationToken ct = default)
    {
        if (file.Bytes.Length == 0) throw new ExtractionException(file.Path, "empty file (0 bytes)");
        if (!file.StartsWith(ZipSignature) && !file.StartsWith(OleSignature))
            throw new ExtractionException(file.Path, $"not a workbook: the content is neither .xlsx (zip) nor .xls (OLE2){DescribeContent(file.Bytes)}");

        var sheets = ReadSheets(file, ct);
        var into = new WorkbookAccumulator();
        var tables = sheets.Select(g => (Grid: g, HeaderRow: _matcher.FindHeaderRow(g))).ToList();
        // A sheet without a table (a cover, instructions) may still name the chamber, the document and its years.
        var cover = string.Join("\n", tables.Where(t => t.HeaderRow is null).Select(t => CoverText(t.Grid)));
        var coverCycle = PlanCycle.Find(cover);
        var contexts = new List<SheetContext>();
        foreach (var (grid, found) in tables)
        {
            ct.ThrowIfCancellationRequested();
            if (found is not { } headerRow)
            {
                // A sheet of text only (instructions, notes) is expected; one with numbers may be a table we missed.
                if (grid.HasNumbers) into.Warnings.Add($"sheet '{grid.Name}': no KPI table (no header row with Indicatore/KPI and Target/Valore/Peso in the first rows); skipped");
                continue;
            }
            var context = SheetContext.Read(grid, headerRow, _matcher);
            if (context.CycleFrom is null && coverCycle is { } cycleOnCover)
                context = context with { CycleFrom = cycleOnCover.From, CycleTo = cycleOnCover.To };
            contexts.Add(context);
            _tables.Read(grid, headerRow, context, into);
        }
        if (contexts.Count == 0)
            throw new ExtractionException(file.Path, "no KPI table found: no sheet has a header row naming an indicator (Indicatore/KPI) and a target, value or weight column in its first rows");

        var titles = string.Join("\n", contexts.Select(c => c.TitleText).Append(cover));
        var years = contexts.SelectMany(c => new[] { c.CycleFrom, c.CycleTo, c.Year }).OfType<int>().ToList();
        var cycle = contexts.FirstOrDefault(c => c.CycleFrom is not null);
        var usedObjectives = UsedObjectives(into);
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = Path.GetFileName(file.Path),
                Sha256 = file.Sha256,
                Format = file.StartsWith(ZipSignature) ? "xlsx" : "xls",
                Family = "workbook",
                Chamber = ChamberResolver.FindInText(titles)?.Name,
                DocType = DocType(titles, into).ToCode(),
                PeriodFrom = cycle?.CycleFrom ?? (years.Count > 0 ? years.Min() : null),
                PeriodTo = cycle?.CycleTo ?? (years.Count > 0 ? years.Max() : null),
                Pages = sheets.Count,
            },
            Objectives = into.Objectives.Where(o => usedObjectives.Contains(o.Id)).ToList(),
            Kpis = into.Kpis,
            Warnings = into.Warnings,
        };
    }

    /// <summary>
    /// Every sheet, sparse and within its real used range: for an .xlsx the cells holding a value are indexed first
    /// (<see cref="XlsxCellIndex"/>) and only those are read, so neither the declared dimension nor a stray cell at
    /// XFD1048576 sizes anything; a sheet past the cell limit is refused with one line.
    /// </summary>
    private List<SheetGrid> ReadSheets(InputFile file, CancellationToken ct)
    {
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            var index = file.StartsWith(ZipSignature) ? XlsxCellIndex.Scan(stream, _maxCellsPerSheet) : null;
            stream.Position = 0;
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<SheetGrid>();
            do
            {
                ct.ThrowIfCancellationRequested();
                var present = index is not null && index.TryGetValue(reader.Name ?? "", out var cells) ? cells : null;
                sheets.Add(SheetGrid.Read(reader, _maxCellsPerSheet, present));
            } while (reader.NextResult());
            return sheets;
        }
        catch (WorkbookLimitException ex)
        {
            throw new ExtractionException(file.Path, ex.Message, ex);
        }
        catch (InvalidPasswordException ex)
        {
            throw new ExtractionException(file.Path, "password-protected workbook: it cannot be read without its password (save an unprotected copy)", ex);
        }
        catch (Exception ex) when (ex is HeaderException or InvalidDataException or ExcelReaderException or EndOfStreamException
                                      or ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException
                                      or NotSupportedException or IOException or System.Xml.XmlException)
        {
            throw new ExtractionException(file.Path, $"corrupt or unreadable workbook: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>Objectives that hold a KPI, and their ancestors. Heading rows without KPIs are not objectives.</summary>
    private static HashSet<string> UsedObjectives(WorkbookAccumulator into)
    {
        var byId = into.Objectives.ToDictionary(o => o.Id);
        var used = new HashSet<string>();
        foreach (var kpi in into.Kpis)
        {
            for (var id = kpi.Objective; id is not null && used.Add(id); id = byId[id].Parent) { }
        }
        return used;
    }

    /// <summary>The text of a sheet without a table, its first rows joined.</summary>
    private static string CoverText(SheetGrid grid)
    {
        var lines = new List<string>();
        for (var r = 0; r < Math.Min(grid.Height, 30); r++)
            lines.Add(string.Join(" ", grid.Columns(r).Select(c => CellValues.Display(grid[r, c])).Where(t => t.Length > 0).Distinct()));
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    private static DocumentType DocType(string titles, WorkbookAccumulator into)
    {
        var normalized = TextKey.Normalize(titles);
        if (normalized.Contains("relazione")) return DocumentType.Relazione;
        if (normalized.Contains("monitoraggio") || into.Kpis.Any(k => k.Actuals.Count > 0)) return DocumentType.Monitoraggio;
        if (normalized.Contains("piano")) return DocumentType.Piano;
        return DocumentType.Other;
    }

    private static string DescribeContent(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 512));
        if (head.StartsWith("%PDF"u8)) return " (it is a PDF)";
        var printable = 0;
        foreach (var b in head) if (b is 9 or 10 or 13 || (b >= 32 && b != 127)) printable++;
        if (printable < head.Length * 0.95) return "";
        var text = Encoding.UTF8.GetString(head);
        return text.Contains(';') || text.Contains(',') || text.Contains('\t')
            ? " (it is a text file, probably a CSV renamed as a workbook)"
            : " (it is a text file)";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
