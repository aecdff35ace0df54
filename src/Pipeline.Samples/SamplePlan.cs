using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Samples;

/// <summary>
/// A synthetic chamber's performance plan: the oracle the generated workbooks are rendered from. Whatever a
/// reader extracts from a sample file must match what this model says (codes, names, targets, actuals).
/// </summary>
public sealed record SamplePlan(
    string ChamberName,
    string ChamberCode,
    int CycleFrom,
    int CycleTo,
    IReadOnlyList<SampleStrategicObjective> StrategicObjectives,
    IReadOnlyList<SampleObjective> Objectives,
    IReadOnlyList<SampleKpi> Kpis)
{
    /// <summary>"2021-2023".</summary>
    public string Cycle => $"{CycleFrom}-{CycleTo}";

    public IReadOnlyList<SampleObjective> ObjectivesOf(SampleStrategicObjective strategic) =>
        Objectives.Where(o => o.ParentCode == strategic.Code).ToList();

    public IReadOnlyList<SampleKpi> KpisOf(SampleObjective objective) =>
        Kpis.Where(k => k.ObjectiveCode == objective.Code).ToList();

    public SampleObjective ObjectiveOf(SampleKpi kpi) => Objectives.Single(o => o.Code == kpi.ObjectiveCode);

    public SampleStrategicObjective StrategicOf(SampleObjective objective) =>
        StrategicObjectives.Single(s => s.Code == objective.ParentCode);

    public SampleKpi Kpi(string code) => Kpis.Single(k => k.Code == code);
}

/// <summary>A strategic objective; the monitoring workbook gives each one a sheet named <see cref="SheetName"/>.</summary>
public sealed record SampleStrategicObjective(string Code, string Title, string SheetName);

/// <summary>An operational objective under a strategic one, assigned to an organisational unit.</summary>
public sealed record SampleObjective(
    string Code,
    string Title,
    ObjectiveLevel Level,
    string ParentCode,
    string ParentTitle,
    string OrgUnit)
{
    /// <summary>The level as the extraction contract spells it ("operational").</summary>
    public string LevelCode => Level.ToCode();
}

/// <summary>What a KPI measures, which decides how its values can be written in a workbook.</summary>
public enum SampleKpiKind
{
    /// <summary>A count (n.): written as a number, "1.234" as text.</summary>
    Count,
    /// <summary>A percentage: 70.5 written as 0.705 with a percent format, or "70,5%" as text.</summary>
    Percent,
    /// <summary>Days (gg).</summary>
    Days,
    /// <summary>Hours (ore).</summary>
    Hours,
    /// <summary>Euro amounts.</summary>
    Amount,
    /// <summary>A score on a scale (e.g. satisfaction 1–5).</summary>
    Score,
    /// <summary>A deadline: the actual is the date the work was done.</summary>
    Deadline,
    /// <summary>Yes/no: the actual is SI or NO.</summary>
    YesNo,
}

/// <summary>
/// One KPI. <see cref="Weight"/> is a percent number (30 = 30%). <see cref="Target"/> is the 2021 target as the
/// plan states it (<see cref="TargetValue.Raw"/> is its text form, e.g. "&gt;= 70%"). <see cref="Actuals"/> maps a
/// period code ("2021-S1", "2021") to the value the workbook for that period shows; a null value means the
/// cell is left empty in the workbook.
/// </summary>
public sealed record SampleKpi(
    string Code,
    string ObjectiveCode,
    string Name,
    string Algorithm,
    string Unit,
    SampleKpiKind Kind,
    decimal Weight,
    string Source,
    TargetValue Target,
    IReadOnlyDictionary<string, SampleActual?> Actuals,
    string? Note = null)
{
    /// <summary>The expected actual for a period, null when the workbook leaves it empty.</summary>
    public SampleActual? ActualFor(string period) => Actuals.TryGetValue(period, out var actual) ? actual : null;

    /// <summary>The expected numeric actual for a period (null when missing or not numeric).</summary>
    public decimal? ActualNumber(string period) => ActualFor(period)?.Number;
}

/// <summary>
/// An actual value: a number (in the KPI's unit, percentages as 70.5), a completion date (deadline KPIs), a
/// yes/no flag, or a status text with no value ("In corso").
/// </summary>
public sealed record SampleActual(decimal? Number = null, DateOnly? Date = null, bool? Flag = null, string? Text = null)
{
    public static SampleActual Of(decimal number) => new(Number: number);
    public static SampleActual DoneOn(int year, int month, int day) => new(Date: new DateOnly(year, month, day));
    public static SampleActual YesNo(bool flag) => new(Flag: flag);
    public static SampleActual Status(string text) => new(Text: text);
}

/// <summary>Period codes used by the samples.</summary>
public static class SamplePeriods
{
    /// <summary>First half of 2021 (monitoraggio al 30/06/2021).</summary>
    public const string FirstHalf2021 = "2021-S1";

    /// <summary>The whole of 2021 (consuntivo).</summary>
    public const string Year2021 = "2021";
}
