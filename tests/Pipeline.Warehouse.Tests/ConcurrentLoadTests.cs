using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// Loads of different chambers at the same time (what two scheduler nodes do on PostgreSQL, and chambers run in
/// parallel on either dialect): each brings periods the warehouse has not seen, in the opposite order of the other.
/// They share <c>dim_period</c>, and the loads all succeed — no deadlock, no "database is locked" — with one row per period.
/// </summary>
public sealed class ConcurrentLoadTests
{
    private static readonly SourceRef P = SourceRef.ForPage(1, [1, 1, 2, 2]);

    private static ExtractedDocument Monitoring(string chamber, string sha, IReadOnlyList<string> periods) => new()
    {
        Document = new DocumentInfo
        {
            File = sha + ".pdf", Sha256 = sha, Format = "pdf", Family = "generic", Chamber = chamber,
            DocType = "monitoraggio", PeriodFrom = 2040, PeriodTo = 2049, Pages = 1,
        },
        Objectives = [new() { Id = "o", Code = "OP.1", Level = "operational", Title = "Servizi", Source = P }],
        Kpis = Enumerable.Range(0, 8).Select(i => new ExtractedKpi
        {
            Id = $"k{i}", Objective = "o", Name = $"Indicatore {i}", Source = P,
            Actuals = periods.Select(p => new ExtractedActual(p, "5", 5m, P)).ToList(),
        }).ToList(),
    };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Loads_of_chambers_bringing_the_same_new_periods_in_opposite_orders_all_succeed(string dialect)
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        var periods = Enumerable.Range(2040, 10).SelectMany(y => new[] { $"{y}-S1", $"{y}" }).ToList();
        for (var round = 0; round < 5; round++)
        {
            var forward = periods.Skip(round * 4).Take(4).ToList();
            var backward = forward.AsEnumerable().Reverse().ToList();
            var loads = new[]
            {
                loader.LoadAsync(new LoadRequest(Monitoring("Camera di Commercio di Foggia", $"fg-{round}", forward), "/in/fg.pdf", $"fg-{round}")),
                loader.LoadAsync(new LoadRequest(Monitoring("Camera di Commercio di Lecce", $"le-{round}", backward), "/in/le.pdf", $"le-{round}")),
                loader.LoadAsync(new LoadRequest(Monitoring("Camera di Commercio di Bari", $"ba-{round}", forward), "/in/ba.pdf", $"ba-{round}")),
            };
            await Task.WhenAll(loads);
        }
        Assert.Equal(periods.Count, await wh.CountAsync("dim_period", "year >= 2040"));
        Assert.Equal(3 * 5 * 8 * 4, await wh.CountAsync("fact_kpi_measurement"));
    }
}
