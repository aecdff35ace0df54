using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.General;

/// <summary>
/// The general reader on KPIs printed as key/value cards instead of table rows, with no table header anywhere: a
/// PIRA-like card (INDICATORE | KPI | name, then ALGORITMO DI CALCOLO, VALORI OSSERVATI, RISULTATI ATTESI with every
/// year in one cell, FONTE DEI DATI) and a two-column card with other labels (Nome indicatore, Target 2021, Target 2022,
/// Peso, Formula di calcolo, Unità di misura, Fonte), each in two orders and in the kit's styles, running across pages.
/// Every KPI and target carries its page and box.
/// </summary>
public sealed class KpiCardTests
{
    private static readonly (string Code, string Title)[] Objectives =
    [
        ("A1", "Digitalizzazione dei servizi camerali"),
        ("B2", "Sostegno all'internazionalizzazione delle imprese"),
    ];

    private sealed record Card(string Objective, string Name, string? Code, string Algorithm, string Source, int Weight, int[] Targets);

    private static List<Card> Kpis(int perObjective) =>
        (from o in Objectives
         from k in Enumerable.Range(1, perObjective)
         select new Card(o.Code, $"Iniziative {o.Code} numero {k} di accompagnamento delle imprese del territorio",
             k % 3 == 0 ? $"KPISTD {100 + k}" : null,
             $"Numero di iniziative {k} realizzate nell'anno / iniziative programmate", $"Rilevazione interna ufficio {k}",
             10 + k, [50 + k, 60 + k, 70 + k])).ToList();

    /// <summary>The PIRA-like card: a group word in the first column, the labels in the second, the values in the third.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> Pira(Card k, bool reordered)
    {
        IReadOnlyList<string> name = k.Code is null ? ["INDICATORE", "KPI", k.Name] : ["INDICATORE", $"{k.Code} (Qualità/efficacia)", k.Name];
        IReadOnlyList<string> algorithm = ["", "ALGORITMO DI CALCOLO", k.Algorithm];
        IReadOnlyList<string> observed = ["", "VALORI OSSERVATI", "-----"];
        IReadOnlyList<string> expected = ["", "RISULTATI ATTESI", string.Join(" ", k.Targets.Select((t, y) => $"Target {2021 + y}: >={t}"))];
        IReadOnlyList<string> source = ["", "FONTE DEI DATI", k.Source];
        return reordered ? [name, expected, source, algorithm, observed] : [name, algorithm, observed, expected, source];
    }

    /// <summary>The two-column card with other labels: a target row per year.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> TwoColumns(Card k, bool reordered)
    {
        IReadOnlyList<string> name = ["Nome indicatore", k.Code is null ? k.Name : $"{k.Code} {k.Name}"];
        IReadOnlyList<IReadOnlyList<string>> targets = k.Targets.Select((t, y) => (IReadOnlyList<string>)[$"Target {2021 + y}", $">= {t}"]).ToList();
        IReadOnlyList<string> weight = ["Peso", k.Weight + "%"];
        IReadOnlyList<string> algorithm = ["Formula di calcolo", k.Algorithm];
        IReadOnlyList<string> unit = ["Unità di misura", "numero"];
        IReadOnlyList<string> source = ["Fonte", k.Source];
        return reordered ? [name, source, unit, .. targets, weight, algorithm] : [name, algorithm, .. targets, weight, unit, source];
    }

    private static IReadOnlyList<DocumentBlock> Document(string labels, bool reordered, int perObjective)
    {
        var blocks = new List<DocumentBlock> { new HeadingBlock("Camera di Commercio di Latina - Piano degli indicatori 2021-2023", 1) };
        foreach (var (code, title) in Objectives)
        {
            blocks.Add(new HeadingBlock($"Obiettivo strategico ({code}) {title}", 2));
            blocks.Add(new ParagraphBlock("L'obiettivo accompagna le imprese del territorio, in coerenza con il programma pluriennale."));
            foreach (var k in Kpis(perObjective).Where(k => k.Objective == code))
                blocks.Add(new TableBlock(labels == "pira" ? Pira(k, reordered) : TwoColumns(k, reordered)));
        }
        return blocks;
    }

