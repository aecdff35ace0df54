using Pipeline.Core.Review;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// The current version of a logical document as the guard sees it (<see cref="VersionGuard"/>): what it holds, and
/// the KPIs of its plan that versions not held for review define — a new version's KPI that is none of these is one
/// the identity matcher could not place.
/// </summary>
internal sealed record CurrentVersion(long DocumentId, VersionCounts Counts, IReadOnlySet<string> PlanKpis)
{
    public static async Task<CurrentVersion?> ReadAsync(LoadSession session, string logicalKey, long planId)
    {
        var row = await session.QueryAsync<(long Id, string? Warnings)>(
            "SELECT document_id, warnings FROM dim_document WHERE logical_key = @logicalKey AND is_current", new { logicalKey });
        if (row.FirstOrDefault() is not { Id: > 0 } current) return null;
        var id = current.Id;
        var kpis = await session.ScalarAsync<long>("SELECT COUNT(*) FROM doc_kpi WHERE document_id = @id", new { id });
        var targets = await session.ScalarAsync<long>("SELECT COUNT(*) FROM fact_kpi_target WHERE document_id = @id", new { id });
        var actuals = await session.ScalarAsync<long>("SELECT COUNT(*) FROM fact_kpi_measurement WHERE document_id = @id", new { id });
        var planKpis = await session.QueryAsync<(string Scope, string Key)>(
            """
            SELECT DISTINCT k.scope_key, k.kpi_key FROM dim_kpi k
            JOIN doc_kpi dk ON dk.kpi_id = k.kpi_id JOIN dim_document d ON d.document_id = dk.document_id
            WHERE k.plan_id = @planId AND (d.review_status IS NULL OR d.review_status = 'accepted')
            """, new { planId });
        return new CurrentVersion(id, new VersionCounts((int)kpis, (int)targets, (int)actuals, WarningLines.Split(current.Warnings)),
            planKpis.Select(k => Key(k.Scope, k.Key)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>How many of the new version's KPIs are not KPIs of the plan as its accepted versions define it.</summary>
    public int Unmatched(IReadOnlyList<KpiPlacement> placements) =>
        placements.Count(p => !PlanKpis.Contains(Key(p.ScopeKey, p.KpiKey)));

    private static string Key(string scope, string key) => scope + "#" + key;
}

/// <summary><c>dim_document.warnings</c>: the extraction's warnings, one a line; '' for none, NULL when not kept.</summary>
public static class WarningLines
{
    public static string Join(IReadOnlyList<string> warnings) => string.Join("\n", warnings.Select(w => w.ReplaceLineEndings(" ")));

    public static IReadOnlyList<string>? Split(string? stored) =>
        stored is null ? null : stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
