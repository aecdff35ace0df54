using Pipeline.Warehouse.Migrations;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// Several nodes starting together on an empty PostgreSQL database (a cluster's first night): every one of them
/// initialises the warehouse at the same moment, none fails, and each migration is applied exactly once.
/// </summary>
public sealed class ConcurrentInitTests
{
    [Fact]
    public async Task Six_nodes_initialising_an_empty_database_at_once_all_succeed_and_apply_each_migration_once()
    {
        await using var wh = await TestWarehouse.CreatePostgresAsync();
        using var start = new SemaphoreSlim(0);
        var nodes = Enumerable.Range(0, 6).Select(async _ =>
        {
            await start.WaitAsync();
            return await new WarehouseInitializer(wh.Dialect).InitAsync();
        }).ToList();
        start.Release(nodes.Count);
        var results = await Task.WhenAll(nodes);

        var available = new MigrationRunner(wh.Dialect).Available().Count;
        Assert.Equal(available, results.Sum(r => r.Applied.Count));
        Assert.Equal(available, await wh.CountAsync("schema_migrations"));
    }
}
