using System.Data.Common;
using System.Globalization;
using Dapper;
using Pipeline.Core.Alerts;

namespace Pipeline.Jobs.Alerts;

/// <summary>The versions of a chamber's documents held for review (docs/review.md), for the <see cref="VersionHeldRule"/>.</summary>
internal static class HeldVersions
{
    public static async Task<IReadOnlyList<HeldDocument>> OfChamberAsync(DbConnection connection, string chamberCode, CancellationToken ct) =>
        (await connection.QueryAsync(new CommandDefinition(
            """
            SELECT d.document_id, d.file_name, d.loaded_at, d.review_reasons FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE c.code = @chamberCode AND d.review_status = 'held' ORDER BY d.document_id
            """, new { chamberCode }, cancellationToken: ct)))
        .Select(r => new HeldDocument(Convert.ToInt64(r.document_id, CultureInfo.InvariantCulture), (string)r.file_name, AlertEvaluator.Instant(r.loaded_at),
            ((string?)r.review_reasons ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        .ToList();
}
