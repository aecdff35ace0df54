using Pipeline.Core.Achievement;
using Pipeline.Core.Extraction;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>A warehouse with two chambers for the BI model's tests: the hand-checked year report of
/// <see cref="AchievementComputerTests"/> loaded for Foggia and for Bari (other file bytes), both computed.</summary>
public static class BiWarehouse
{
    public static async Task<TestWarehouse> TwoChambersAsync(string dialect)
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var foggia = AchievementComputerTests.Report();
        var bari = foggia with { Document = foggia.Document with { Chamber = "Camera di Commercio di Bari", Sha256 = "sha-bari", File = "relazione-bari.pdf" } };
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(foggia, "/in/relazione.pdf", "sha-relazione"));
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(bari, "/in/relazione-bari.pdf", "sha-bari"));
        await new AchievementComputer(wh.Dialect).ComputeAsync("FG", 2021, AchievementPolicy.Integra);
        await new AchievementComputer(wh.Dialect).ComputeAsync("BA", 2021, AchievementPolicy.Integra);
        return wh;
    }
}
