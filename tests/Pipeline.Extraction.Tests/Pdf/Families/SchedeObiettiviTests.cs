using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.Families;

/// <summary>
/// The schede-obiettivi family on a synthetic document of its layout, printed in the kit's styles: areas, strategic
/// objectives each with a "KPI associati" table (Indicatori / Peso / Un.mis. / Fonte / Alg. / target e baseline, one
/// cell holding the baseline and every year), a half-year monitoring note after each table, then detail cards of
/// label/value rows for the operational objectives and their KPIs, each closed by its own note. Read with every
/// family competing, as an ingest reads it.
/// </summary>
public sealed class SchedeObiettiviTests
{
    private static readonly (string Code, string Area, string Title)[] Strategic =
    [
        ("2.1", "Semplificazione amministrativa", "Riduzione dei tempi di lavorazione delle pratiche telematiche"),
        ("2.2", "Semplificazione amministrativa", "Qualità delle informazioni del registro delle imprese"),
        ("3.1", "Sviluppo del territorio", "Sostegno alla nascita di nuove imprese giovanili"),
    ];

    /// <summary>Per strategic objective, its table KPIs: name, weight, baseline, the targets of 2022–2024 and the note's percentage.</summary>
    private static IEnumerable<(string Objective, string Name, int Weight, int Baseline, int[] Targets, int Note)> TableKpis() =>
        from s in Strategic.Select((o, i) => (o.Code, Index: i))
        from k in Enumerable.Range(1, s.Index + 1)
        select (s.Code, $"Pratiche telematiche lavorate nel periodo di riferimento gruppo {s.Code} numero {k}",
            100 / (s.Index + 1), 10 * k, new[] { 12 * k, 13 * k, 14 * k }, 40 + 5 * s.Index);

    /// <summary>The operational objectives of the detail cards: code, parent, title, one KPI (name, baseline, target, weight) and the note's percentage.</summary>
    private static readonly (string Code, string Parent, string Title, string Kpi, int Baseline, int Target, int Note)[] Operational =
    [
        ("2.1.1", "2.1", "Revisione delle procedure di protocollo", "Pratiche protocollate entro due giorni", 70, 85, 60),
        ("2.2.1", "2.2", "Cancellazione d'ufficio delle imprese non operative", "Posizioni esaminate nell'anno", 150, 200, 55),
        ("3.1.1", "3.1", "Sportello per l'avvio di impresa", "Aspiranti imprenditori assistiti", 30, 45, 70),
    ];

