using System.Data.Common;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Loading;

/// <summary>The open connection and transaction of one load.</summary>
internal sealed class LoadSession(DbConnection connection, DbTransaction tx, SqlDialect dialect, CancellationToken ct)
{
    public SqlDialect Dialect => dialect;

    public CancellationToken CancellationToken => ct;

    public Task<T?> ScalarAsync<T>(string sql, object? args) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    public Task<int> ExecuteAsync(string sql, object? args) =>
        connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args) =>
        connection.QueryAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));
}
