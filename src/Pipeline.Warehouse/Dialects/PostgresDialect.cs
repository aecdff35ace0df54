using System.Data.Common;
using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Dialects;

/// <summary>The server warehouse on PostgreSQL (Npgsql).</summary>
public sealed class PostgresDialect : SqlDialect
{
    // Arbitrary constant shared by every Pipeline process: pg_advisory_xact_lock key for migrations.
    private const long MigrationLockKey = 0x50_49_50_45_4C_49_4E_45; // "PIPELINE"
    private readonly string _connectionString;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Host = builder.Host ?? "";
        Database = builder.Database ?? "";
        _connectionString = builder.ConnectionString;
    }

    public string Host { get; }
    public string Database { get; }

    public override string Name => "postgres";

    public override string AnyOf(string parameter) => $"= ANY({parameter})";

    public override string ConnectionString => _connectionString;

    public override string Describe() => $"PostgreSQL {Host}/{Database}";

    public override DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    /// <summary>The same server and database with another schema first on the search path (a scratch warehouse).</summary>
    /// <summary>
    /// The schema of the Power BI views (migration 0017): <c>bi</c> for a warehouse in <c>public</c>, else
    /// <c>bi_&lt;schema&gt;</c> for a warehouse kept in its own schema (the same rule as the migration's).
    /// </summary>
    public string BiSchema
    {
        get
        {
            var first = new NpgsqlConnectionStringBuilder(_connectionString).SearchPath?.Split(',')[0].Trim().Trim('"');
            return string.IsNullOrEmpty(first) || first == "public" ? "bi" : "bi_" + first;
        }
    }

    public PostgresDialect WithSearchPath(string schema) =>
        new(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = schema }.ConnectionString);

    public override object Date(DateOnly value) => value;

    public override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    public override object? Number(decimal? value) => value;

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: ct));
}
