using Pipeline.Core.Extraction;
using Pipeline.Core.Model;

namespace Pipeline.Samples.Workbooks;

/// <summary>The sample plan's content as the canonical model: strategic and operational objectives, KPIs with weights, the 2021 target and the actuals.</summary>
public static class SamplePlanDocument
{
    public static ExtractedDocument From(SamplePlan plan)
    {
        var objectives = new List<ExtractedObjective>();
        var ids = new Dictionary<string, string>();
        string Add(string code, string title, ObjectiveLevel level, string? parent)
        {
            var id = "o" + (objectives.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            objectives.Add(new ExtractedObjective { Id = id, Code = code, Title = title, Level = level.ToCode(), Parent = parent });
            ids[code] = id;
            return id;
        }
        foreach (var strategic in plan.StrategicObjectives)
        {
            var parent = Add(strategic.Code, strategic.Title, ObjectiveLevel.Strategic, null);
            foreach (var objective in plan.ObjectivesOf(strategic)) Add(objective.Code, objective.Title, objective.Level, parent);
        }
        var kpis = plan.Kpis.Select((k, i) => new ExtractedKpi
        {
            Id = "k" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Objective = ids[k.ObjectiveCode],
            Name = k.Name,
            Algorithm = k.Algorithm,
            Unit = k.Unit,
            Weight = k.Weight,
            Targets = [new ExtractedTarget(k.Target.Period ?? SamplePeriods.Year2021, k.Target)],
            Actuals = k.Actuals.Where(a => a.Value is not null).Select(a => Actual(a.Key, a.Value!)).ToList(),
        }).ToList();
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "sample-plan", Sha256 = "", Format = "xlsx", Family = "sample", Chamber = plan.ChamberName,
                DocType = "monitoraggio", PeriodFrom = plan.CycleFrom, PeriodTo = plan.CycleTo,
            },
            Objectives = objectives,
            Kpis = kpis,
        };
    }

    private static ExtractedActual Actual(string period, SampleActual actual) => actual switch
    {
        { Number: { } n } => new ExtractedActual(period, PlanContent.Italian(n), n),
        { Date: { } d } => new ExtractedActual(period, d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), null) { Date = d },
        { Flag: { } f } => new ExtractedActual(period, f ? "SI" : "NO", null) { Flag = f },
        _ => new ExtractedActual(period, actual.Text ?? "", null),
    };
}
