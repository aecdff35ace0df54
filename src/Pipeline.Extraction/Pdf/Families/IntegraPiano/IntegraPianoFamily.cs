using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Families.IntegraPiano;
using static Pipeline.Extraction.Pdf.Families.IntegraPiano.PianoVocabulary;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// Piano della Performance exported by Unioncamere's Integra: a tree of labelled headings ("Area strategica:",
/// "Obiettivo strategico:", "Programma:", "Obiettivo operativo:", "Azione:"), each followed by a description,
/// optionally "Unità organizzative coinvolte" and a "KPI Associati" table whose columns are the indicator
/// (with "Tipologia KPI: x"), the algorithm, the weight, the status (baseline, not a result) and the target
/// (one cell, possibly "Anno: 2018 &gt;= … Anno: 2019 …"). A plan has no actual values: a table with a
/// Consuntivo / Valore raggiunto column is the Integra relazione, not this family. Read by <see cref="PianoReader"/>.
/// </summary>
public sealed class IntegraPianoFamily : IPdfFamily
{
    public string Name => "integra-piano";

    public double Recognise(PdfLayout layout)
    {
        int kpiTables = 0, headers = 0, fullHeaders = 0, foreignHeaders = 0;
        var labelKinds = new HashSet<PianoLevel>();
        foreach (var line in layout.Lines)
        {
            var text = line.Text.Trim();
            if (KpiTableTitle().IsMatch(text)) kpiTables++;
            if (HeadingLabel().Match(text) is { Success: true } m) labelKinds.Add(LevelOf(m.Groups["label"].Value));
            if (PianoTableHeader.Match(line) is not { } header) continue;
            headers++;
            // the plan's table: Algoritmo, Peso, Stato (baseline), Target — and no result column (Consuntivo,
            // realizzato, raggiunto: that is the relazione)
            if (PianoTableHeader.Core.All(header.Kinds.Contains)) fullHeaders++;
            if (line.Words.Any(w => IsForeignHeading(w.Text))) foreignHeaders++;
        }
        if (headers == 0) return 0.1 * Math.Min(labelKinds.Count, 5) * (kpiTables > 0 ? 0.8 : 0.5);
        var score = 0.0;
        if (kpiTables > 0) score += 0.2;
        if (fullHeaders > 0) score += 0.3 * fullHeaders / headers;
        score += 0.1 * Math.Min(labelKinds.Count, 5);
        if (!labelKinds.Contains(PianoLevel.Operational) && !labelKinds.Contains(PianoLevel.Action)) score *= 0.6;
        if (foreignHeaders > 0) score *= foreignHeaders >= headers / 2.0 ? 0.2 : 0.6;
        return Math.Min(1, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var reader = new PianoReader(layout);
        reader.Run(ct);
        var (from, to) = PianoKpis.Period(layout, reader.Rows.Select(r => r.Row));
        var chamber = ChamberResolver.FindInText(string.Join('\n', layout.Lines.Select(l => l.Text)));
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = chamber?.Name,
                DocType = "piano",
                PeriodFrom = from, PeriodTo = to,
            },
            Objectives = reader.Objectives,
            Kpis = PianoKpis.Build(reader.Rows, from),
            Warnings = reader.Warnings,
        };
    }
}
