using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Runs;

namespace Pipeline.Web.Queries;

/// <summary>
/// The Esecuzioni page and <c>/api/esecuzioni</c>: the latest runs of the etl_run ledger (what <c>pipeline jobs
/// history</c> lists, every kind), of the chambers in scope; a run of no chamber only for a region-wide scope.
/// </summary>
public sealed class RunList(SqlDialect dialect)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<EtlRunRow>> ListAsync(ChamberScope scope, string? chamber, CancellationToken ct = default)
    {
        if (chamber is not null) scope.Require(chamber);
        var runs = await new EtlRunStore(dialect).RecentAsync(Limit, chamber: chamber, ct: ct);
        return scope.Filter(runs, r => r.ChamberCode);
    }
}
