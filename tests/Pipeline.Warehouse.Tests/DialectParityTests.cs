using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Warehouse.Tests;

public sealed class DialectParityTests
{
    [Fact]
    public async Task The_same_loads_give_the_same_kpi_view_on_sqlite_and_postgres()
    {
        var results = new List<List<string>>();
        foreach (var dialect in new[] { "sqlite", "postgres" })
        {
            await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
            var loader = new DocumentLoader(wh.Dialect);
            foreach (var (sha, value) in new[] { ("a", 10.5m), ("b", 12.25m) })
            {
                var doc = Documents.FoggiaMonitoring(sha, value);
                await loader.LoadAsync(new LoadRequest(doc, "/in/" + sha, sha));
            }
            var rows = await new KpiQueries(wh.Dialect).ListAsync(null, null);
            results.Add(rows.Select(r => $"{r.ChamberCode}|{r.ObjectiveCode}|{r.Kpi}|{r.Period}|{r.TargetOperator}|{r.TargetValue:0.####}|{r.TargetText}|{r.ActualValue:0.####}|{r.ActualText}").ToList());
        }
        Assert.NotEmpty(results[0]);
        Assert.Equal(results[0], results[1]);
    }
}
