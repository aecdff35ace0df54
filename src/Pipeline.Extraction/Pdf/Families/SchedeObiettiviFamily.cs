using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Families.SchedeObiettivi;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// "Schede obiettivi" documents (piano or half-year monitoring): strategic objectives with a "KPI associati" table
/// (Indicatori / Peso / Un.mis. / Fonte / Alg. / target with per-year values), then detail cards made of label/value
/// rows (Obiettivo strategico (missione), Programma, Obiettivo operativo, Kpi operativo, Nome indicatore, BASELINE,
/// Algoritmo di calcolo, Target annuale, Peso indicatore, …), each group followed by a monitoring note
/// ("monitoraggio semestrale in linea con target 50% attività svolta") that is the actual of the half year.
/// </summary>
/// <remarks>
/// Everything is found from the label vocabulary and word positions, measured against the document's own spacing
/// (<see cref="Layout.TextSpacing"/>): the value column of a card row is where the values of its labels start
/// (per row among those of its card, so cards of different widths, or printed as several tables, are read alike),
/// table columns are anchored at the header words and move with a table that resumes elsewhere. See
/// <see cref="SchedeReader"/>.
/// </remarks>
public sealed class SchedeObiettiviFamily : IPdfFamily
{
    public string Name => "schede-obiettivi";

    /// <summary>Label rows typical of the detail cards; a document needs several of them, more than once, to be one of these.</summary>
    private static readonly string[] CardLabels =
    [
        "nome indicatore", "target annuale", "peso indicatore", "algoritmo di calcolo", "frequenza della",
        "tipologia dell", "kpi operativ", "fonte dati", "responsabile della", "obiettivo operativo",
    ];

    public double Recognise(PdfLayout layout)
    {
        var counts = new int[CardLabels.Length];
        var tableHeaders = 0;
        var monitoring = false;
        foreach (var line in layout.Lines)
        {
            var key = line.Key;
            for (var i = 0; i < CardLabels.Length; i++)
                if (key.StartsWith(CardLabels[i], StringComparison.Ordinal)) counts[i]++;
            if (key.StartsWith("kpi associati", StringComparison.Ordinal)) tableHeaders++;
            if (key.StartsWith("monitoraggio semestrale", StringComparison.Ordinal)) monitoring = true;
        }
        var kinds = counts.Count(c => c >= 2);
        var score = 0.09 * kinds + (tableHeaders >= 2 && kinds >= 3 ? 0.05 : 0) + (monitoring && kinds >= 3 ? 0.05 : 0);
        return Math.Min(0.95, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct) => new SchedeReader(layout, Name).Read(ct);
}
