using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Families.IntegraRelazione;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// Integra (Unioncamere) "Relazione sulla performance": objective cards (label column "Obiettivo strategico /
/// operativo / individuale", code and title, "Programma", "Unità organizzative coinvolte", "Risultato misurato
/// obiettivo", "Valutazione obiettivo") each followed by a KPI table whose header reads Indicatore | Algoritmo |
/// Target YYYY | Consuntivo YYYY | Scostamento rispetto al target.
/// </summary>
public sealed class IntegraRelazioneFamily : IPdfFamily
{
    public string Name => "integra-relazione";

    public double Recognise(PdfLayout layout)
    {
        var headers = 0;
        var withDeviation = 0;
        var measured = 0;
        foreach (var line in layout.Lines)
        {
            if (RelazioneVocabulary.IsKpiHeader(line))
            {
                headers++;
                if (line.Words.Any(w => RelazioneVocabulary.Key(w) == "scostamento")) withDeviation++;
            }
            if (RelazioneVocabulary.IsMeasuredResult(line)) measured++;
        }
        if (headers == 0) return Math.Min(0.2, 0.05 * measured);
        return 0.35 * Math.Min(1.0, headers / 3.0)
               + 0.3 * Math.Min(1.0, withDeviation / 3.0)
               + 0.35 * Math.Min(1.0, measured / 3.0);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct) => new RelazioneReader(layout, ct).Read();
}
