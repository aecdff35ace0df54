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
        await EarlierMigrations.ApplyBeforeAsync(wh, "0019");
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
