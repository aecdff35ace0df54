using Dapper;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Warehouse.Tests;

/// <summary>A warehouse as an older release left it: the migrations before one version applied and recorded, the later not.</summary>
public static class EarlierMigrations
{
    /// <summary>Applies and records every migration of the dialect before <paramref name="version"/> ("0019"); returns all the available ones.</summary>
    public static async Task<IReadOnlyList<Migration>> ApplyBeforeAsync(TestWarehouse wh, string version)
    {
        var migrations = new MigrationRunner(wh.Dialect).Available();
        await using var connection = await wh.Dialect.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var m in migrations.Where(m => string.CompareOrdinal(m.Version, version) < 0))
        {
            await connection.ExecuteAsync(m.Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@Version, @Name, 'test')", new { m.Version, m.Name });
        }
        return migrations;
    }
}
