using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// What identifies a document as a logical document: its chamber, its plan cycle and the latest period it reports
/// actuals for (with its type, the <c>logical_key</c> a new version shares with the old one).
/// </summary>
internal static class DocumentKeys
{
    public static ChamberInfo ResolveChamber(DocumentInfo info, string? chamberCode)
    {
        var named = string.IsNullOrWhiteSpace(info.Chamber)
            ? null
            : ChamberResolver.Lookup(info.Chamber) ?? ChamberResolver.FindInText(info.Chamber);
        if (chamberCode is null)
        {
            return named ?? throw new LoadException(info.Chamber is null
                ? "the document does not name its chamber; pass --chamber CODE"
                : $"chamber '{info.Chamber}' named by the document is not a known chamber of commerce; pass --chamber CODE");
        }
        var given = ChamberResolver.Lookup(chamberCode)
            ?? throw new LoadException($"--chamber '{chamberCode}' is not a known chamber code or name");
        if (named is not null && named.Code != given.Code)
            throw new LoadException($"the document names chamber {named.Name} ({named.Code}) but --chamber says {given.Code}");
        return given;
    }

    public static (int From, int To) PlanCycle(ExtractedDocument document)
    {
        var info = document.Document;
        if (info.PeriodFrom is { } from && info.PeriodTo is { } to) return (Math.Min(from, to), Math.Max(from, to));
        var years = document.Kpis.SelectMany(k => k.Targets.Select(t => t.Period).Concat(k.Actuals.Select(a => a.Period)))
            .Select(p => Period.TryParse(p, out var period) ? period!.Year : (int?)null)
            .OfType<int>()
            .ToList();
        if (info.PeriodFrom is { } onlyFrom) years.Add(onlyFrom);
        if (info.PeriodTo is { } onlyTo) years.Add(onlyTo);
        if (years.Count == 0)
            throw new LoadException("the document states no years (period_from/period_to) and none of its values has a period");
        return (years.Min(), years.Max());
    }

    /// <summary>The latest period the document reports actuals for ("" for a plan with no actuals).</summary>
    public static string ReportedPeriod(ExtractedDocument document) =>
        document.Kpis.SelectMany(k => k.Actuals)
            .Select(a => Period.TryParse(a.Period, out var p) ? p : null)
            .OfType<Period>()
            .OrderBy(p => p.End).ThenBy(p => p.End.DayNumber - p.Start.DayNumber)
            .LastOrDefault()?.Code ?? "";
}
