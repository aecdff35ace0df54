using Dapper;
using Pipeline.Warehouse.Bi;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>
/// A role granted with <c>pipeline bi grant</c> on a warehouse before migration 0019 reads the views that migration
/// adds (bi.confronto, bi.indicatore_standard) once it is applied, without being granted again.
/// </summary>
public sealed class BiMigrationGrantTests
{
    [Fact]
    public async Task A_role_granted_before_0019_reads_its_new_views_after_it()
    {
        await using var wh = await TestWarehouse.CreateAsync("postgres");
        var migrations = new MigrationRunner(wh.Dialect).Available();
        await using (var connection = await wh.Dialect.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var m in migrations.Where(m => string.CompareOrdinal(m.Version, "0019") < 0))
            {
                await connection.ExecuteAsync(m.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@Version, @Name, 'test')", new { m.Version, m.Name });
            }
        }
        var role = TestRole.NewName("bi_before_");
        await new BiGrant(wh.Dialect).GrantAsync(role, []);
        try
        {
            var applied = await new MigrationRunner(wh.Dialect).ApplyAsync();
            Assert.Contains(applied, m => m.Version == "0019");
            await using var connection = await TestRole.ConnectAsync(wh, role);
            foreach (var view in new[] { "confronto", "indicatore_standard", "valori", "obiettivo", "indicatore" })
                Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM bi.{view}"));
            // the columns 0019 adds are there for the role too
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(\"Peso\") FROM bi.valori"));
        }
        finally
        {
            await TestRole.DropAsync(wh, role);
        }
    }
}
