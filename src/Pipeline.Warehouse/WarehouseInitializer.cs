using Dapper;
using Pipeline.Core.Chambers;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Warehouse;

public sealed record InitResult(IReadOnlyList<Migration> Applied, int Chambers);

/// <summary><c>pipeline init</c>: applies missing migrations and upserts the reference data (chambers). Idempotent.</summary>
public sealed class WarehouseInitializer(SqlDialect dialect)
{
    public async Task<InitResult> InitAsync(CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        var applied = await new MigrationRunner(dialect).ApplyAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var chamber in ItalianChambers.All)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dim_chamber (code, name, region, names) VALUES (@Code, @Name, @Region, @names)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region, names = excluded.names
                WHERE dim_chamber.name <> excluded.name OR dim_chamber.region <> excluded.region OR dim_chamber.names <> excluded.names
                """,
                new { chamber.Code, chamber.Name, chamber.Region, names = string.Join("|", chamber.Names) }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return new InitResult(applied, ItalianChambers.All.Count);
    }
}
