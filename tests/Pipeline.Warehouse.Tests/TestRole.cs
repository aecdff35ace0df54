using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// A PostgreSQL role of one test (<c>pipeline bi grant</c>). Roles are cluster-wide, shared by every test database
/// of the server: each test names its own uniquely and drops it at the end, with what it was granted.
/// </summary>
public static class TestRole
{
    /// <summary><paramref name="prefix"/> and ten hex digits: a plain lower-case role name no other test uses.</summary>
    public static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A connection to the warehouse's database as <paramref name="role"/> (the test server trusts local logins).</summary>
    public static async Task<NpgsqlConnection> ConnectAsync(TestWarehouse wh, string role)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(wh.ConnectionString) { Username = role, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Drops <paramref name="role"/> and its privileges in the warehouse's database, when it exists.</summary>
    public static async Task DropAsync(TestWarehouse wh, string role)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(wh.ConnectionString);
        await connection.OpenAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pg_roles WHERE rolname = @role", new { role }) == 0) return;
        await connection.ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"");
    }
}
