using Pipeline.Core.Values;

namespace Pipeline.Samples.Pdf;

/// <summary>
/// The year report in the layout of Unioncamere Integra's "Relazione sulla performance" (read by the
/// integra-relazione family): a title "Relazione sulla performance - anno 2021" and a premise; section 3.1
/// with a card per strategic objective, section 3.2 with a heading "OS.1 - Title" per strategic objective and,
/// under it, a card per operational objective followed by its KPI table. A card is a two-column table of labels
/// and values: "Obiettivo strategico|operativo" | "CODE - Title", "Descrizione" (empty, as Integra prints it),
/// "Unità organizzative coinvolte" (operational only), "Risultato misurato obiettivo" | "100,00 %" and
/// "Valutazione obiettivo". The KPI table reads "Indicatore | Algoritmo | Peso | Target 2021 | Consuntivo 2021 |
/// Scostamento rispetto al target", values the Integra way: "&gt;= 1.800,00 N.", "1.942,00 N.", "+142,00 N.";
/// deadlines "Entro 30/09/2021" with the completion date and the days ahead ("-15,00 gg"); "-" when there is no
/// deviation. The Peso column is not in every Integra report; the family reads it when it is there. Scores follow
/// <see cref="SampleAchievement"/>.
/// </summary>
public static class IntegraRelazioneLayout
{
    public static byte[] Render(SamplePlan plan, PdfStyle style) => new TextDocumentRenderer(style).Render(Blocks(plan));

    public static IReadOnlyList<DocumentBlock> Blocks(SamplePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        const string period = SamplePeriods.Year2021;
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(plan.ChamberName, 1),
            new HeadingBlock($"Relazione sulla performance - anno {period}", 2),
            new HeadingBlock("PREMESSA", 3),
            new ParagraphBlock($"Documento sintetico generato per dimostrazione: dati inventati. La Relazione rende conto dei risultati " +
                               $"dell'anno {period} rispetto agli obiettivi e ai target del Piano della Performance {plan.Cycle}."),
            // no line of this text may start with "Indicatore"/"KPI" and name a target and a result: that is a KPI table header
            new ParagraphBlock("Come si calcola il risultato misurato: per gli obiettivi operativi, media dei gradi di raggiungimento delle " +
                               "loro misure pesata con i rispettivi pesi; grado di una misura = valore rilevato / valore atteso " +
                               "(atteso / rilevato per i valori massimi), al più 100%; scadenze e SI/NO valgono 100% se rispettati, " +
                               "altrimenti 0%. Per gli obiettivi strategici, media dei loro obiettivi operativi."),
            new HeadingBlock("3.1 – Rendicontazione degli obiettivi strategici triennali", 2),
        };
        foreach (var strategic in plan.StrategicObjectives)
        {
            var score = SampleAchievement.Strategic(plan, strategic, period);
            blocks.Add(Card("Obiettivo strategico", strategic.Code, strategic.Title, null, score));
        }
        blocks.Add(new HeadingBlock("3.2 – Rendicontazione degli obiettivi operativi annuali", 2));
        foreach (var strategic in plan.StrategicObjectives)
        {
            blocks.Add(new HeadingBlock($"{strategic.Code} - {strategic.Title}", 3));
            foreach (var objective in plan.ObjectivesOf(strategic))
            {
                blocks.Add(Card("Obiettivo operativo", objective.Code, objective.Title, objective.OrgUnit, SampleAchievement.Objective(plan, objective, period)));
                var rows = new List<IReadOnlyList<string>>
                {
                    new[] { "Indicatore", "Algoritmo", "Peso", $"Target {period}", $"Consuntivo {period}", "Scostamento rispetto al target" },
                };
                rows.AddRange(plan.KpisOf(objective).Select(k => (IReadOnlyList<string>)
                [
                    k.Name, k.Algorithm, IntegraValues.Number(k.Weight, twoDecimals: false) + "%", Target(k), Actual(k, period), Deviation(k, period),
                ]));
                blocks.Add(new TableBlock(rows));
            }
        }
        return blocks;
    }

    private static TableBlock Card(string label, string code, string title, string? orgUnit, decimal score)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { label, $"{code} - {title}" },
            new[] { "Descrizione", "" },
        };
        if (orgUnit is not null) rows.Add(["Unità organizzative coinvolte", orgUnit]);
        rows.Add(["Risultato misurato obiettivo", IntegraValues.Number(SampleAchievement.Printed(score), twoDecimals: true) + " %"]);
        rows.Add(["Valutazione obiettivo", SampleAchievement.Judgement(score)]);
        return new TableBlock(rows);
    }

    /// <summary>The unit printed after targets and actuals: "N.", "%", "gg", "ore", "€", "punti"; none for deadlines and SI/NO.</summary>
    public static string? PrintedUnit(SampleKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Kind switch
        {
            SampleKpiKind.Count => "N.",
            SampleKpiKind.Percent => "%",
            SampleKpiKind.Days => "gg",
            SampleKpiKind.Hours => "ore",
            SampleKpiKind.Amount => "€",
            SampleKpiKind.Score => "punti",
            _ => null,
        };
    }

    /// <summary>The Target cell: "&gt;= 1.800,00 N.", "= 100,00 %", "Entro 30/09/2021", "SI".</summary>
    public static string Target(SampleKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var t = kpi.Target;
        return t.Operator switch
        {
            TargetOperator.Date => "Entro " + IntegraValues.Date(t.Date!.Value),
            TargetOperator.Bool => t.Flag == true ? "SI" : "NO",
            _ => $"{IntegraValues.Operator(t.Operator)} {Quantity(t.Number!.Value, kpi)}",
        };
    }

    /// <summary>The Consuntivo cell: "1.942,00 N.", "15/09/2021", "SI"; empty when there is no value.</summary>
    public static string Actual(SampleKpi kpi, string period)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.ActualFor(period) switch
        {
            { Number: { } n } => Quantity(n, kpi),
            { Date: { } d } => IntegraValues.Date(d),
            { Flag: { } f } => f ? "SI" : "NO",
            { Text: { } text } => text,
            _ => "",
        };
    }

    /// <summary>The Scostamento cell: actual minus target ("+142,00 N.", "-1,20 gg"), days from the deadline, "-" when none.</summary>
    private static string Deviation(SampleKpi kpi, string period)
    {
        var actual = kpi.ActualFor(period);
        var t = kpi.Target;
        decimal? difference;
        string? unit;
        if (actual?.Date is { } done && t.Date is { } due)
        {
            difference = done.DayNumber - due.DayNumber;
            unit = "gg";
        }
        else
        {
            difference = actual?.Number is { } a && t.Number is { } n ? a - n : null;
            unit = PrintedUnit(kpi);
        }
        if (difference is not { } d || d == 0) return "-";
        return (d > 0 ? "+" : "-") + IntegraValues.Number(Math.Abs(d), twoDecimals: true) + (unit is null ? "" : " " + unit);
    }

    private static string Quantity(decimal value, SampleKpi kpi) =>
        IntegraValues.Number(value, twoDecimals: true) + (PrintedUnit(kpi) is { } unit ? " " + unit : "");
}
