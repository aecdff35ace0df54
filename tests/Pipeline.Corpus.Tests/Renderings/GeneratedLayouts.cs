using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>A seed's content laid out another way, from its ground truth: the blocks to print, the style to print
/// them in, and the KPIs printed (the generated ground truth).</summary>
public sealed record GeneratedLayout(string Name, RenderStyle Style, IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<GtKpi> Printed);

/// <summary>The three other layouts: a flat register (one row per KPI, a column per year, bottom-aligned cells as
/// Excel exports them), objective cards (key/value table + KPI table with horizontal rules) and a narrative report
/// (numbered headings, filler paragraphs, borderless KPI tables, Target first, several years in one cell).</summary>
public static class GeneratedLayouts
{
    public static readonly IReadOnlyList<string> Names = ["layout-register", "layout-cards", "layout-narrative"];

    public static GeneratedLayout Build(string name, ScoredGroundTruth gt) => name switch
    {
        "layout-register" => Register(gt),
        "layout-cards" => Cards(gt),
        "layout-narrative" => Narrative(gt),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static GeneratedLayout Register(ScoredGroundTruth gt)
    {
        // the objective path as an export prints it: the area and the strategic objective in columns of their own,
        // then the KPI's own objective when it is deeper
        var header = new List<string> { "Area strategica", "Obiettivo strategico", "Obiettivo", "Indicatore", "Peso" };
        header.AddRange(gt.Periods.Select(p => p.Length == 4 ? p : "Target " + ScoredGroundTruth.Label(p)));
        if (gt.ActualYear is { } ay) header.Add($"Consuntivo {ay}");
        var rows = new List<IReadOnlyList<string>> { header };
        foreach (var k in gt.Kpis)
        {
            var path = Path(gt, gt.Owner(k));
            string Cell(GtObjective? o) => o is null ? "" : $"{o.Code} {o.Title}".Trim();
            var owner = gt.Owner(k);
            var own = owner is { Level: not ("area" or "strategic") } ? owner : null;
            var row = new List<string>
            {
                Cell(path.LastOrDefault(o => o.Level == "area")), Cell(path.LastOrDefault(o => o.Level == "strategic")),
                own is null && owner is null ? k.ObjectiveCode : Cell(own), k.Name, k.Weight ?? "",
            };
            row.AddRange(gt.Periods.Select(p => string.Join(" ", k.Targets.Where(t => t.Period == p).Select(t => t.Text))));
            if (gt.ActualYear is { } year) row.Add(string.Join(" ", k.Actuals.Where(a => a.Year == year).Select(a => a.Text)));
            rows.Add(row);
        }
        List<DocumentBlock> blocks =
        [
            new HeadingBlock($"{gt.Chamber} – Registro degli indicatori di performance", 1),
            new ParagraphBlock("Estrazione dal sistema di monitoraggio: un indicatore per riga, target per anno."),
            new TableBlock(rows),
        ];
        return new("layout-register", new("layout-register-lo-sans-8-landscape-bottom", RenderTool.LibreOffice, true, "sans", 8, TableRules.All, CellAlign.Bottom),
            blocks, gt.Kpis);
    }

    /// <summary>An objective and its ancestors, broadest first.</summary>
    private static List<GtObjective> Path(ScoredGroundTruth gt, GtObjective? objective)
    {
        var path = new List<GtObjective>();
        for (var o = objective; o is not null && path.Count < 8; o = gt.Objective(o.ParentCode)) path.Insert(0, o);
        return path;
    }

    private static GeneratedLayout Cards(ScoredGroundTruth gt)
    {
        var blocks = new List<DocumentBlock> { new HeadingBlock($"{gt.Chamber} – Schede obiettivo", 1) };
        var header = new List<string> { "Indicatore", "Unità", "Peso" };
        header.AddRange(gt.Periods.Select(p => $"Target {ScoredGroundTruth.Label(p)}"));
        if (gt.ActualYear is { } ay) header.Add($"Consuntivo {ay}");
        foreach (var o in gt.Objectives)
        {
            var parent = gt.Objective(o.ParentCode);
            blocks.Add(new HeadingBlock($"Scheda {o.Code ?? Levels.Label(o.Level)}", 2));
            blocks.Add(new TableBlock(
            [
                ["Codice", o.Code ?? "-"],
                ["Livello", Levels.Label(o.Level)],
                ["Obiettivo", o.Title],
                ["Obiettivo padre", parent is null ? "-" : $"{parent.Code} {parent.Title}".Trim()],
            ]));
            var kpis = gt.Kpis.Where(k => gt.Owner(k) == o).ToList();
            if (kpis.Count == 0) continue;
            var rows = new List<IReadOnlyList<string>> { header };
            foreach (var k in kpis)
            {
                var row = new List<string> { k.Name, k.Unit ?? "", k.Weight ?? "" };
                row.AddRange(gt.Periods.Select(p => string.Join(" ", k.Targets.Where(t => t.Period == p).Select(t => t.Text))));
                if (gt.ActualYear is { } year) row.Add(string.Join(" ", k.Actuals.Where(a => a.Year == year).Select(a => a.Text)));
                rows.Add(row);
            }
            blocks.Add(new TableBlock(rows));
        }
        return new("layout-cards", new("layout-cards-chromium-serif-10-rules", RenderTool.Chromium, false, "serif", 10, TableRules.Horizontal, CellAlign.Top),
            blocks, gt.Kpis.Where(k => gt.Owner(k) is not null).ToList());
    }

    private static GeneratedLayout Narrative(ScoredGroundTruth gt)
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock($"{gt.Chamber} – Relazione illustrativa sugli obiettivi", 1),
            new ParagraphBlock(Filler.Paragraph(0)),
        };
        var header = new List<string> { "Target", "Indicatore", "Unità di misura", "Fonte", "Peso" };
        if (gt.ActualYear is { } ay) header.Add($"Risultato {ay}");
        var n = 1;
        foreach (var o in gt.Objectives)
        {
            blocks.Add(new HeadingBlock(Levels.Heading(o), Levels.Depth(o.Level) + 1));
            blocks.Add(new ParagraphBlock(Filler.Paragraph(n++)));
            var kpis = gt.Kpis.Where(k => gt.Owner(k) == o).ToList();
            if (kpis.Count == 0) continue;
            var rows = new List<IReadOnlyList<string>> { header };
            foreach (var k in kpis)
            {
                var row = new List<string> { string.Join(" – ", k.Targets.Select(t => $"{ScoredGroundTruth.Label(t.Period)}: {Symbols(t.Text)}")), k.Name, k.Unit ?? "-", k.Source, k.Weight ?? "-" };
                if (gt.ActualYear is { } year) row.Add(string.Join(" ", k.Actuals.Where(a => a.Year == year).Select(a => a.Text)));
                rows.Add(row);
            }
            blocks.Add(new TableBlock(rows));
            blocks.Add(new ParagraphBlock(Filler.Paragraph(n++)));
        }
        return new("layout-narrative", new("layout-narrative-lo-serif-10-noborders-middle", RenderTool.LibreOffice, false, "serif", 10, TableRules.None, CellAlign.Middle),
            blocks, gt.Kpis.Where(k => gt.Owner(k) is not null).ToList());
    }

    private static string Symbols(string target) => target.Replace(">=", "≥").Replace("<=", "≤");
}

