using System.Globalization;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Queries;

/// <summary>One alert as <c>pipeline alerts</c> lists it; timestamps and dates as ISO text.</summary>
public sealed record AlertRow(long Id, string Rule, string Chamber, string Subject, string Period, string Severity, string Status, string RaisedAt, string DueDate, string Message);

/// <summary><c>pipeline alerts</c>: the alert table, and the chambers an evaluation covers.</summary>
public sealed class AlertQueries(SqlDialect dialect)
{
    public async Task<IReadOnlyList<AlertRow>> ListAsync(bool openOnly, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync(new CommandDefinition(
            """
            SELECT alert_id, rule, chamber_code, subject_label, period, severity, status, raised_at, due_date, message FROM alert
            WHERE @openOnly = FALSE OR status <> 'resolved' ORDER BY chamber_code, due_date, alert_id
            """, new { openOnly }, cancellationToken: ct));
        static string Text(object v) => v switch
        {
            DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        };
        return rows.Select(r => new AlertRow(Convert.ToInt64(r.alert_id), (string)r.rule, (string)r.chamber_code, (string)r.subject_label, (string)r.period,
            (string)r.severity, (string)r.status, Text(r.raised_at), Text(r.due_date)[..10], (string)r.message)).ToList();
    }

    /// <summary>The chambers with a plan in the warehouse.</summary>
    /// <summary>How many alerts of the chamber are not resolved.</summary>
    public async Task<int> OpenCountAsync(string chamberCode, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM alert WHERE chamber_code = @chamberCode AND status <> 'resolved'", new { chamberCode }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<string>> ChambersWithPlansAsync(CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT c.code FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id ORDER BY c.code", cancellationToken: ct))).ToList();
    }
}
