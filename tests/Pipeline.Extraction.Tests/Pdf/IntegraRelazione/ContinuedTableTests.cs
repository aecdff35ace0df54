using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.IntegraRelazione;

/// <summary>
/// The integra-relazione family on a KPI table continued without its header in a second table sized to its own
/// content (as a browser prints the rest of a table the original broke at a page): its rows are read in the
/// columns they are printed in, in every style of the kit's tests.
/// </summary>
public sealed class ContinuedTableTests
{
    private sealed record Kpi(string Name, string Algorithm, string Target, string Actual, string Deviation, decimal TargetValue, decimal ActualValue);

    private static readonly Kpi[] Objective1 =
    [
        new("Grado di coinvolgimento delle imprese del territorio nelle iniziative di formazione", "Numero imprese", ">= 150,00 N.", "152,00 N.", "+2,00 N.", 150, 152),
        new("Diffusione dei servizi digitali presso le imprese iscritte al registro", "Servizi attivati", ">= 13,00 %", "21,66 %", "+8,66 %", 13, 21.66m),
    ];

    // the rest of the table: short names, long algorithms, so the second table's columns fall elsewhere
    private static readonly Kpi[] Objective1Rest =
    [
        new("Ore formative", "Numero ore formative erogate al personale camerale nell'anno di riferimento", ">= 120,00 N.", "477,00 N.", "+357,00 N.", 120, 477),
        new("Tasso di evasione", "Numero pratiche telematiche evase con successo / Numero richieste totali pratiche telematiche", ">= 73,00 %", "69,80 %", "-3,20 %", 73, 69.8m),
    ];

    private static readonly Kpi[] Objective2 =
    [
        new("Incasso del diritto annuale", "Diritto incassato / diritto dovuto", ">= 60,00 %", "64,66 %", "+4,66 %", 60, 64.66m),
    ];

    private static readonly Kpi[] Objective3 =
    [
        new("Livello di utilizzo CRM", "Campagne outbound", ">= 5,00 N.", "24,00 N.", "+19,00 N.", 5, 24),
    ];

    private static IReadOnlyList<DocumentBlock> Document()
    {
        var blocks = new List<DocumentBlock> { new HeadingBlock("Relazione sulla performance - anno 2021", 1) };
        Objective(blocks, "OP.01.01.01 - Favorire la formazione delle imprese", Objective1);
        blocks.Add(Table(Objective1Rest, header: false));
        Objective(blocks, "OP.01.01.02 - Consolidare la salute economica", Objective2);
        Objective(blocks, "OP.01.01.03 - Migliorare l'organizzazione", Objective3);
        return blocks;
    }

    private static void Objective(List<DocumentBlock> blocks, string title, Kpi[] kpis)
    {
        blocks.Add(new TableBlock(
        [
            ["Obiettivo operativo", title],
            ["Unità organizzative coinvolte", "Sviluppo imprese"],
            ["Risultato misurato obiettivo", "100,00 %"],
            ["Valutazione obiettivo", "Raggiunto"],
        ]));
        blocks.Add(Table(kpis, header: true));
    }

    private static TableBlock Table(Kpi[] kpis, bool header)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (header) rows.Add(["Indicatore", "Algoritmo", "Target 2021", "Consuntivo 2021", "Scostamento rispetto al target"]);
        rows.AddRange(kpis.Select(k => (IReadOnlyList<string>)[k.Name, k.Algorithm, k.Target, k.Actual, k.Deviation]));
        return new TableBlock(rows);
    }

    [Theory]
    [MemberData(nameof(SyntheticPdf.Styles), MemberType = typeof(SyntheticPdf))]
    public void The_rows_of_the_continued_table_are_read_in_their_own_columns(string style)
    {
        var layout = SyntheticPdf.Layout(Document(), SyntheticPdf.Style(style) with { ContinuedTablesKeepGrid = false });
        var family = new IntegraRelazioneFamily();
        Assert.True(family.Recognise(layout) >= 0.5);

        var document = family.Extract(layout, CancellationToken.None);

        var expected = Objective1.Concat(Objective1Rest).Concat(Objective2).Concat(Objective3).ToList();
        Assert.Equal(expected.Select(k => k.Name), document.Kpis.Select(k => k.Name));
        Assert.Equal(expected.Select(k => ((decimal?)k.TargetValue, (decimal?)k.ActualValue)),
            document.Kpis.Select(k => (k.Targets.SingleOrDefault()?.Value.Number, k.Actuals.SingleOrDefault()?.Value)));
        var owner = document.Objectives.Single(o => o.Code == "OP.01.01.01").Id;
        Assert.All(document.Kpis.Take(4), k => Assert.Equal(owner, k.Objective));
    }
}
