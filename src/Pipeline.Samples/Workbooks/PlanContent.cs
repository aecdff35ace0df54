using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// A plan's content (the canonical <see cref="ExtractedDocument"/>) seen the way a workbook lays it out: objectives in
/// tree order with their KPIs, the target years and actual periods as columns, values as text or typed cells.
/// </summary>
public sealed class PlanContent(ExtractedDocument document)
{
    private readonly Dictionary<string, ExtractedObjective> _byId = document.Objectives.ToDictionary(o => o.Id);

    public ExtractedDocument Document { get; } = document;

    /// <summary>Target periods of every KPI, in order ("2021", "2022", "2023").</summary>
    public IReadOnlyList<string> TargetPeriods { get; } =
        document.Kpis.SelectMany(k => k.Targets).Select(t => t.Period).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Actual periods of every KPI, in order ("2021", "2021-S1").</summary>
    public IReadOnlyList<string> ActualPeriods { get; } =
        document.Kpis.SelectMany(k => k.Actuals).Select(a => a.Period).Distinct().Order(StringComparer.Ordinal).ToList();

    public ExtractedObjective? Objective(string? id) => id is not null && _byId.TryGetValue(id, out var o) ? o : null;

    /// <summary>The objectives in document order, each followed by its children (depth first), roots first.</summary>
    public IReadOnlyList<ExtractedObjective> TreeOrder()
    {
        var result = new List<ExtractedObjective>();
        void Visit(string? parent)
        {
            foreach (var child in Document.Objectives.Where(o => o.Parent == parent))
            {
                result.Add(child);
                Visit(child.Id);
            }
        }
        Visit(null);
        // objectives whose parent is missing from the list still appear
        result.AddRange(Document.Objectives.Where(o => !result.Contains(o)));
        return result;
    }

    public IReadOnlyList<ExtractedKpi> KpisOf(string? objectiveId) => Document.Kpis.Where(k => k.Objective == objectiveId).ToList();

    /// <summary>KPIs grouped under their objective, objectives in tree order; KPIs without objective last.</summary>
    public IReadOnlyList<(ExtractedObjective? Objective, IReadOnlyList<ExtractedKpi> Kpis)> Groups()
    {
        var groups = TreeOrder().Select(o => ((ExtractedObjective?)o, KpisOf(o.Id))).Where(g => g.Item2.Count > 0).ToList();
        var orphans = KpisOf(null);
        if (orphans.Count > 0) groups.Add((null, orphans));
        return groups;
    }

    /// <summary>"OS.01.02 – Semplificazione …", or the title alone when the objective has no code.</summary>
    public static string Label(ExtractedObjective? objective) =>
        objective is null ? "" : objective.Code is null ? objective.Title : $"{objective.Code} – {objective.Title}";

    /// <summary>The words a section row starts with for a level: "OBIETTIVO OPERATIVO".</summary>
    public static string LevelWords(string level) => ObjectiveLevels.TryParse(level, out var parsed) ? parsed switch
    {
        ObjectiveLevel.Area => "AREA STRATEGICA",
        ObjectiveLevel.Strategic => "OBIETTIVO STRATEGICO",
        ObjectiveLevel.Programme => "PROGRAMMA",
        ObjectiveLevel.Action => "AZIONE",
        ObjectiveLevel.Individual => "OBIETTIVO INDIVIDUALE",
        _ => "OBIETTIVO OPERATIVO",
    } : "OBIETTIVO";

    /// <summary>The document's title line: "Camera di Commercio di Foggia – Piano della Performance 2021-2023".</summary>
    public string Title()
    {
        var info = Document.Document;
        var kind = info.DocType switch
        {
            "relazione" => "Relazione sulla Performance",
            "monitoraggio" => "Monitoraggio del Piano della Performance",
            _ => "Piano della Performance",
        };
        var years = info.PeriodFrom is { } from
            ? info.PeriodTo is { } to && to != from ? $" {from}-{to}" : $" {from}"
            : "";
        return $"{info.Chamber ?? "Camera di Commercio"} – {kind}{years}";
    }

    /// <summary>A target as a plan prints it: "&gt;= 13%", "Almeno"-free, "Entro 30/10/2021", "SI", "3".</summary>
    public static string TargetText(TargetValue value) => value.Operator switch
    {
        TargetOperator.Date => "Entro " + value.Date!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        TargetOperator.Bool => value.Flag == true ? "SI" : "NO",
        TargetOperator.Text => value.Raw,
        _ => OperatorPrefix(value.Operator) + Number(value),
    };

    /// <summary>"&gt;=", "&lt;=", "=" … as an "Operatore" column shows it; empty for text targets.</summary>
    public static string OperatorSymbol(TargetOperator op) => op switch
    {
        TargetOperator.Bool or TargetOperator.Text => "",
        TargetOperator.Date => "<=",
        _ => op.ToSymbol(),
    };

    /// <summary>The number of a numeric target with its unit sign: "13%", "1.234", "€ 42.058,55" as "42.058,55 €".</summary>
    public static string Number(TargetValue value) =>
        Italian(value.Number ?? 0) + value.Unit switch { "%" => "%", "€" => " €", _ => "" };

    /// <summary>An actual as text: "21,66", "28/10/2021", "SI", or its raw text.</summary>
    public static string ActualText(ExtractedActual actual) => actual switch
    {
        { Value: { } n } => Italian(n),
        { Date: { } d } => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        { Flag: { } f } => f ? "SI" : "NO",
        _ => actual.Raw,
    };

    /// <summary>"I semestre 2021", "2021", "al 30/06/2021": how a period heads a column.</summary>
    public static string PeriodLabel(string code)
    {
        if (!Period.TryParse(code, out var period)) return code;
        return period.Kind switch
        {
            PeriodKind.Year => period.Year.ToString(CultureInfo.InvariantCulture),
            PeriodKind.Semester => (period.Start.Month == 1 ? "I" : "II") + " semestre " + period.Year.ToString(CultureInfo.InvariantCulture),
            _ => "al " + period.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"1.234,5": dots for thousands, comma for decimals.</summary>
    public static string Italian(decimal value) => WorkbookRenderer.Italian(value);

    private static string OperatorPrefix(TargetOperator op) => op switch
    {
        TargetOperator.GreaterOrEqual => ">= ",
        TargetOperator.LessOrEqual => "<= ",
        TargetOperator.Greater => "> ",
        TargetOperator.Less => "< ",
        _ => "",
    };
}
