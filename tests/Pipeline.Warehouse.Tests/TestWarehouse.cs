using Dapper;
using Npgsql;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// A real, empty warehouse for one test: an SQLite file in a temp folder, or a fresh database on the PostgreSQL
/// server that ./test.sh starts (connection in PIPELINE_TEST_POSTGRES).
/// </summary>
public sealed class TestWarehouse : IAsyncDisposable
{
    public static readonly string[] Tables =
    [
        "dim_chamber", "dim_org_unit", "dim_period", "dim_plan", "dim_document", "dim_objective", "dim_kpi",
        "doc_objective", "doc_kpi", "fact_kpi_target", "fact_kpi_measurement", "fact_kpi_achievement",
        "fact_objective_achievement", "lineage", "etl_run", "quarantine", "schema_migrations", "source_archive",
    ];

    private readonly Func<Task> _drop;

    private TestWarehouse(SqlDialect dialect, string connectionString, Func<Task> drop)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public static Task<TestWarehouse> CreateAsync(string dialect) => dialect switch
    {
        "sqlite" => Task.FromResult(CreateSqlite()),
        "postgres" => CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    public static TestWarehouse CreateSqlite()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-wh-");
        var cs = $"Data Source={Path.Combine(dir.FullName, "warehouse.db")}";
        return new TestWarehouse(SqlDialect.FromConnectionString(cs), cs, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>The admin connection string of the test server; a test fails (not skips) without one.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("PIPELINE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("PIPELINE_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL");

    public static async Task<TestWarehouse> CreatePostgresAsync()
    {
        var admin = PostgresAdmin;
        var name = "pipeline_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestWarehouse(SqlDialect.FromConnectionString(cs), cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public async Task<TestWarehouse> InitializedAsync()
    {
        await new WarehouseInitializer(Dialect).InitAsync();
        return this;
    }

    public async Task<long> CountAsync(string table, string where = "1=1")
    {
        await using var connection = await Dialect.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where}");
    }

    public async Task<T?> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Dialect.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args);
    }

    public async Task<List<dynamic>> QueryAsync(string sql, object? args = null)
    {
        await using var connection = await Dialect.OpenAsync();
        return (await connection.QueryAsync(sql, args)).ToList();
    }

    /// <summary>Every row of every table, as text, in a stable order: two equal snapshots mean nothing changed.</summary>
    public async Task<Dictionary<string, List<string>>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, List<string>>();
        await using var connection = await Dialect.OpenAsync();
        foreach (var table in Tables)
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table}");
            snapshot[table] = rows
                .Select(r => string.Join("|", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}")))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        return snapshot;
    }

    public async ValueTask DisposeAsync() => await _drop();
}
