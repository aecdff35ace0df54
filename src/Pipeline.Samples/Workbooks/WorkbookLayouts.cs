using Pipeline.Core.Extraction;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// The common workbook layouts a plan is found in, and the writer that turns a plan's content into a workbook in
/// one of them. Deterministic: the same content gives the same bytes.
/// </summary>
public static class WorkbookLayouts
{
    /// <summary>(a) wide, two-level header; (b) section rows; (c) typed table with an operator column; (d) legacy .xls; (e) long export.</summary>
    public static IReadOnlyList<PlanWorkbookLayout> All { get; } =
    [
        new WideTwoLevelLayout(),
        new SectionRowsLayout(),
        new TypedTableLayout(),
        new LegacyXlsLayout(),
        new LongExportLayout(),
    ];

    public static PlanWorkbookLayout Named(string name) =>
        All.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException($"unknown workbook layout '{name}'", nameof(name));

    /// <summary>The workbook of <paramref name="document"/> in <paramref name="layout"/>.</summary>
    public static WorkbookFile Write(ExtractedDocument document, PlanWorkbookLayout layout)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);
        var sheets = layout.Render(new PlanContent(document));
        var bytes = layout.Format == WorkbookFormat.Xls
            ? XlsWriter.Write(sheets, layout.ColumnWidths)
            : XlsxWriter.Write(sheets, layout.ColumnWidths);
        return new WorkbookFile(layout.FileName, layout.Format, bytes, sheets);
    }
}
