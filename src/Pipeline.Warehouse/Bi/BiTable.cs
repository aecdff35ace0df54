using System.Data.Common;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Bi;

/// <summary>The rows of one BI view as read from the warehouse: column names in view order, values as the provider returns them (DBNull as null).</summary>
public sealed record BiTable(BiView View, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// Reads <paramref name="view"/>, only the rows of <paramref name="chamberId"/> when given and the view is per chamber.
    /// The view name comes from <see cref="BiViews"/>, never from input; the chamber is a parameter.
    /// </summary>
    public static async Task<BiTable> ReadAsync(DbConnection connection, SqlDialect dialect, BiView view, long? chamberId, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        var filter = chamberId is not null && view.PerChamber ? " WHERE \"CameraKey\" = @chamber" : "";
        command.CommandText = $"SELECT * FROM {view.QualifiedName(dialect)}{filter} ORDER BY 1, 2, 3, 4";
        if (filter.Length > 0)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@chamber";
            parameter.Value = chamberId!.Value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new BiTable(view, columns, rows);
    }
}
