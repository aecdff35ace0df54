using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Families.Generic;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// The general reader, for any layout no specific family knows: walks the document's rows of cells (the table kit's
/// <see cref="LayoutRow"/>s) in reading order; a row the header vocabulary recognises opens a KPI table
/// (<see cref="TableHeader"/>), read row by row until a new header, a key/value card or running text
/// (<see cref="KpiRow"/>); a row whose key is the KPI label opens a KPI card, filled by the rows below whose keys the same
/// vocabulary maps to KPI fields (<see cref="KpiCard"/>); objectives come from headings, cards and objective columns (<see cref="ObjectiveTracker"/>).
/// It answers with a confidence of exactly <see cref="PdfExtractor.MinimumConfidence"/>, so a specific family
/// that recognises a document wins.
/// </summary>
public sealed class GenericTableFamily(WorkbookHeaderConfig config) : IPdfFamily
{
    private readonly HeaderMatcher _matcher = new(config);

    public GenericTableFamily() : this(WorkbookHeaderConfig.Default) { }

    public string Name => "generic";

    public double Recognise(PdfLayout layout)
    {
        var rows = layout.Rows as IReadOnlyList<LayoutRow> ?? layout.Rows.ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (TableHeader.Match(rows[i], _matcher, config, null) is not null) return PdfExtractor.MinimumConfidence;
            // a KPI card: the KPI label and a field under it
            if (i + 1 < rows.Count && KpiCard.Open(rows[i], _matcher, null) is { } card && card.Take(rows[i + 1])) return PdfExtractor.MinimumConfidence;
        }
        return 0;
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        // cell by cell: a title's year is never the year of a table cell beside it ("… relazione sulla Performance | Anno:2023")
        var facts = DocumentFacts.Read(string.Join("\n", layout.Rows.Take(400).SelectMany(r => r.Cells).Select(LayoutRow.CellText)));
        var rows = layout.Rows.ToList();
        var objectives = new ObjectiveTracker();
        var kpis = new List<ExtractedKpi>();
        var warnings = new List<string>();
        var card = new ObjectiveCard();
        KpiCard? kpiCard = null;
        LayoutRow? heading = null;
        for (var i = 0; i < rows.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (kpiCard is not null && kpiCard.Take(rows[i])) continue;
            EndKpiCard(ref kpiCard, objectives, kpis, warnings, rows[i].Page);
            if (TableHeader.Match(rows[i], _matcher, config, facts.Year) is { } header)
            {
                card = EndCard(card, objectives);
                heading = null;
                i = new KpiTableReader(header, _matcher, config, facts.Year, objectives, kpis, warnings).Read(rows, i);
                continue;
            }
            if (KpiCard.Open(rows[i], _matcher, facts.Year) is { } opened)
            {
                card = EndCard(card, objectives);
                heading = null;
                kpiCard = opened;
                continue;
            }
            if (ObjectiveCard.KeyOf(rows[i]) is not null)
            {
                if (!card.Take(rows[i]))
                {
                    card = EndCard(card, objectives);
                    card.Take(rows[i]);
                }
                continue;
            }
            card = EndCard(card, objectives);
            if (objectives.TryHeading(rows[i])) heading = rows[i];
            else if (heading is not null && rows[i].Cells.Count == 1 && rows[i].Page == heading.Page
                     && rows[i].Box.Y0 - heading.Box.Y1 <= rows[i].Cells[0].Lines[0].LineHeight
                     && Math.Abs(rows[i].Cells[0].Lines[0].LineHeight - heading.Cells[^1].Lines[^1].LineHeight) < 0.5)
                objectives.ExtendTitle(rows[i].Text); // the heading's title wrapped onto this line (in the heading's type, not the body's)
            else heading = null;
        }
        EndKpiCard(ref kpiCard, objectives, kpis, warnings, rows.Count > 0 ? rows[^1].Page : 0);
        var hasActuals = kpis.Any(k => k.Actuals.Count > 0);
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = facts.Chamber,
                DocType = facts.Type(hasActuals).ToCode(),
                PeriodFrom = facts.CycleFrom ?? facts.Year, PeriodTo = facts.CycleTo ?? facts.Year,
            },
            Objectives = objectives.Objectives(kpis),
            Kpis = kpis,
            Warnings = warnings,
        };
    }

    private static void EndKpiCard(ref KpiCard? card, ObjectiveTracker objectives, List<ExtractedKpi> kpis, List<string> warnings, int page)
    {
        if (card is null) return;
        if (card.ToKpi("k" + (kpis.Count + 1).ToString(CultureInfo.InvariantCulture), objectives.Current) is { } kpi) kpis.Add(kpi);
        else warnings.Add($"page {page}: a KPI card without a name or any field is skipped");
        card = null;
    }

    private static ObjectiveCard EndCard(ObjectiveCard card, ObjectiveTracker objectives)
    {
        if (card.IsEmpty) return card;
        objectives.FromCard(card, SourceRef.ForPage(card.First!.Page, card.First.Box.ToArray()));
        return new ObjectiveCard();
    }
}
