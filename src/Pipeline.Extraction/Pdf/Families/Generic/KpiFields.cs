using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// One field of a KPI as the general reader found it: a table cell under its column heading, or a card's value beside
/// its key. <paramref name="Role"/> is the heading's role in the shared vocabulary (null when it has none),
/// <paramref name="Period"/> the period the heading names.
/// </summary>
public sealed record KpiField(ColumnRole? Role, Period? Period, string Heading, string Text, SourceRef Source);

/// <summary>
/// Makes a KPI from its fields, the same for a table row (<see cref="KpiRow"/>) and a key/value card
/// (<see cref="KpiCard"/>): target cells holding several periods give one target per period
/// (<see cref="TargetExpression"/>), an operator field joins the targets, a year field names the period of the
/// values, actuals are read by <see cref="ActualText"/>; a field without a role is never part of the KPI.
/// </summary>
public static partial class KpiFields
{
    /// <summary>The KPI of <paramref name="fields"/>, under <paramref name="objective"/>; periods without a label take <paramref name="year"/>.</summary>
    public static ExtractedKpi ToKpi(string id, string? objective, int? year, IReadOnlyList<KpiField> fields, SourceRef source)
    {
        string? Role(ColumnRole role) => fields.FirstOrDefault(f => f.Role == role) is { Text.Length: > 0 } f ? f.Text : null;
        var rawName = Role(ColumnRole.Kpi) ?? "";
        // a long table: the row's own year column names the period of its values
        var rowPeriod = Role(ColumnRole.Year) is { } yearText ? PeriodResolver.Resolve(yearText, year)?.ToReportingPeriod() : null;
        var op = Role(ColumnRole.Operator);
        var typeMatch = TypeSuffix().Match(rawName);
        var targets = new List<ExtractedTarget>();
        var actuals = new List<ExtractedActual>();
        decimal? achievement = null;
        foreach (var field in fields)
        {
            if (field.Text.Length == 0) continue;
            var period = (field.Period ?? rowPeriod ?? (year is { } y ? Period.ForYear(y) : null))?.Code;
            if (field.Role == ColumnRole.Target) targets.AddRange(Targets(op is null ? field.Text : op + " " + field.Text, period, field.Source));
            else if (field.Role == ColumnRole.Actual && period is not null && !ActualText.IsNoValue(field.Text))
                actuals.Add(ActualText.Read(period, field.Text, field.Source));
            else if (field.Role == ColumnRole.Achievement || field.Role is null && AchievementHeading().IsMatch(TextKey.Normalize(field.Heading)))
                achievement = ItalianNumber.Parse(field.Text)?.Value;
        }
        return new ExtractedKpi
        {
            Id = id,
            Objective = objective,
            Code = Role(ColumnRole.KpiCode),
            Name = TextKey.Clean(typeMatch.Success ? rawName[..typeMatch.Index] : rawName),
            KpiType = typeMatch.Success ? typeMatch.Groups[1].Value.ToLowerInvariant() : Role(ColumnRole.KpiType)?.ToLowerInvariant(),
            Algorithm = Role(ColumnRole.Algorithm),
            Unit = Role(ColumnRole.Unit) ?? targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
            SourceSystem = Role(ColumnRole.SourceSystem),
            Weight = Role(ColumnRole.Weight) is { } w ? ItalianNumber.Parse(w)?.Value : null,
            Baseline = Role(ColumnRole.Baseline) is { } b && !IsBlank(b) ? new RawNumber(b, ItalianNumber.Parse(b)?.Value) : null,
            Responsible = Role(ColumnRole.Responsible),
            Frequency = Role(ColumnRole.Frequency),
            Targets = targets,
            Actuals = actuals,
            ReportedAchievement = achievement,
            Source = source,
        };
    }

    /// <summary>The targets of one cell: one per period it names ("2021: ≥ 80% – 2022: ≥ 85%"), else one of <paramref name="period"/>.</summary>
    public static IEnumerable<ExtractedTarget> Targets(string text, string? period, SourceRef source)
    {
        foreach (var value in TargetExpression.Parse(text, period))
            if ((value.Period ?? period) is { } p) yield return new ExtractedTarget(p, value with { Period = p }, source);
    }

    /// <summary>A cell holding only dashes or quotes ("-----", "'-----"): printed as empty.</summary>
    private static bool IsBlank(string text) => text.Trim('\'', '-', '’', '–', ' ').Length == 0;

    [GeneratedRegex(@"\(?\s*Tipologia(?:\s+KPI)?\s*:\s*([A-Za-zÀ-ÿ]+)\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"^(?:grado (?:di )?raggiungimento|raggiungimento|% (?:di )?raggiungimento|percentuale (?:di )?raggiungimento|performance)")]
    private static partial Regex AchievementHeading();
}