    private static IReadOnlyList<DocumentBlock> Document()
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock("SCHEDE OBIETTIVI STRATEGICI E OPERATIVI PIANO PERFORMANCE 2022/2024 - MONITORAGGIO SEMESTRALE", 1),
            new ParagraphBlock("Camera di Commercio di Foggia: stato di avanzamento degli obiettivi al primo semestre 2022."),
        };
        string? area = null;
        foreach (var (code, areaTitle, title) in Strategic)
        {
            if (areaTitle != area)
            {
                blocks.Add(new HeadingBlock("Area strategica: " + areaTitle, 2));
                area = areaTitle;
            }
            blocks.Add(new HeadingBlock($"Obiettivo strategico: {code} {title}", 3));
            blocks.Add(new ParagraphBlock("KPI associati"));
            var kpis = TableKpis().Where(k => k.Objective == code).ToList();
            blocks.Add(new TableBlock([
                ["Indicatori", "Peso", "Un.mis.", "Fonte", "Alg.", "target e baseline"],
                .. kpis.Select(k => (IReadOnlyList<string>)[k.Name + " Tipologia KPI:efficacia", k.Weight.ToString(CultureInfo.InvariantCulture), "numero",
                    "Rilevazione interna", "n. pratiche lavorate", $"baseline {k.Baseline} " + string.Join(" ", k.Targets.Select((t, y) => $"Anno:{2022 + y}--->={t}"))]),
            ]));
            blocks.Add(new ParagraphBlock($"monitoraggio semestrale in linea con target {kpis[0].Note}% attività svolta"));
        }
        blocks.Add(new HeadingBlock("SCHEDE DI DETTAGLIO", 2));
        foreach (var o in Operational)
        {
            blocks.Add(new TableBlock([
                [$"Obiettivo strategico (mission) {o.Parent}.", "Missione 012 - Regolazione dei mercati"],
                ["Programma operativo", "Programma 004 - Vigilanza sui mercati e sui prodotti"],
                [$"Obiettivo operativo OP {o.Code}.", o.Title],
                ["Area organizzativa", "Ufficio registro delle imprese"],
                [$"Kpi operativo {o.Code}.-001", ""],
                ["Nome indicatore", o.Kpi],
                ["BASELINE", o.Baseline.ToString(CultureInfo.InvariantCulture)],
                ["Algoritmo di calcolo", "Conteggio delle posizioni lavorate nel periodo"],
                ["Target annuale", "≥ " + o.Target.ToString(CultureInfo.InvariantCulture)],
                ["Peso indicatore", "100"],
                ["Tipologia dell'indicatore", "Efficacia"],
                ["Fonte dati", "Rilevazione interna"],
            ]));
            blocks.Add(new ParagraphBlock($"Monitoraggio semestrale: in linea con target {o.Note}% attività svolta"));
        }
        return blocks;
    }

    public static TheoryData<string> Styles() => new("top-borders", "middle-borders", "bottom-borders", "middle-plain", "bottom-plain-loose", "middle-rules-times", "middle-header-footer");

    [Theory]
    [MemberData(nameof(Styles))]
    public void Reads_objectives_tables_cards_and_half_year_notes(string style)
    {
        var doc = Extract(style);

        Assert.Equal("schede-obiettivi", doc.Document.Family);
        Assert.Equal("monitoraggio", doc.Document.DocType);
        Assert.Equal((2022, 2024), (doc.Document.PeriodFrom, doc.Document.PeriodTo));
        var byId = doc.Objectives.ToDictionary(o => o.Id);
        foreach (var (code, _, title) in Strategic)
            Assert.Equal(title, Assert.Single(doc.Objectives, o => o.Level == "strategic" && o.Code == code).Title);
        foreach (var o in Operational)
        {
            var read = Assert.Single(doc.Objectives, x => x.Level == "operational" && x.Code?.TrimEnd('.') == "OP " + o.Code);
            Assert.Equal(o.Title, read.Title);
            Assert.Equal(o.Parent, byId[read.Parent!].Code);
        }

        var tableKpis = TableKpis().ToList();
        Assert.Equal(tableKpis.Select(k => k.Name).Concat(Operational.Select(o => o.Kpi)), doc.Kpis.Select(k => k.Name));
        foreach (var (kpi, want) in doc.Kpis.Zip(tableKpis))
        {
            Assert.Equal(want.Objective, byId[kpi.Objective!].Code);
            Assert.Equal((want.Weight, "efficacia", want.Baseline), (kpi.Weight, kpi.KpiType, kpi.Baseline?.Value));
            Assert.Equal(want.Targets.Select((t, y) => ((2022 + y).ToString(CultureInfo.InvariantCulture), (decimal)t)),
                kpi.Targets.Select(t => (t.Period, t.Value.Number ?? -1)));
            Assert.Equal([("2022-S1", (decimal?)want.Note)], kpi.Actuals.Select(a => (a.Period, a.Value)));
        }
        foreach (var (kpi, want) in doc.Kpis.Skip(tableKpis.Count).Zip(Operational))
        {
            Assert.Equal("OP " + want.Code, byId[kpi.Objective!].Code?.TrimEnd('.'));
            Assert.Equal((100m, want.Baseline, want.Target), (kpi.Weight, kpi.Baseline?.Value, Assert.Single(kpi.Targets).Value.Number));
            Assert.Equal([("2022-S1", (decimal?)want.Note)], kpi.Actuals.Select(a => (a.Period, a.Value)));
        }
    }

    private static ExtractedDocument Extract(string style) => SyntheticPdf.Extract(Document(), SyntheticPdf.Style(style));
}
