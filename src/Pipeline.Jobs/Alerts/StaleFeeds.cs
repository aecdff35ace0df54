using System.Data.Common;
using System.Globalization;
using Dapper;
using Pipeline.Core.Alerts;
using Pipeline.Core.Feeds;

namespace Pipeline.Jobs.Alerts;

/// <summary>The registry feeds of a chamber without a new file for too long, for the stale-feed rule.</summary>
internal static class StaleFeeds
{
    /// <summary>
    /// stale-feed: for each kind of registry feed the chamber has loaded at least once (as of now), the last time a new
    /// file of that kind arrived — a new or superseding load: an unchanged re-read writes no <c>dim_document</c> row —
    /// and, when that is <see cref="StaleFeedRule.Days"/> or more ago, the key <c>(stale-feed, chamber,
    /// feed:&lt;kind&gt;, date of the last file)</c>: a fresh file ends the episode, and the next one is a new alert.
    /// </summary>
    public static async Task<IEnumerable<(AlertKey Key, (string Label, DateOnly DueDate, string Message) Item)>> DueAsync(
        DbConnection connection, AlertConfig config, string chamberCode, DateTimeOffset now, CancellationToken ct)
    {
        var loads = (await connection.QueryAsync(new CommandDefinition(
                """
                SELECT d.family, d.loaded_at FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
                WHERE c.code = @chamberCode AND d.doc_type = 'feed'
                """, new { chamberCode }, cancellationToken: ct)))
            .Select(r => (Family: (string)r.family, At: AlertEvaluator.Instant(r.loaded_at)))
            .Where(l => l.At <= now)
            .ToList();
        var due = new List<(AlertKey, (string, DateOnly, string))>();
        foreach (var kind in Enum.GetValues<FeedKind>())
        {
            var family = "feed-" + kind.ToCode();
            if (!loads.Any(l => l.Family == family)) continue;   // never sent: not expected
            var last = loads.Where(l => l.Family == family).Max(l => l.At);
            var rule = config.StaleFeedRuleOf(kind);
            if (!rule.IsStale(last, now)) continue;
            var lastLocal = TimeZoneInfo.ConvertTime(last, config.Zone);
            var label = $"{kind.ToCode()} feed";
            due.Add((new AlertKey(rule.Id, chamberCode, $"feed:{kind.ToCode()}", AlertClock.LocalDate(last, config.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (label, AlertClock.LocalDate(last + TimeSpan.FromDays(rule.Days), config.Zone),
                 $"{label}: no new file since {lastLocal.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} (stale after {rule.Days} days)")));
        }
        return due;
    }
}