/// <summary>Italian labels and headings for objective levels.</summary>
public static class Levels
{
    public static string Label(string level) => level switch
    {
        "area" => "Area strategica",
        "strategic" => "Obiettivo strategico",
        "programme" => "Programma",
        "operational" => "Obiettivo operativo",
        "action" => "Azione",
        _ => level,
    };

    public static int Depth(string level) => level switch { "area" => 1, "strategic" => 2, _ => 3 };

    /// <summary>"Obiettivo strategico 1.1 – title" for areas and strategic objectives, "A.1.1 title" below them.</summary>
    public static string Heading(GtObjective o) => o.Level is "area" or "strategic"
        ? $"{Label(o.Level)} {o.Code} – {o.Title}".Replace("  ", " ")
        : o.Code is null ? $"{Label(o.Level)}: {o.Title}" : $"{o.Code} {o.Title}";
}

/// <summary>Deterministic filler paragraphs of a narrative report.</summary>
public static class Filler
{
    private static readonly string[] Sentences =
    [
        "Nel corso dell'anno l'ente ha proseguito le attività programmate in coerenza con il programma pluriennale.",
        "Le azioni sono state realizzate in collaborazione con le associazioni di categoria e gli enti del territorio.",
        "Il monitoraggio è stato svolto con cadenza periodica dal controllo di gestione sulla base dei dati disponibili.",
        "Gli scostamenti rilevati sono stati analizzati con i responsabili dei servizi coinvolti.",
        "Le risorse impiegate risultano in linea con quanto previsto nel preventivo economico.",
        "Si segnala che alcune iniziative hanno risentito del contesto economico e delle misure di contenimento.",
    ];

    public static string Paragraph(int n) => string.Join(" ", Enumerable.Range(0, 2 + n % 3).Select(i => Sentences[(n + i) % Sentences.Length]));
}
