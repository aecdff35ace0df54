using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pipeline.Warehouse.Feeds;

/// <summary>One INSERT command, prepared once and executed for every row with new parameter values.</summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public PreparedInsert(DbConnection connection, DbTransaction tx, string table, string columns)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        _parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = DBNull.Value;
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
        if (connection is SqliteConnection) _command.Prepare();
    }

    public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    public Task<int> ExecuteAsync(CancellationToken ct) => _command.ExecuteNonQueryAsync(ct);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
