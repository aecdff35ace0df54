using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Web.Queries;

/// <summary>The Allarmi page's filters: chamber, open only, rule, severity, period (empty: any).</summary>
public sealed record AlertFilter(string? Chamber, bool OpenOnly, string? Rule, string? Severity, string? Period)
{
    public bool Keeps(AlertRow alert) =>
        (Chamber is null || string.Equals(alert.Chamber, Chamber, StringComparison.OrdinalIgnoreCase))
        && (Rule is null || alert.Rule == Rule)
        && (Severity is null || alert.Severity == Severity)
        && (Period is null || alert.Period == Period);
}

/// <summary>The Allarmi page and <c>/api/allarmi</c>: what <c>pipeline alerts</c> lists, for the chambers in scope, filtered.</summary>
public sealed class AlertList(SqlDialect dialect)
{
    public async Task<IReadOnlyList<AlertRow>> ListAsync(ChamberScope scope, AlertFilter filter, CancellationToken ct = default)
    {
        if (filter.Chamber is not null) scope.Require(filter.Chamber);
        var alerts = await new AlertQueries(dialect).ListAsync(filter.OpenOnly, ct);
        return scope.Filter(alerts, a => a.Chamber).Where(filter.Keeps).ToList();
    }
}
