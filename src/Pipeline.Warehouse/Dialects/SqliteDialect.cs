using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Pipeline.Warehouse.Dialects;

/// <summary>The embedded warehouse: one SQLite file, WAL journal, foreign keys enforced, one writer at a time (<see cref="Writes"/>).</summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    /// <param name="connectionString">An SQLite connection string (<c>Data Source=…</c>).</param>
    /// <param name="createDirectory">Create the file's folder when missing (commands that write); a reader passes false.</param>
    public SqliteDialect(string connectionString, bool createDirectory = true)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException($"SQLite connection string has no Data Source: '{connectionString}'");
        if (createDirectory && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        builder.Pooling = false;
        DataSource = builder.DataSource;
        _connectionString = builder.ToString();
        Writes = builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory ? WriteGate.Private() : WriteGate.ForFile(builder.DataSource);
    }

    /// <summary>One writer at a time in this process, shared by every dialect on the same file.</summary>
    public override WriteGate Writes { get; }

    public string DataSource { get; }

    public override string Name => "sqlite";

    public override string ConnectionString => _connectionString;

    public override string Describe() => $"SQLite {DataSource}";

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000;", cancellationToken: ct));

    public override object Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override object Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public override object? Number(decimal? value) => value is null ? null : (double)value.Value;

    // SQLite serialises writers itself; BEGIN IMMEDIATE in the migration transaction is enough.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) => Task.CompletedTask;
}
