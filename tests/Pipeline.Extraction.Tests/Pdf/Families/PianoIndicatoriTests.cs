using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.Families;

/// <summary>
/// The piano-indicatori family on a synthetic plan of its layout, printed in the kit's styles: numbered strategic
/// areas, then objective cards (heading, title, "Peso NN%", a Bilancio row, "Aree e uffici coinvolti") each closed by
/// an INDICATORI table — a strategic card's has a "Risultato atteso al YYYY" and a "Peso%" column per plan year, an
/// operational card's the checkpoints "al 30/6" and "al 31/12" and one "Peso%". Read with every family competing.
/// </summary>
public sealed class PianoIndicatoriTests
{
    private static readonly (string Code, string Title, int Weight)[] StrategicCards =
    [
        ("1.1", "SOSTEGNO ALLA TRANSIZIONE DIGITALE DELLE IMPRESE DEL TERRITORIO", 60),
        ("1.2", "VALORIZZAZIONE DEL PATRIMONIO INFORMATIVO CAMERALE", 40),
    ];

    private static readonly (string Code, string Parent, string Title, int Weight)[] OperationalCards =
    [
        ("1.1.1", "1.1", "PUNTO IMPRESA DIGITALE: ASSESSMENT E FORMAZIONE", 30),
        ("1.1.2", "1.1", "VOUCHER PER L'INNOVAZIONE DEI PROCESSI", 20),
        ("1.2.1", "1.2", "PUBBLICAZIONE DI ANALISI ECONOMICHE TERRITORIALI", 25),
    ];

    /// <summary>Strategic KPIs: per plan year (2022–2024) a target and a weight.</summary>
    private static IEnumerable<(string Objective, string Name, int[] Targets, int[] Weights)> StrategicKpis() =>
        from o in StrategicCards
        from k in Enumerable.Range(1, 2)
        select (o.Code, $"Imprese coinvolte nelle iniziative dell'obiettivo {o.Code} ambito {k}",
            new[] { 100 * k, 110 * k, 120 * k }, k == 1 ? new[] { 60, 50, 40 } : new[] { 40, 50, 60 });

    /// <summary>Operational KPIs: the half-year and year-end checkpoints of 2022 and a weight.</summary>
    private static IEnumerable<(string Objective, string Name, int Half, int Year, int Weight)> OperationalKpis() =>
        from o in OperationalCards
        from k in Enumerable.Range(1, 2)
        select (o.Code, $"Iniziative realizzate per il progetto {o.Code} linea di attività {k}", 20 * k, 50 * k, 50);

