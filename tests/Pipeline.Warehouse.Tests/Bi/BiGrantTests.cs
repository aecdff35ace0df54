using Dapper;
using Npgsql;
using Pipeline.Warehouse.Bi;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>
/// <c>pipeline bi grant</c> on the test PostgreSQL server: connected as the granted role, every bi view shows only
/// its chamber's rows, the base tables are out of reach and writes are refused; granting again changes the chambers.
/// Roles are cluster-wide: each test makes a uniquely named one and drops it.
/// </summary>
public sealed class BiGrantTests
{
    [Fact]
    public async Task A_chamber_role_reads_only_its_chamber_in_every_view_and_cannot_write()
    {
        await using var wh = await BiRegionWarehouse.CreateAsync("postgres");
        var role = TestRole.NewName("bi_test_");
        await new BiGrant(wh.Dialect).GrantAsync(role, ["BA"]);
        try
        {
            var bari = await wh.ScalarAsync<long>("SELECT chamber_id FROM dim_chamber WHERE code = 'BA'");
            await using (var connection = await TestRole.ConnectAsync(wh, role))
            {
                foreach (var view in BiViews.All)
                {
                    var all = await wh.CountAsync(view.QualifiedName(wh.Dialect));
                    var seen = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {view.QualifiedName(wh.Dialect)}");
                    if (!view.PerChamber)
                    {
                        Assert.Equal(all, seen);
                        continue;
                    }
                    Assert.True(seen > 0, view.Name);
                    Assert.True(seen < all, view.Name);
                    Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {view.QualifiedName(wh.Dialect)} WHERE \"CameraKey\" <> @bari", new { bari }));
                }
                // the comparison: its own rows, the others only in the region's aggregates (those of a reader of every chamber)
                var own = (await connection.QueryAsync<(int? Rank, decimal? Median, int Chambers)>(
                    "SELECT \"Posizione\", \"Mediana regione\", \"Camere confrontate\" FROM bi.confronto c JOIN bi.indicatore_standard s USING (\"IndicatoreStandardKey\") WHERE s.\"Codice standard\" = 'C1.1_04'")).Single();
                Assert.Equal((1, 81.5m, 4), (own.Rank, own.Median, own.Chambers));
                var readTable = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_kpi_target"));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, readTable.SqlState);
                var write = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM bi_access"));
                Assert.Contains(write.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.ReadOnlySqlTransaction });
                var create = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("CREATE TABLE bi.mine (x int)"));
                Assert.Contains(create.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.ReadOnlySqlTransaction });
            }

            // granting again without chambers: every chamber
            await new BiGrant(wh.Dialect).GrantAsync(role, []);
            await using (var connection = await TestRole.ConnectAsync(wh, role))
            {
                Assert.Equal(await wh.CountAsync("bi.valori"), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi.valori"));
                Assert.Equal(12L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi.confronto"));
            }
        }
        finally
        {
            await TestRole.DropAsync(wh, role);
        }
    }

    [Fact]
    public async Task Bad_names_superusers_unknown_chambers_and_sqlite_are_refused_in_one_line()
    {
        await using var wh = await BiWarehouse.TwoChambersAsync("postgres");
        var grant = new BiGrant(wh.Dialect);
        Assert.Contains("plain role name", (await Assert.ThrowsAsync<ArgumentException>(() => grant.GrantAsync("x; DROP TABLE dim_kpi", []))).Message);
        var superuser = TestRole.NewName("bi_su_");
        await wh.ScalarAsync<int>($"CREATE ROLE {superuser} SUPERUSER");
        try
        {
            Assert.Contains("superuser", (await Assert.ThrowsAsync<ArgumentException>(() => grant.GrantAsync(superuser, []))).Message);
            Assert.Equal(0, await wh.ScalarAsync<int>("SELECT COUNT(*) FROM bi_access WHERE role_name = @superuser", new { superuser }));
        }
        finally
        {
            await TestRole.DropAsync(wh, superuser);
        }
        var nobody = TestRole.NewName("bi_nobody_");
        Assert.Contains("ZZ", (await Assert.ThrowsAsync<ArgumentException>(() => grant.GrantAsync(nobody, ["ZZ"]))).Message);
        // Lecce is in dim_chamber (every chamber is, from init) but has nothing loaded: a role limited to it would see empty views
        Assert.Contains("chamber LE has nothing in the warehouse", (await Assert.ThrowsAsync<ArgumentException>(() => grant.GrantAsync(nobody, ["BA", "LE"]))).Message);
        Assert.Equal(0, await wh.ScalarAsync<int>("SELECT COUNT(*) FROM pg_roles WHERE rolname = @nobody", new { nobody }));
        await using var sqlite = await TestWarehouse.CreateAsync("sqlite");
        Assert.Contains("PostgreSQL", (await Assert.ThrowsAsync<ArgumentException>(() => new BiGrant(sqlite.Dialect).GrantAsync("reader", []))).Message);
    }

    [Fact]
    public async Task A_warehouse_in_its_own_schema_gets_its_own_bi_schema_beside_the_public_one()
    {
        await using var wh = await BiWarehouse.TwoChambersAsync("postgres");
        await wh.ScalarAsync<int>("CREATE SCHEMA scratch_one");
        var scratch = ((Pipeline.Warehouse.Dialects.PostgresDialect)wh.Dialect).WithSearchPath("scratch_one");
        await new WarehouseInitializer(scratch).InitAsync();
        Assert.Equal("bi_scratch_one", scratch.BiSchema);
        Assert.Equal("bi", ((Pipeline.Warehouse.Dialects.PostgresDialect)wh.Dialect).BiSchema);
        await using var connection = await scratch.OpenAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi_scratch_one.valori"));
        Assert.Equal(14, await wh.CountAsync("bi.valori"));
    }
}
