using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Web.Queries;

/// <summary>The KPI page and <c>/api/kpi/{id}</c>: what <c>pipeline trace ID</c> gives (values with their sources, the rules applied), for a KPI in scope.</summary>
public sealed class KpiDetail(SqlDialect dialect)
{
    /// <summary>The KPI, or null when there is none of that id.</summary>
    /// <exception cref="OutOfScopeException">The KPI is a chamber's outside <paramref name="scope"/>.</exception>
    public async Task<TracedKpi?> LoadAsync(ChamberScope scope, long kpiId, CancellationToken ct = default)
    {
        var kpi = (await new TraceQueries(dialect) { WithFeedRows = false }.TraceAsync(kpiId.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, ct))
            .FirstOrDefault(k => k.KpiId == kpiId);
        if (kpi is null) return null;
        scope.Require(kpi.ChamberCode);
        return kpi;
    }
}
