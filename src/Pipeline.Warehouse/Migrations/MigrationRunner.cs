using System.Data.Common;
using System.Reflection;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Migrations;

/// <summary>One numbered script of sql/&lt;dialect&gt;/ (e.g. 0001_star_schema.sql).</summary>
public sealed record Migration(string Version, string Name, string Sql);

/// <summary>
/// Applies the numbered scripts of sql/&lt;dialect&gt;/ that the warehouse has not seen yet, each in its own
/// transaction, recording them in <c>schema_migrations</c>. Running it again changes nothing.
/// </summary>
public sealed class MigrationRunner(SqlDialect dialect)
{
    private const string CreateLedger =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>The scripts embedded for this dialect, in version order.</summary>
    public IReadOnlyList<Migration> Available()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"sql/{dialect.Name}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var underscore = fileName.IndexOf('_');
            if (underscore <= 0 || !fileName.EndsWith(".sql", StringComparison.Ordinal)) continue;
            migrations.Add(new Migration(fileName[..underscore], fileName[(underscore + 1)..^4], Read(assembly, resource)));
        }
        return migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies what is missing; returns the versions applied now (empty when up to date).</summary>
    public async Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        // The ledger is created under the migration lock too: two nodes starting together on an empty PostgreSQL
        // database would otherwise both run CREATE TABLE IF NOT EXISTS and one fail on pg_type's unique index.
        await using (var ledgerTx = await connection.BeginTransactionAsync(ct))
        {
            await dialect.LockForMigrationAsync(connection, ledgerTx, ct);
            await connection.ExecuteAsync(new CommandDefinition(CreateLedger, transaction: ledgerTx, cancellationToken: ct));
            await ledgerTx.CommitAsync(ct);
        }
        var applied = new List<Migration>();
        foreach (var migration in Available())
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await dialect.LockForMigrationAsync(connection, tx, ct);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, tx, cancellationToken: ct));
            if (done > 0)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
            }
            catch (DbException ex)
            {
                throw new InvalidOperationException($"migration {migration.Version}_{migration.Name} failed on {dialect.Describe()}: {ex.Message}", ex);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            applied.Add(migration);
        }
        return applied;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded migration {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