    private static IReadOnlyList<DocumentBlock> Document()
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock("CAMERA DI COMMERCIO INDUSTRIA ARTIGIANATO E AGRICOLTURA DI FOGGIA", 1),
            new HeadingBlock("PIANO DELLA PERFORMANCE 2022 - 2024", 1),
            new HeadingBlock("1. AREA STRATEGICA: COMPETITIVITÀ E INNOVAZIONE DEL SISTEMA PRODUTTIVO", 2),
        };
        foreach (var card in StrategicCards)
        {
            Card(blocks, $"OBIETTIVO STRATEGICO {card.Code}", card.Title, card.Weight, "Peso dell'obiettivo dirigenziale nell'area strategica 1");
            blocks.Add(new ParagraphBlock("INDICATORI OBIETTIVO STRATEGICO"));
            blocks.Add(new TableBlock([
                ["Indicatore: descrizione e cosa misura", "", "Target storico riferimento",
                    "Risultato atteso al 2022", "Peso%", "Risultato atteso al 2023", "Peso%", "Risultato atteso al 2024", "Peso%"],
                .. StrategicKpis().Where(k => k.Objective == card.Code).Select((k, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(CultureInfo.InvariantCulture), k.Name, "-",
                        .. k.Targets.Zip(k.Weights).SelectMany(p => new[] { p.First.ToString(CultureInfo.InvariantCulture), p.Second + "%" })]),
            ]));
            foreach (var op in OperationalCards.Where(o => o.Parent == card.Code))
            {
                Card(blocks, $"OBIETTIVO OPERATIVO {op.Code}", op.Title, op.Weight, "Peso dell'obiettivo operativo");
                blocks.Add(new ParagraphBlock("INDICATORI:"));
                blocks.Add(new TableBlock([
                    ["Indicatore: descrizione e cosa misura", "", "Target storico riferimento", "Risultato atteso al 30/6", "Risultato atteso al 31/12", "Peso%"],
                    .. OperationalKpis().Where(k => k.Objective == op.Code).Select((k, i) => (IReadOnlyList<string>)
                        [(i + 1).ToString(CultureInfo.InvariantCulture), k.Name, "-", k.Half.ToString(CultureInfo.InvariantCulture), k.Year.ToString(CultureInfo.InvariantCulture), k.Weight + "%"]),
                ]));
            }
        }
        return blocks;
    }

    private static void Card(List<DocumentBlock> blocks, string heading, string title, int weight, string weightLabel)
    {
        blocks.Add(new HeadingBlock(heading, 3));
        blocks.Add(new ParagraphBlock(title));
        blocks.Add(new ParagraphBlock($"Peso {weight}%"));
        blocks.Add(new ParagraphBlock(weightLabel));
        blocks.Add(new TableBlock([
            ["Bilancio", "Missione 011 – Competitività e sviluppo delle imprese", "Programma 005 - Promozione e attuazione di politiche di sviluppo"],
        ]));
        blocks.Add(new TableBlock([["Aree e uffici coinvolti", "Area Promozione e Sviluppo delle Imprese"]]));
    }

    public static TheoryData<string> Styles() => new("top-borders", "middle-borders", "bottom-plain", "middle-rules-times", "middle-header-footer");

    [Theory]
    [MemberData(nameof(Styles))]
    public void Reads_cards_weights_and_the_targets_of_every_year_and_checkpoint(string style)
    {
        var doc = Extract(style);

        Assert.Equal("piano-indicatori", doc.Document.Family);
        Assert.Equal(("piano", 2022, 2024), (doc.Document.DocType, doc.Document.PeriodFrom, doc.Document.PeriodTo));
        var byId = doc.Objectives.ToDictionary(o => o.Id);
        foreach (var card in StrategicCards)
            Assert.Equal((card.Title, (decimal?)card.Weight), Single(doc, "strategic", card.Code) is var o ? (o.Title, o.Weight) : default);
        foreach (var card in OperationalCards)
        {
            var o = Single(doc, "operational", card.Code);
            Assert.Equal((card.Title, (decimal?)card.Weight, card.Parent), (o.Title, o.Weight, byId[o.Parent!].Code));
        }

        var strategic = StrategicKpis().ToList();
        var operational = OperationalKpis().ToList();
        Assert.Equal(strategic.Select(k => k.Name).Concat(operational.Select(k => k.Name)).Order(), doc.Kpis.Select(k => k.Name).Order());
        foreach (var want in strategic)
        {
            var kpi = Assert.Single(doc.Kpis, k => k.Name == want.Name);
            Assert.Equal(want.Objective, byId[kpi.Objective!].Code);
            Assert.Equal(want.Targets.Select((t, y) => ((2022 + y).ToString(CultureInfo.InvariantCulture), (decimal)t)),
                kpi.Targets.Select(t => (t.Period, t.Value.Number ?? -1)));
        }
        foreach (var want in operational)
        {
            var kpi = Assert.Single(doc.Kpis, k => k.Name == want.Name);
            Assert.Equal((want.Objective, (decimal?)want.Weight), (byId[kpi.Objective!].Code, kpi.Weight));
            Assert.Equal([("2022-06-30", (decimal)want.Half), ("2022-12-31", want.Year)], kpi.Targets.Select(t => (t.Period, t.Value.Number ?? -1)));
        }
    }

    private static ExtractedObjective Single(ExtractedDocument doc, string level, string code) =>
        Assert.Single(doc.Objectives, o => o.Level == level && o.Code == code);

    private static ExtractedDocument Extract(string style) => SyntheticPdf.Extract(Document(), SyntheticPdf.Style(style));
}
