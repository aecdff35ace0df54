using System.Globalization;

namespace Pipeline.Core.Alerts;

/// <summary>A new version of a document held for review (docs/review.md): its document id, file, when it was loaded and why it was held.</summary>
public sealed record HeldDocument(long DocumentId, string FileName, DateTimeOffset LoadedAt, IReadOnlyList<string> Reasons);

/// <summary>
/// version-held: one alert per held version (subject <c>doc:&lt;document id&gt;</c>, period the local day it was
/// loaded), open while the version waits for <c>pipeline review accept|reject</c>, resolved by the decision.
/// </summary>
public static class VersionHeldRule
{
    public const string Id = "version-held";

    public static (AlertKey Key, string Label, DateOnly DueDate, string Message) Due(string chamberCode, HeldDocument held, TimeZoneInfo zone)
    {
        var day = AlertClock.LocalDate(held.LoadedAt, zone);
        var reasons = held.Reasons.Count == 0 ? "suspect" : string.Join("; ", held.Reasons);
        return (new AlertKey(Id, chamberCode, $"doc:{held.DocumentId}", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            held.FileName, day,
            $"{held.FileName}: new version held for review, not made current ({reasons}); 'pipeline review accept|reject {held.DocumentId}' decides");
    }
}
