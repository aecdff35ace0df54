using Dapper;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// <c>dim_period</c>, the one dimension every chamber's loads share. On PostgreSQL loads of different chambers run at
/// the same time (scheduler nodes, several threads): a missing period is inserted and committed at once on a
/// connection of its own, so that no load's transaction holds a lock on a shared row (two loads upserting the same
/// new periods in another order deadlocked). On SQLite, with one writer at a time, it is upserted in the load's
/// transaction. Either way the id is then read inside the load's transaction.
/// </summary>
public static class PeriodRows
{
    private const string Insert = "INSERT INTO dim_period (code, kind, year, start_date, end_date) VALUES (@Code, @kind, @Year, @start, @end) ON CONFLICT (code) ";

    /// <param name="scalar">Runs a scalar query in the load's transaction.</param>
    public static async Task<long> IdAsync(SqlDialect dialect, Period period, Func<string, object, Task<long?>> scalar, CancellationToken ct)
    {
        var row = new { period.Code, kind = period.Kind.ToString().ToLowerInvariant(), period.Year, start = dialect.Date(period.Start), end = dialect.Date(period.End) };
        if (dialect is not PostgresDialect)
            return await scalar(Insert + "DO UPDATE SET kind = excluded.kind RETURNING period_id", row) ?? throw new InvalidOperationException($"period {period.Code} not stored");

        const string select = "SELECT period_id FROM dim_period WHERE code = @Code";
        if (await scalar(select, row) is { } id) return id;
        await using (var own = await dialect.OpenAsync(ct))
            await own.ExecuteAsync(new CommandDefinition(Insert + "DO NOTHING", row, cancellationToken: ct));
        return await scalar(select, row) ?? throw new InvalidOperationException($"period {period.Code} not stored");
    }
}
