using System.Data.Common;

namespace Pipeline.Warehouse.Dialects;

/// <summary>
/// Everything that differs between the embedded SQLite warehouse and the PostgreSQL server: how to connect,
/// which migration folder applies, and how typed values are bound. DML is otherwise shared: both dialects
/// accept <c>@name</c> parameters, <c>INSERT … ON CONFLICT … RETURNING</c>, TRUE/FALSE and partial indexes.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgres": the folder under sql/ with this dialect's migrations.</summary>
    public abstract string Name { get; }

    /// <summary>The connection string with secrets removed, for logs and messages.</summary>
    public abstract string Describe();

    /// <summary>The connection string the dialect opens (for components that open their own connections, e.g. the scheduler's job store).</summary>
    public abstract string ConnectionString { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>What every write of this process enters first: one writer at a time on SQLite, open on PostgreSQL (<see cref="WriteGate"/>).</summary>
    public virtual WriteGate Writes => WriteGate.Open;

    /// <summary>A date parameter value for a DATE column (TEXT yyyy-MM-dd in SQLite).</summary>
    public abstract object Date(DateOnly value);

    /// <summary>A timestamp parameter value for a TIMESTAMPTZ column (TEXT ISO-8601 in SQLite).</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>A numeric parameter value (REAL in SQLite, NUMERIC in PostgreSQL).</summary>
    public abstract object? Number(decimal? value);

    /// <summary>
    /// "Is one of the list <paramref name="parameter"/>" (an array parameter): <c>IN @ids</c>, which Dapper expands
    /// into one parameter per item, or PostgreSQL's <c>= ANY(@ids)</c>, one array parameter.
    /// </summary>
    public virtual string AnyOf(string parameter) => $"IN {parameter}";

    /// <summary>Serialises schema changes between processes that migrate the same warehouse at once.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await OnOpenedAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected virtual Task OnOpenedAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Picks the dialect from a connection string: one with <c>Host=</c> is PostgreSQL, anything else an SQLite
    /// file (<c>Data Source=./data/warehouse.db</c>). A bare path without any <c>key=value</c> pair
    /// (<c>/tmp/warehouse.db</c>) is taken for an SQLite file.
    /// </summary>
    public static SqlDialect FromConnectionString(string connectionString) => FromConnectionString(connectionString, createStorage: true);

    /// <summary>As <see cref="FromConnectionString(string)"/>; with <paramref name="createStorage"/> false an SQLite file's folder is not created.</summary>
    public static SqlDialect FromConnectionString(string connectionString, bool createStorage)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("the warehouse connection string is empty", nameof(connectionString));
        if (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return new PostgresDialect(connectionString);
        return new SqliteDialect(connectionString.Contains('=') ? connectionString : "Data Source=" + connectionString, createStorage);
    }
}
