using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

using Pipeline.Extraction.Pdf.Families.PianoIndicatori;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// Plans made of objective cards, each closed by an "INDICATORI" table (the Brescia layout): an
/// <c>AREA STRATEGICA n</c> heading, then <c>OBIETTIVO STRATEGICO n.n</c> cards whose table "INDICATORI OBIETTIVO
/// STRATEGICO" has one "Risultato atteso al YYYY" column and one "Peso %" column per plan year, then
/// <c>OBIETTIVO OPERATIVO n.n.n</c> cards whose table has the checkpoints "Risultato atteso al 30/6" and "al 31/12"
/// of the plan's first year and one "Peso %". Every card carries "Peso NN%" (the objective's weight), a "Bilancio"
/// row (Missione / Programma codes) and "Aree e uffici coinvolti". A special agency ("AZIENDA SPECIALE …") may follow
/// with its own numbered operational cards.
/// </summary>
/// <remarks>
/// <para>Only the cards are read: the summary tree and the summary tables that repeat the KPIs before them have no
/// "Peso" under their headings and are skipped, so a KPI printed twice is read once, from its card. A heading opens
/// a card only when a "Peso NN%" follows it before the card's first row ("Bilancio", a table, the next heading).</para>
/// <para>A table is found by its header (a line starting "Indicatore" with a "Risultato" word); the header words
/// Indicatore / Target / Risultato / Peso fix the columns (<see cref="TableColumns"/>) and the text of each
/// "Risultato" column the period it holds. Rows start at the row number (1, 2, … in the first column, alone or
/// before the name); anything else continues the row, across page breaks, until a section title ends the table.
/// A "Peso" column right after a "Risultato" column is the weight of that period's target.</para>
/// </remarks>
public sealed class PianoIndicatoriFamily : IPdfFamily
{
    public string Name => "piano-indicatori";

    public double Recognise(PdfLayout layout)
    {
        int tables = 0, strategicTables = 0, cardWeights = 0, documentation = 0;
        foreach (var line in layout.Lines)
        {
            var key = line.Key;
            if (IndicatorTables.IsHeader(key)) tables++;
            if (key.StartsWith("indicatori obiettivo strategico", StringComparison.Ordinal)) strategicTables++;
            if (key.Contains("peso dell obiettivo", StringComparison.Ordinal)) cardWeights++;
            if (key.StartsWith("documentazione e report", StringComparison.Ordinal)) documentation++;
        }
        var score = (tables >= 2 ? 0.35 : 0) + (strategicTables >= 1 && tables >= 2 ? 0.2 : 0)
                    + (cardWeights >= 2 ? 0.2 : 0) + (documentation >= 2 ? 0.1 : 0);
        return Math.Min(0.95, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var head = string.Join('\n', layout.Pages.Take(2).SelectMany(p => p).Select(l => l.Text));
        var titlePage = string.Join('\n', layout.Pages.Take(1).SelectMany(p => p).Select(l => l.Text));
        var cycle = PlanCycle.Find(head);
        // Headings start at the page's left margin; the same words inside a card's grid (the weights of the
        // operational objectives listed in a strategic card) do not.
        var margins = layout.Pages.Select(p => p.Count == 0 ? 0 : p.Min(l => l.X0)).ToList();
        var cards = new CardReader(margins);
        foreach (var line in layout.Lines)
        {
            ct.ThrowIfCancellationRequested();
            cards.Read(line);
        }
        cards.Finish();
        var warnings = cards.Warnings;
        var (objectives, kpis) = CardTree.Build(cards, new IndicatorColumns(TextSpacing.Measure(layout.Pages), warnings), new IndicatorKpis(cycle?.From, warnings));
        var years = kpis.SelectMany(k => k.Targets).Select(t => Period.TryParse(t.Period, out var p) ? p.Year : 0).Where(y => y > 0).ToList();
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = ChamberResolver.FindInText(head)?.Name,
                DocType = DocType(titlePage).ToCode(),
                PeriodFrom = cycle?.From ?? (years.Count > 0 ? years.Min() : null),
                PeriodTo = cycle?.To ?? (years.Count > 0 ? years.Max() : null),
            },
            Objectives = objectives,
            Kpis = kpis,
            Warnings = warnings,
        };
    }

    /// <summary>These cards are plans; a monitoring or a report in the same layout says so on its title page.</summary>
    private static DocumentType DocType(string titlePage)
    {
        var key = TextKey.Normalize(titlePage);
        if (key.Contains("piano della performance", StringComparison.Ordinal) || key.StartsWith("piano", StringComparison.Ordinal)) return DocumentType.Piano;
        if (key.Contains("relazione sulla performance", StringComparison.Ordinal)) return DocumentType.Relazione;
        if (key.Contains("monitoraggio", StringComparison.Ordinal)) return DocumentType.Monitoraggio;
        return DocumentType.Piano;
    }
}