    /// <summary>
    /// Every style of the kit, but the two-column card in the tight style: without rules and padding its rows sit only
    /// the leading apart, so the kit takes the key column for one wrapped cell and reads one KPI (docs/pdf.md, Known
    /// limits); the three-column card is read in it.
    /// </summary>
    public static TheoryData<string, bool, string> Cases()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var labels in new[] { "pira", "two-columns" })
            foreach (var reordered in new[] { false, true })
                foreach (var style in Kit.SyntheticPdf.StyleNames.Where(s => labels == "pira" || s != "middle-plain-tight"))
                    data.Add(labels, reordered, style);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_every_kpi_card_with_its_fields_and_yearly_targets(string labels, bool reordered, string style)
    {
        var doc = Extract(Document(labels, reordered, 8), Kit.SyntheticPdf.Style(style));
        Assert.True(doc.Document.Pages > 1, "the cards should run across pages");
        AssertReadsEverything(doc, labels, 8);
    }

    /// <summary>A card cut by a page break (the renderer splits a row that does not fit) still gives every field.</summary>
    [Theory]
    [InlineData("pira")]
    [InlineData("two-columns")]
    public void A_card_cut_by_a_page_break_is_read_whole(string labels)
    {
        for (var n = 5; n <= 9; n++)
            AssertReadsEverything(Extract(Document(labels, false, n), Kit.SyntheticPdf.Style("top-borders") with { SplitRowsAcrossPages = true }), labels, n);
    }

    [Fact]
    public void A_document_of_cards_alone_is_recognised_by_the_general_reader()
    {
        var layout = Kit.SyntheticPdf.Layout(Document("pira", false, 2), Kit.SyntheticPdf.Style("top-borders"));
        Assert.Equal(PdfExtractor.MinimumConfidence, new GenericTableFamily().Recognise(layout));
    }

    private static ExtractedDocument Extract(IReadOnlyList<DocumentBlock> blocks, PdfStyle style)
    {
        using var scratch = new PdfScratch("pipeline-kpi-cards-");
        var path = scratch.Write("cards.pdf", new TextDocumentRenderer(style).Render(blocks));
        return new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(path));
    }

    private static void AssertReadsEverything(ExtractedDocument doc, string labels, int perObjective)
    {
        var expected = Kpis(perObjective);
        Assert.Equal(expected.Count, doc.Kpis.Count);
        foreach (var k in expected)
        {
            var kpi = Assert.Single(doc.Kpis, x => x.Name == k.Name);
            var objective = Assert.Single(doc.Objectives, o => o.Id == kpi.Objective);
            Assert.Equal(k.Objective, objective.Code);
            Assert.Equal(k.Code, kpi.Code);
            Assert.Equal(k.Algorithm, kpi.Algorithm);
            Assert.Equal(k.Source, kpi.SourceSystem);
            Assert.Equal(labels == "pira" ? null : k.Weight, kpi.Weight);
            Assert.Equal(labels == "pira" ? null : "numero", kpi.Unit);
            Assert.Null(kpi.Baseline); // "-----" is printed as empty
            Assert.Equal(["2021", "2022", "2023"], kpi.Targets.Select(t => t.Period));
            Assert.Equal(k.Targets.Select(t => (decimal?)t), kpi.Targets.Select(t => t.Value.Number));
            Assert.All(kpi.Targets, t => Assert.Equal(TargetOperator.GreaterOrEqual, t.Value.Operator));
            AssertPlaced(kpi.Source);
            Assert.All(kpi.Targets, t => AssertPlaced(t.Source));
        }
        Assert.Empty(doc.Warnings);
    }

    private static void AssertPlaced(SourceRef? source)
    {
        Assert.NotNull(source);
        Assert.True(source.Page >= 1, "a page");
        Assert.NotNull(source.Bbox);
        Assert.Equal(4, source.Bbox.Count);
    }
}
