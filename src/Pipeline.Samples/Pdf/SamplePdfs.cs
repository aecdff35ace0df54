using System.Globalization;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// The sample chamber's plan as PDFs, rendered from the same <see cref="SamplePlan"/> oracle as the workbooks:
/// an objective heading above a KPI table per operational objective, in a given style.
/// </summary>
public static class SamplePdfs
{
    /// <summary>The plan (objectives, KPIs, weights and 2021 targets; no values) as a PDF.</summary>
    public static byte[] Plan(SamplePlan plan, PdfStyle style) =>
        new TextDocumentRenderer(style).Render(Blocks(plan, null, "Obiettivi operativi e indicatori", null));

    /// <summary>The half-year monitoring (targets 2021 and values at 30/06/2021) as a PDF.</summary>
    public static byte[] FirstHalfMonitoring(SamplePlan plan, PdfStyle style) =>
        new TextDocumentRenderer(style).Render(Blocks(plan, SamplePeriods.FirstHalf2021, "Monitoraggio al 30/06/2021", "Valore al 30/06/2021"));

    /// <summary>The year-end report (targets and results 2021) as a PDF.</summary>
    public static byte[] YearReport(SamplePlan plan, PdfStyle style) =>
        new TextDocumentRenderer(style).Render(Blocks(plan, SamplePeriods.Year2021, "Relazione sulla performance - anno 2021", "Consuntivo 2021"));

    /// <summary>The document's blocks; without <paramref name="period"/> the tables have no value column.</summary>
    public static IReadOnlyList<DocumentBlock> Blocks(SamplePlan plan, string? period, string title, string? actualHeader)
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(plan.ChamberName, 1),
            new HeadingBlock($"Piano della Performance {plan.Cycle} - {title}", 2),
            new ParagraphBlock("Documento sintetico generato per dimostrazione: dati inventati."),
        };
        foreach (var strategic in plan.StrategicObjectives)
        {
            blocks.Add(new HeadingBlock($"Obiettivo strategico {strategic.Code} - {strategic.Title}", 2));
            foreach (var objective in plan.ObjectivesOf(strategic))
            {
                blocks.Add(new HeadingBlock($"Obiettivo operativo {objective.Code} - {objective.Title}", 3));
                IReadOnlyList<string> header = ["Indicatore", "Algoritmo", "Peso", "Target 2021", .. actualHeader is null ? Array.Empty<string>() : [actualHeader]];
                var rows = new List<IReadOnlyList<string>> { header };
                rows.AddRange(plan.KpisOf(objective).Select(k => (IReadOnlyList<string>)
                [
                    k.Name, k.Algorithm, k.Weight.ToString("0.##", CultureInfo.InvariantCulture) + "%", k.Target.Raw,
                    .. period is null ? Array.Empty<string>() : [Display(k.ActualFor(period))],
                ]));
                blocks.Add(new TableBlock(rows));
            }
        }
        return blocks;
    }

    /// <summary>An actual as a report prints it: Italian numbers, dates dd/mm/yyyy, SI/NO, status text; empty when missing.</summary>
    public static string Display(SampleActual? actual) => actual switch
    {
        null => "",
        { Number: { } n } => n.ToString("#,##0.##", CultureInfo.InvariantCulture).Replace(",", "\u0001").Replace(".", ",").Replace("\u0001", "."),
        { Date: { } d } => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        { Flag: { } f } => f ? "SI" : "NO",
        { Text: { } t } => t,
        _ => "",
    };
}
