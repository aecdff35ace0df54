using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Dialects;

/// <summary>
/// A warehouse made for one run and removed afterwards (<c>pipeline bench night</c>): an SQLite file in a new
/// temporary folder, or a new database on the PostgreSQL server of a connection string (the database it names is
/// only used to connect, to create and at the end to drop the new one), or the one given, kept.
/// </summary>
public sealed class ScratchWarehouse : IAsyncDisposable
{
    private readonly Func<Task> _remove;

    private ScratchWarehouse(SqlDialect dialect, Func<Task> remove)
    {
        Dialect = dialect;
        _remove = remove;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The warehouse given, used as it is and kept.</summary>
    public static ScratchWarehouse Given(SqlDialect dialect) => new(dialect, () => Task.CompletedTask);

    /// <summary>A new SQLite file in a new temporary folder.</summary>
    public static ScratchWarehouse Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-");
        var dialect = SqlDialect.FromConnectionString($"Data Source={Path.Combine(folder.FullName, "warehouse.db")}");
        return new ScratchWarehouse(dialect, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>A new database on the server of <paramref name="server"/>, dropped (its connections closed) at the end.</summary>
    public static async Task<ScratchWarehouse> PostgresAsync(string server, CancellationToken ct = default)
    {
        var name = "pipeline_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE {name}", cancellationToken: ct));
        }
        var dialect = SqlDialect.FromConnectionString(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return new ScratchWarehouse(dialect, async () =>
        {
            NpgsqlConnection.ClearAllPools();   // pooled idle connections to the database would hold it
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync() => await _remove();
}
