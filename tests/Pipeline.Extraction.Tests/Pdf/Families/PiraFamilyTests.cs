using System.Globalization;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.Families;

/// <summary>
/// The pira family on a synthetic PIRA (missione → programma → obiettivo cards of three columns: row group, label,
/// value) printed in the kit's styles: every objective with its code and mission, every KPI with its code, name,
/// algorithm, source and yearly targets, also where a KPI's label holds a code and a qualifier ("KPISTD 76
/// (Qualità/…)") beside its name, or the label column says INDICATORE and the value holds code and qualifier only.
/// The cards run across pages; the signatures after the last card are no card text.
/// </summary>
public sealed class PiraFamilyTests
{
    private sealed record Kpi(string Objective, string Label, string Name, string? Code, string ExpectedName, string Algorithm, int[] Targets);

    private static readonly (string Mission, string MissionTitle, string Code, string Title)[] Objectives =
    [
        ("011", "COMPETITIVITA' E SVILUPPO DELLE IMPRESE", "A1", "Valorizzare le peculiarità e le potenzialità del territorio provinciale"),
        ("011", "COMPETITIVITA' E SVILUPPO DELLE IMPRESE", "A2", "Promuovere le produzioni agroalimentari e artigianali"),
        ("032", "SERVIZI ISTITUZIONALI E GENERALI DELLE AMMINISTRAZIONI PUBBLICHE", "C2", "Semplificazione amministrativa e miglioramento continuo dei servizi"),
    ];

    private static readonly Kpi[] Kpis =
    [
        new("A1", "KPI", "Intese con altri Enti e organismi finalizzate alla valorizzazione delle peculiarità territoriali", null,
            "Intese con altri Enti e organismi finalizzate alla valorizzazione delle peculiarità territoriali", "Numero di intese e contatti avviati nell'anno", [2, 2, 3]),
        new("A1", "KPI", "Predisposizione, emanazione e gestione bandi", null, "Predisposizione, emanazione e gestione bandi", "Numero di bandi predisposti, emanati e gestiti", [4, 4, 5]),
        new("A2", "KPIS", "Iniziative di valorizzazione delle eccellenze produttive locali", null, "Iniziative di valorizzazione delle eccellenze produttive locali",
            "Numero di iniziative di valorizzazione del patrimonio locale delle eccellenze enogastronomiche e artigianali", [3, 3, 3]),
        new("C2", "INDICATORE", "KPISTD 166 (Qualità/tempestività)", "KPISTD 166", "Qualità/tempestività",
            "Pratiche ricevute nell'anno ed evase entro 5 giorni / pratiche ricevute nell'anno", [90, 90, 95]),
        new("C2", "KPISTD 76 (Qualità/accessibilità multicanale)", "Servizi offerti online", "KPISTD 76", "Servizi offerti online", "Numero di servizi offerti online", [12, 12, 14]),
    ];

