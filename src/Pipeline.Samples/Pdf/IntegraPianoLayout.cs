using Pipeline.Core.Values;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// The plan in the layout of Unioncamere Integra's plan export (read by the integra-piano family): labelled
/// headings "Obiettivo strategico: CODE Title" and "Obiettivo operativo: CODE Title", each followed by a
/// description; under an operational objective "Unità organizzative coinvolte" with one unit per line, then
/// "KPI Associati" and a table "Indicatori testo | Algoritmo | Peso | Stato | Target", where Peso is a bare
/// number, Stato (the baseline) is "---" and Target is "Anno: 2021 &gt;= 1.800" (operator symbol, the number as
/// entered, "%" after percentages, deadlines as "&lt;= dd/mm/yyyy"). A title above the tree names chamber and
/// cycle. The strategic objectives of the sample have no KPIs of their own, so they have no table.
/// </summary>
public static class IntegraPianoLayout
{
    public static byte[] Render(SamplePlan plan, PdfStyle style) => new TextDocumentRenderer(style).Render(Blocks(plan));

    public static IReadOnlyList<DocumentBlock> Blocks(SamplePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(plan.ChamberName, 1),
            new HeadingBlock($"Piano della Performance {plan.Cycle}", 2),
            new ParagraphBlock($"Documento sintetico generato per dimostrazione: dati inventati. Estratto dell'albero della performance: " +
                               $"obiettivi strategici del triennio e obiettivi operativi dell'anno {plan.CycleFrom} con i KPI associati."),
        };
        foreach (var strategic in plan.StrategicObjectives)
        {
            var objectives = plan.ObjectivesOf(strategic);
            blocks.Add(new HeadingBlock($"Obiettivo strategico: {strategic.Code} {strategic.Title}", 3));
            blocks.Add(new ParagraphBlock($"Obiettivo triennale del Piano {plan.Cycle}, perseguito con gli obiettivi operativi " +
                                          $"{string.Join(" e ", objectives.Select(o => o.Code))}."));
            foreach (var objective in objectives)
            {
                blocks.Add(new HeadingBlock($"Obiettivo operativo: {objective.Code} {objective.Title}", 3));
                blocks.Add(new ParagraphBlock($"Obiettivo annuale {plan.CycleFrom}: i KPI associati ne misurano la realizzazione " +
                                              "rispetto ai target dell'anno."));
                blocks.Add(new ParagraphBlock("Unità organizzative coinvolte"));
                blocks.Add(new ParagraphBlock(objective.OrgUnit));
                blocks.Add(new ParagraphBlock("KPI Associati"));
                var rows = new List<IReadOnlyList<string>> { new[] { "Indicatori testo", "Algoritmo", "Peso", "Stato", "Target" } };
                rows.AddRange(plan.KpisOf(objective).Select(k => (IReadOnlyList<string>)
                    [k.Name, k.Algorithm, IntegraValues.Number(k.Weight, twoDecimals: false), "---", Target(k)]));
                blocks.Add(new TableBlock(rows));
            }
        }
        return blocks;
    }

    /// <summary>The Target cell: "Anno: 2021 &gt;= 1.800", "Anno: 2021 &gt;= 12%", "Anno: 2021 &lt;= 30/09/2021", "Anno: 2021 SI".</summary>
    public static string Target(SampleKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var t = kpi.Target;
        var value = t.Operator switch
        {
            TargetOperator.Date => "<= " + IntegraValues.Date(t.Date!.Value),
            TargetOperator.Bool => t.Flag == true ? "SI" : "NO",
            _ => $"{IntegraValues.Operator(t.Operator)} {IntegraValues.Number(t.Number!.Value, twoDecimals: false)}{(PrintedUnit(kpi) is { } u ? u : "")}",
        };
        return $"Anno: {t.Period} {value}";
    }

    /// <summary>The unit the Target cell prints: "%" after percentages, nothing else.</summary>
    public static string? PrintedUnit(SampleKpi kpi) => kpi.Kind == SampleKpiKind.Percent ? "%" : null;
}
