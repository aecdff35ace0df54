using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Core.Validation;

/// <summary>A record kept out of the warehouse, with where it was read and why.</summary>
public sealed record QuarantinedRecord(string Kind, string Location, string Reason, string? Raw);

public sealed record ValidationResult(ExtractedDocument Accepted, IReadOnlyList<QuarantinedRecord> Quarantined);

/// <summary>
/// Data-quality rules applied to an extraction before it is loaded. Records that break a rule are removed
/// from the document and returned as quarantined, with a reason; nothing is dropped silently.
/// </summary>
public static class DocumentValidator
{
    public const decimal MaxWeight = 100m;

    public static ValidationResult Validate(ExtractedDocument document)
    {
        var quarantined = new List<QuarantinedRecord>();
        var warnings = document.Warnings.ToList();

        var objectives = ValidateObjectives(document.Objectives, quarantined, warnings);
        var objectiveIds = objectives.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        var kpis = new List<ExtractedKpi>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenIdentities = new Dictionary<string, ExtractedKpi>(StringComparer.Ordinal);
        foreach (var kpi in document.Kpis)
        {
            var where = Where(kpi.Source, $"KPI {kpi.Id}");
            if (string.IsNullOrWhiteSpace(kpi.Name))
            {
                quarantined.Add(new("kpi", where, "KPI has no name", Describe(kpi)));
                continue;
            }
            if (!seenIds.Add(kpi.Id))
            {
                quarantined.Add(new("kpi", where, $"duplicate KPI id '{kpi.Id}'", kpi.Name));
                continue;
            }
            if (kpi.Objective is not null && !objectiveIds.Contains(kpi.Objective))
            {
                quarantined.Add(new("kpi", where, $"KPI refers to objective '{kpi.Objective}', which is not in the document", kpi.Name));
                continue;
            }
            var identity = $"{kpi.Objective}|{TextKey.Normalize(kpi.Code)}|{TextKey.Normalize(kpi.Name)}";
            if (seenIdentities.TryGetValue(identity, out var first))
            {
                quarantined.Add(new("kpi", where, $"the same KPI is printed twice under one objective (first at {Where(first.Source, first.Id)})", kpi.Name));
                continue;
            }
            seenIdentities[identity] = kpi;
            kpis.Add(ValidateValues(kpi, where, quarantined));
        }

        var accepted = document with { Objectives = objectives, Kpis = kpis, Warnings = warnings };
        return new ValidationResult(accepted, quarantined);
    }

    private static List<ExtractedObjective> ValidateObjectives(
        IReadOnlyList<ExtractedObjective> input, List<QuarantinedRecord> quarantined, List<string> warnings)
    {
        var kept = new List<ExtractedObjective>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var objective in input)
        {
            var where = Where(objective.Source, $"objective {objective.Id}");
            if (string.IsNullOrWhiteSpace(objective.Title) && string.IsNullOrWhiteSpace(objective.Code))
            {
                quarantined.Add(new("objective", where, "objective has neither code nor title", null));
                continue;
            }
            if (!ObjectiveLevels.TryParse(objective.Level, out _))
            {
                quarantined.Add(new("objective", where, $"unknown objective level '{objective.Level}'", objective.Title));
                continue;
            }
            if (!ids.Add(objective.Id))
            {
                quarantined.Add(new("objective", where, $"duplicate objective id '{objective.Id}'", objective.Title));
                continue;
            }
            kept.Add(CheckWeight(objective, where, quarantined));
        }

        // Parents must exist and must not form a cycle; an objective whose parent is unusable becomes a root.
        var byId = kept.ToDictionary(o => o.Id, StringComparer.Ordinal);
        for (var i = 0; i < kept.Count; i++)
        {
            var objective = kept[i];
            if (objective.Parent is null) continue;
            if (!byId.ContainsKey(objective.Parent))
            {
                warnings.Add($"objective {objective.Id} ({objective.Code ?? objective.Title}): parent '{objective.Parent}' is not in the document; loaded as a root");
                kept[i] = byId[objective.Id] = objective with { Parent = null };
            }
            else if (HasCycle(objective.Id, byId))
            {
                warnings.Add($"objective {objective.Id} ({objective.Code ?? objective.Title}): its parents form a cycle; loaded as a root");
                kept[i] = byId[objective.Id] = objective with { Parent = null };
            }
        }
        return kept;
    }

    private static bool HasCycle(string start, Dictionary<string, ExtractedObjective> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var current = byId[start].Parent;
        while (current is not null && byId.TryGetValue(current, out var parent))
        {
            if (!seen.Add(current)) return true;
            current = parent.Parent;
        }
        return false;
    }

    private static ExtractedObjective CheckWeight(ExtractedObjective objective, string where, List<QuarantinedRecord> quarantined)
    {
        if (objective.Weight is { } w && (w < 0 || w > MaxWeight))
        {
            quarantined.Add(new("weight", where, $"objective weight {w} is outside 0–{MaxWeight}", w.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return objective with { Weight = null };
        }
        return objective;
    }

    private static ExtractedKpi ValidateValues(ExtractedKpi kpi, string where, List<QuarantinedRecord> quarantined)
    {
        var result = kpi;
        if (kpi.Weight is { } w && (w < 0 || w > MaxWeight))
        {
            quarantined.Add(new("weight", where, $"KPI weight {w} is outside 0–{MaxWeight}", kpi.Name));
            result = result with { Weight = null };
        }

        var targets = new List<ExtractedTarget>();
        var targetPeriods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in kpi.Targets)
        {
            var at = Where(target.Source, where);
            if (!Period.TryParse(target.Period, out _))
                quarantined.Add(new("target", at, $"target period '{target.Period}' is not a period code", target.Raw));
            else if (target.Value.Operator is not (TargetOperator.Bool or TargetOperator.Date or TargetOperator.Text) && target.Value.Number is null)
                quarantined.Add(new("target", at, $"target operator {target.Value.Operator.ToSymbol()} has no number", target.Raw));
            else if (!targetPeriods.Add(target.Period))
                quarantined.Add(new("target", at, $"a second target for period {target.Period} in the same KPI", target.Raw));
            else
                targets.Add(target);
        }

        var actuals = new List<ExtractedActual>();
        var actualPeriods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actual in kpi.Actuals)
        {
            var at = Where(actual.Source, where);
            if (!Period.TryParse(actual.Period, out _))
                quarantined.Add(new("actual", at, $"actual period '{actual.Period}' is not a period code", actual.Raw));
            else if (!actualPeriods.Add(actual.Period))
                quarantined.Add(new("actual", at, $"a second actual for period {actual.Period} in the same KPI", actual.Raw));
            else
                actuals.Add(actual);
        }
        return result with { Targets = targets, Actuals = actuals };
    }

    private static string Where(SourceRef? source, string fallback) => source?.ToString() ?? fallback;

    private static string Describe(ExtractedKpi kpi) =>
        string.Join(" | ", new[] { kpi.Code, kpi.Algorithm, string.Join(", ", kpi.Targets.Select(t => t.Raw)) }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
