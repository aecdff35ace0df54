using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Excel;

/// <summary>Collects objectives and KPIs across the sheets of one workbook, giving each a unique id.</summary>
public sealed class WorkbookAccumulator
{
    private readonly Dictionary<string, int> _objectiveIndex = new(StringComparer.Ordinal);
    private int _kpis;

    public List<ExtractedObjective> Objectives { get; } = [];
    public List<ExtractedKpi> Kpis { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>The id of an objective, registering it on first sight (same level + code/title = same objective).</summary>
    public string Objective(ObjectiveLevel level, string? code, string title, string? parent, SourceRef source)
    {
        var key = $"{level}|{parent}|{(code is null ? "t:" + TextKey.Normalize(title) : "c:" + code.Trim().ToUpperInvariant())}";
        if (_objectiveIndex.TryGetValue(key, out var index)) return Objectives[index].Id;
        var id = "o" + (Objectives.Count + 1).ToString(CultureInfo.InvariantCulture);
        Objectives.Add(new ExtractedObjective
        {
            Id = id, Code = code, Level = level.ToCode(), Title = title, Parent = parent, Source = source,
        });
        _objectiveIndex[key] = Objectives.Count - 1;
        return id;
    }

    public void AddOrgUnit(string objectiveId, string orgUnit)
    {
        var index = Objectives.FindIndex(o => o.Id == objectiveId);
        var objective = Objectives[index];
        if (!objective.OrgUnits.Contains(orgUnit))
            Objectives[index] = objective with { OrgUnits = [.. objective.OrgUnits, orgUnit] };
    }

    public string NextKpiId() => "k" + (++_kpis).ToString(CultureInfo.InvariantCulture);
}
