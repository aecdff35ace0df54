using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Families.Pira;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// PIRA ("Piano degli indicatori e dei risultati attesi di bilancio", D.Lgs. 91/2011): missione → programma di
/// spesa → obiettivo cards. Each card is a three-column grid: a left column of row groups (Missione, Programma di
/// spesa, Obiettivo, Indicatore), a middle column of field labels (Titolo, Descrizione, …, KPI, Algoritmo di
/// calcolo, Valori osservati, Risultati attesi, Fonte dei dati) and a value column.
/// </summary>
/// <remarks>
/// Read on the kit's rows of cells: <see cref="CardRow"/> tells a row's group, label and value by the vocabulary
/// (<see cref="PiraVocabulary"/>), <see cref="CardReader"/> gathers the cards, <see cref="CardBuilder"/> makes the
/// objectives and KPIs.
/// </remarks>
public sealed partial class PiraFamily : IPdfFamily
{
    public string Name => "pira";

    public double Recognise(PdfLayout layout)
    {
        int observed = 0, expected = 0, programmes = 0, targets = 0;
        var title = false;
        foreach (var line in layout.Lines)
        {
            var key = line.Key;
            if (key.Contains("valori osservati", StringComparison.Ordinal)) observed++;
            if (key.StartsWith("risultati attesi", StringComparison.Ordinal)) expected++;
            if (key.StartsWith("programma di", StringComparison.Ordinal)) programmes++;
            if (TargetYear().Matches(line.Text).Count >= 2) targets++;
            if (key.Contains("piano degli indicatori e dei risultati attesi", StringComparison.Ordinal)) title = true;
        }
        var score = 0.0;
        if (observed >= 2) score += 0.25;
        if (expected >= 2 && targets >= 2) score += 0.25;
        if (programmes >= 1 && observed >= 2) score += 0.2;
        if (title) score += 0.2;
        return Math.Min(0.95, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var reader = new CardReader();
        foreach (var row in layout.Rows)
        {
            ct.ThrowIfCancellationRequested();
            reader.Read(CardRow.Read(row));
        }
        var builder = new CardBuilder();
        builder.Build(reader.Objectives, reader.Kpis);
        var allText = string.Join('\n', layout.Lines.Take(200).Select(l => l.Text));
        var years = builder.Years;
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = ChamberResolver.FindInText(allText)?.Name,
                DocType = "pira",
                PeriodFrom = years.Count > 0 ? years.Min() : null,
                PeriodTo = years.Count > 0 ? years.Max() : null,
            },
            Objectives = builder.Objectives,
            Kpis = builder.Kpis,
            Warnings = builder.Warnings,
        };
    }

    [GeneratedRegex(@"\bTarget\s+(20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TargetYear();
}
