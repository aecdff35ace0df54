using System.Data.Common;
using Dapper;
using Pipeline.Core.Bi;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Bi;

/// <summary>
/// <c>pipeline bi grant ROLE [--chamber CODE]…</c> on PostgreSQL: ROLE (created as a LOGIN role when missing) may
/// connect, read the views of the <c>bi</c> schema and nothing else, in read-only transactions; with chambers, those
/// views show it only their rows (bi_access, migration 0017); without, every chamber. A chamber must have a plan
/// loaded: every chamber of commerce is in <c>dim_chamber</c> from <c>init</c>, and a role limited to one with nothing
/// loaded (a mistyped code) would see empty views without a word. Granting again replaces the
/// role's chambers. Statements naming the role are built by PostgreSQL's own <c>format(%I)</c>, never by hand.
/// </summary>
public sealed class BiGrant(SqlDialect dialect)
{
    /// <exception cref="ArgumentException">not PostgreSQL, a bad role name, a superuser role, or a chamber with no plan in the warehouse</exception>
    public async Task GrantAsync(string role, IReadOnlyList<string> chamberCodes, CancellationToken ct = default)
    {
        if (dialect is not PostgresDialect)
            throw new ArgumentException("bi grant needs a PostgreSQL warehouse (--warehouse \"Host=…\"): SQLite has no roles");
        if (BiRoleName.Problem(role) is { } problem) throw new ArgumentException(problem);

        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var chamberIds = new List<long>();
        foreach (var code in chamberCodes)
            chamberIds.Add(await connection.ExecuteScalarAsync<long?>(
                               "SELECT c.chamber_id FROM dim_chamber c WHERE c.code = @code AND EXISTS (SELECT 1 FROM dim_plan p WHERE p.chamber_id = c.chamber_id)",
                               new { code }, tx)
                           ?? throw new ArgumentException($"chamber {code} has nothing in the warehouse (no plan loaded): load its documents, then grant"));

        var existing = await connection.QuerySingleOrDefaultAsync<bool?>("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = @role", new { role }, tx);
        if (existing == true) throw new ArgumentException($"role {role} is a superuser (or bypasses row security): it cannot be limited to the bi views");
        if (existing is null) await RunFormattedAsync(connection, tx, "format('CREATE ROLE %I LOGIN', @role)", role, ct);
        await RunFormattedAsync(connection, tx, "format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @role)", role, ct);
        var schema = ((PostgresDialect)dialect).BiSchema;
        await RunFormattedAsync(connection, tx, "format('GRANT USAGE ON SCHEMA %I TO %I', @schema, @role)", role, schema, ct);
        await RunFormattedAsync(connection, tx, "format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', @schema, @role)", role, schema, ct);
        await RunFormattedAsync(connection, tx, "format('ALTER ROLE %I SET default_transaction_read_only = on', @role)", role, ct);

        await connection.ExecuteAsync("DELETE FROM bi_access WHERE role_name = @role", new { role }, tx);
        if (chamberIds.Count == 0)
            await connection.ExecuteAsync("INSERT INTO bi_access (role_name, chamber_id) VALUES (@role, NULL)", new { role }, tx);
        foreach (var id in chamberIds.Distinct())
            await connection.ExecuteAsync("INSERT INTO bi_access (role_name, chamber_id) VALUES (@role, @id)", new { role, id }, tx);
        await tx.CommitAsync(ct);
    }

    private static Task RunFormattedAsync(DbConnection connection, DbTransaction tx, string formatExpression, string role, CancellationToken ct) =>
        RunFormattedAsync(connection, tx, formatExpression, role, "", ct);

    private static async Task RunFormattedAsync(DbConnection connection, DbTransaction tx, string formatExpression, string role, string schema, CancellationToken ct)
    {
        var statement = await connection.ExecuteScalarAsync<string>(new CommandDefinition($"SELECT {formatExpression}", new { role, schema }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(statement!, transaction: tx, cancellationToken: ct));
    }
}
