using Dapper;
using Npgsql;
using Pipeline.Samples.Region;
using Pipeline.Warehouse.Bi;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline bi grant</c> as a child process on PostgreSQL: a region of two chambers loaded by <c>pipeline run</c>,
/// a role granted one of them; connected as that role, every bi view shows exactly that chamber's rows, the base
/// tables can be neither read nor written (even with the read-only default turned off) and nothing can be created.
/// Bad input: one line, exit 2, no role made.
/// </summary>
public sealed class BiGrantCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_granted_chamber_role_reads_only_its_chambers_bi_rows_and_can_change_nothing()
    {
        await using var wh = await TestWarehouse.CreateAsync("postgres");
        _cli.Warehouse = wh.ConnectionString;
        var region = SyntheticRegion.Write(_cli.PathOf("region"), new RegionOptions(2, Kpis: 7, Practices: 500));
        var (mine, other) = (region.Chambers[0].Info.Code, region.Chambers[1].Info.Code);
        Assert.Equal(0, (await _cli.RunAsync("init")).ExitCode);
        var run = await _cli.RunAsync("run", "--config", region.ConfigDirectory, "--parallel", "1");
        Assert.True(run.ExitCode == 0, run.ToString());

        var role = TestRole.NewName("bi_cli_");
        try
        {
            var grant = await _cli.RunAsync("bi", "grant", role, "--chamber", mine);
            Assert.True(grant.ExitCode == 0, grant.ToString());
            Assert.Equal($"granted {role}: read-only on schema bi, {mine}", grant.Stdout.Trim());
            Assert.Equal(1, await wh.ScalarAsync<int>("SELECT COUNT(*) FROM pg_roles WHERE rolname = @role AND rolcanlogin AND NOT rolsuper", new { role }));

            var mineId = await wh.ScalarAsync<long>("SELECT chamber_id FROM dim_chamber WHERE code = @mine", new { mine });
            var otherId = await wh.ScalarAsync<long>("SELECT chamber_id FROM dim_chamber WHERE code = @other", new { other });
            await using (var connection = await TestRole.ConnectAsync(wh, role))
            {
                foreach (var view in BiViews.All)
                {
                    var name = view.QualifiedName(wh.Dialect);
                    var seen = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {name}");
                    if (!view.PerChamber)
                    {
                        Assert.Equal(await wh.CountAsync(name), seen);
                        continue;
                    }
                    // the owner sees both chambers' rows; the role exactly its own, and none of another chamber
                    var ofMine = await wh.CountAsync(name, $"\"CameraKey\" = {mineId}");
                    Assert.True(ofMine > 0, $"{name}: no rows of {mine} to see");
                    Assert.True(await wh.CountAsync(name, $"\"CameraKey\" = {otherId}") > 0, $"{name}: no rows of {other} to hide");
                    Assert.Equal(ofMine, seen);
                    Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {name} WHERE \"CameraKey\" <> @mineId", new { mineId }));
                }

                await Refused(connection, "SELECT COUNT(*) FROM dim_kpi", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "SELECT COUNT(*) FROM bi_access", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "INSERT INTO bi_access (role_name, chamber_id) VALUES (current_user, NULL)", PostgresErrorCodes.ReadOnlySqlTransaction);
                // the read-only default is the role's own setting, which it may turn off: privileges still refuse every write
                await connection.ExecuteAsync("SET default_transaction_read_only = off");
                await Refused(connection, "INSERT INTO bi_access (role_name, chamber_id) VALUES (current_user, NULL)", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "UPDATE bi_access SET chamber_id = NULL", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "UPDATE fact_kpi_measurement SET value_num = 0", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "DELETE FROM bi.camera", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "CREATE TABLE public.mine (x integer)", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "CREATE TABLE bi.mine (x integer)", PostgresErrorCodes.InsufficientPrivilege);
                await Refused(connection, "CREATE VIEW bi.everything AS SELECT * FROM dim_chamber", PostgresErrorCodes.InsufficientPrivilege);
            }
            Assert.Equal(1L, await wh.CountAsync("bi_access", $"role_name = '{role}'"));

            // granting again: the other chamber and this one, by name; then every chamber
            var both = await _cli.RunAsync("bi", "grant", role, "--chamber", other, "--chamber", region.Chambers[0].Info.Name);
            Assert.True(both.ExitCode == 0, both.ToString());
            Assert.Equal($"granted {role}: read-only on schema bi, {other}, {mine}", both.Stdout.Trim());
            var every = await _cli.RunAsync("bi", "grant", role);
            Assert.True(every.ExitCode == 0, every.ToString());
            Assert.Equal($"granted {role}: read-only on schema bi, every chamber", every.Stdout.Trim());
            await using (var connection = await TestRole.ConnectAsync(wh, role))
                Assert.Equal(await wh.CountAsync("bi.valori"), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi.valori"));
        }
        finally
        {
            await TestRole.DropAsync(wh, role);
        }
    }

    [Fact]
    public async Task An_unknown_or_empty_chamber_or_a_bad_role_name_gets_one_line_and_exit_2_and_no_role()
    {
        await using var wh = await TestWarehouse.CreateAsync("postgres");
        _cli.Warehouse = wh.ConnectionString;
        Assert.Equal(0, (await _cli.RunAsync("init")).ExitCode);
        var role = TestRole.NewName("bi_cli_bad_");
        try
        {
            foreach (var (args, reason) in new[]
            {
                (new[] { role, "--chamber", "Atlantide" }, "--chamber 'Atlantide' is not a known chamber of commerce"),
                (new[] { role, "--chamber", "Lecce" }, "chamber LE has nothing in the warehouse"),
                (new[] { "Power BI" }, "'Power BI' is not a plain role name"),
            })
            {
                var result = await _cli.RunAsync(["bi", "grant", .. args]);
                Assert.True(result.ExitCode == 2, result.ToString());
                Assert.Equal("", result.Stdout);
                var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith("error: ", line);
                Assert.Contains(reason, line);
            }
            Assert.Equal(0, await wh.ScalarAsync<int>("SELECT COUNT(*) FROM pg_roles WHERE rolname = @role", new { role }));
            Assert.Equal(0L, await wh.CountAsync("bi_access"));
        }
        finally
        {
            await TestRole.DropAsync(wh, role);
        }
    }

    [Fact]
    public async Task A_warehouse_in_its_own_schema_is_granted_its_own_bi_schema_and_says_so()
    {
        await using var wh = await TestWarehouse.CreateAsync("postgres");
        await wh.ScalarAsync<int>("CREATE SCHEMA scratch_grant");
        _cli.Warehouse = new NpgsqlConnectionStringBuilder(wh.ConnectionString) { SearchPath = "scratch_grant" }.ConnectionString;
        var role = TestRole.NewName("bi_cli_scratch_");
        try
        {
            var grant = await _cli.RunAsync("bi", "grant", role);
            Assert.True(grant.ExitCode == 0, grant.ToString());
            Assert.Equal($"granted {role}: read-only on schema bi_scratch_grant, every chamber", grant.Stdout.Trim());
            await using var connection = await TestRole.ConnectAsync(wh, role);
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi_scratch_grant.valori"));
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bi_scratch_grant.camera") > 0);
        }
        finally
        {
            await TestRole.DropAsync(wh, role);
        }
    }

    private static async Task Refused(NpgsqlConnection connection, string sql, string sqlState)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));
        Assert.True(refused.SqlState == sqlState, $"{sql}: {refused.SqlState} {refused.MessageText}");
    }
}