    private static IReadOnlyList<DocumentBlock> Document()
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock("Piano degli indicatori e dei risultati attesi di Bilancio 2021-2023", 1),
            new ParagraphBlock("Il presente documento è redatto ai sensi dell'art. 19 del D.Lgs. 91/2011 ed evidenzia gli obiettivi da perseguire rispetto ai programmi di spesa del bilancio."),
        };
        foreach (var mission in Objectives.GroupBy(o => (o.Mission, o.MissionTitle)))
        {
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { $"MISSIONE - {mission.Key.Mission}", mission.Key.MissionTitle, "" },
                new[] { "PROGRAMMA DI SPESA", "", "Promozione e attuazione di politiche di sviluppo e innovazione" },
            };
            foreach (var (_, _, code, title) in mission)
            {
                rows.Add(["Obiettivo", "TITOLO", $"({code}) {title}"]);
                rows.Add(["", "DESCRIZIONE", "Ambito progettuale: realizzare iniziative per l'attuazione di politiche di sviluppo locale attraverso azioni tese alla creazione e al potenziamento di intese e accordi con gli enti del territorio."]);
                rows.Add(["", "ARCO TEMPORALE DI REALIZZAZIONE", "2021/2023 (triennale)"]);
                rows.Add(["", "PORTATORI D'INTERESSE", "Cittadini, imprese ed Enti locali"]);
                rows.Add(["", "CENTRO DI RESPONSABILITA'", "CDR 3 - Studi, formazione, informazione e promozione economica"]);
                rows.Add(["", "RISORSE ECONOMICHE", "€ 40.000,00"]);
                foreach (var k in Kpis.Where(k => k.Objective == code))
                {
                    rows.Add(k.Label == "INDICATORE" ? ["", k.Label, k.Name] : ["INDICATORE", k.Label, k.Name]);
                    rows.Add(["", "ALGORITMO DI CALCOLO", k.Algorithm]);
                    rows.Add(["", "VALORI OSSERVATI", "-----"]);
                    rows.Add(["", "RISULTATI ATTESI", string.Join(' ', k.Targets.Select((t, y) => $"Target {2021 + y}: >={t}"))]);
                    rows.Add(["", "FONTE DEI DATI", "Rilevazione interna della Camera"]);
                }
            }
            blocks.Add(new TableBlock(rows));
        }
        blocks.Add(new ParagraphBlock("Il Dirigente dell'Area 1 - Servizi di supporto e per lo sviluppo, il Segretario Generale e il Presidente"));
        return blocks;
    }

    public static TheoryData<string> Styles() => new() { "top-borders", "middle-borders", "bottom-borders", "middle-plain", "bottom-plain-loose", "middle-rules-times", "middle-header-footer" };

    [Theory]
    [MemberData(nameof(Styles))]
    public void Reads_every_card_objective_kpi_code_and_yearly_target(string style)
    {
        var layout = SyntheticPdf.Layout(Document(), SyntheticPdf.Style(style));
        var family = new PiraFamily();
        Assert.True(family.Recognise(layout) >= PdfExtractor.MinimumConfidence);

        var doc = family.Extract(layout, CancellationToken.None);

        Assert.True(layout.Pages.Count > 1, "the cards should run across pages");
        Assert.Equal((2021, 2023), (doc.Document.PeriodFrom, doc.Document.PeriodTo));
        Assert.Equal(Objectives.Select(o => (o.Code, o.Title, o.Mission)), doc.Objectives.Select(o => (o.Code!, o.Title, o.Mission!)));
        var objectives = doc.Objectives.ToDictionary(o => o.Id);
        Assert.Equal(Kpis.Select(k => k.ExpectedName), doc.Kpis.Select(k => k.Name));
        foreach (var (kpi, want) in doc.Kpis.Zip(Kpis))
        {
            Assert.Equal(want.Objective, objectives[kpi.Objective!].Code);
            Assert.Equal(want.Code, kpi.Code);
            Assert.Equal(want.Algorithm, kpi.Algorithm);
            Assert.Equal("Rilevazione interna della Camera", kpi.SourceSystem);
            Assert.Equal(want.Targets.Select((t, y) => ((2021 + y).ToString(CultureInfo.InvariantCulture), TargetOperator.GreaterOrEqual, (decimal)t)),
                kpi.Targets.Select(t => (t.Period, t.Value.Operator, t.Value.Number ?? -1)));
            Assert.True(kpi.Source?.Page is not null && kpi.Source.Bbox is { Count: 4 }, $"{kpi.Name}: no page/bbox");
        }
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void A_document_of_other_tables_is_not_taken_for_a_pira()
    {
        var layout = SyntheticPdf.Layout(
            [new TableBlock([["Indicatore", "Peso", "Target 2021"], ["Pratiche evase", "30%", ">= 90%"]])], SyntheticPdf.Style("top-borders"));
        Assert.True(new PiraFamily().Recognise(layout) < PdfExtractor.MinimumConfidence);
    }
}
