using System.Data.Common;
using System.Reflection;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Migrations;

/// <summary>One numbered script of sql/&lt;dialect&gt;/ (e.g. 0001_star_schema.sql).</summary>
public sealed record Migration(string Version, string Name, string Sql)
{
    /// <summary>The first line that marks an SQLite script rebuilding a table (see <see cref="MigrationRunner"/>).</summary>
    public const string SqliteForeignKeysOffMarker = "-- pipeline: sqlite foreign_keys off";

    /// <summary>The script rebuilds a table on SQLite (copy, drop, rename), which needs foreign keys off while it runs.</summary>
    public bool SqliteForeignKeysOff => Sql.StartsWith(SqliteForeignKeysOffMarker, StringComparison.Ordinal);
}

/// <summary>
/// Applies the numbered scripts of sql/&lt;dialect&gt;/ that the warehouse has not seen yet, each in its own
/// transaction, recording them in <c>schema_migrations</c>. Running it again changes nothing.
/// An SQLite script that starts with <see cref="Migration.SqliteForeignKeysOffMarker"/> rebuilds a table the way
/// SQLite documents it (create, copy, drop, rename): foreign keys are turned off around its transaction (they cannot
/// be inside one), checked with <c>PRAGMA foreign_key_check</c> before it commits, and any index of the warehouse
/// that the rebuild dropped and the script did not recreate is created again from its recorded definition.
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
            var rebuild = dialect.Name == "sqlite" && migration.SqliteForeignKeysOff;
            try
            {
                if (rebuild)
                {
                    // PRAGMA foreign_keys is a no-op inside a transaction: leave it, turn them off, begin again
                    await tx.RollbackAsync(ct);
                    await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: ct));
                    await using var rebuildTx = await connection.BeginTransactionAsync(ct);
                    var rebuilt = await RebuildAsync(connection, rebuildTx, migration, ct);
                    await rebuildTx.CommitAsync(ct);
                    if (rebuilt) applied.Add(migration);
                    continue;
                }
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
            }
            catch (DbException ex)
            {
                throw new InvalidOperationException($"migration {migration.Version}_{migration.Name} failed on {dialect.Describe()}: {ex.Message}", ex);
            }
            finally
            {
                if (rebuild) await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON", cancellationToken: CancellationToken.None));
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            applied.Add(migration);
        }
        return applied;
    }

    /// <summary>An SQLite table rebuild (foreign keys already off): script, lost indexes again, foreign keys checked, recorded.</summary>
    private static async Task<bool> RebuildAsync(DbConnection connection, DbTransaction tx, Migration migration, CancellationToken ct)
    {
        async Task<Dictionary<string, string>> IndexesAsync() =>
            (await connection.QueryAsync<(string Name, string Sql)>(new CommandDefinition(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL", transaction: tx, cancellationToken: ct)))
            .ToDictionary(i => i.Name, i => i.Sql, StringComparer.Ordinal);

        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, tx, cancellationToken: ct));
        if (done > 0) return false; // another process applied it between the two transactions
        var before = await IndexesAsync();
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
        var after = await IndexesAsync();
        foreach (var (name, sql) in before.Where(i => !after.ContainsKey(i.Key)))
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        var broken = (await connection.QueryAsync(new CommandDefinition("PRAGMA foreign_key_check", transaction: tx, cancellationToken: ct))).Count();
        if (broken > 0)
            throw new InvalidOperationException($"migration {migration.Version}_{migration.Name}: {broken} rows break a foreign key after the rebuild; nothing applied");
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
            new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: ct));
        return true;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded migration {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
