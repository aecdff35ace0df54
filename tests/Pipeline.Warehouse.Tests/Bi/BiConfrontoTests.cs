using System.Globalization;
using Pipeline.Warehouse.Bi;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>
/// <c>bi.confronto</c> (migration 0019) on <see cref="BiRegionWarehouse"/>, once per dialect, against figures worked
/// out by hand. C1.1_04 in Puglia (higher is better), actuals LE 60, BR 75, FG 88, BA 92 (Taranto has none): rank BA 1,
/// FG 2, BR 3, LE 4; quartiles at positions p·(n−1) = 0,75 / 1,5 / 2,25 of the sorted four: 60 + 0,75 × 15 = 71,25;
/// 75 + 0,5 × 13 = 81,5; 88 + 0,25 × 4 = 89. Achievement (Integra, ≥ 80, capped at 100): LE 75, BR 93,75, FG 100, BA
/// 100, median (93,75 + 100) / 2 = 96,875. Brescia is alone in Lombardia: rank 1 of 1, every quartile 99.
/// KPISTD 225 in Puglia (lower is better), FG 18, BA 25, TA 25, BR 30, LE 40: rank FG 1, BA and TA 2, BR 4, LE 5;
/// quartiles at 1 / 2 / 3: 25, 25, 30.
/// </summary>
public abstract class BiConfrontoTests(string dialect)
{
    private static decimal? Dec(object? v) => v is null ? null : Math.Round(Convert.ToDecimal(v, CultureInfo.InvariantCulture), 6);

    private static async Task<Dictionary<string, IDictionary<string, object?>>> RowsAsync(TestWarehouse wh, string indicator)
    {
        string V(string name) => BiViews.All.Single(v => v.Name == name).QualifiedName(wh.Dialect);
        var rows = await wh.QueryAsync($"""
            SELECT c."Codice camera" AS chamber, x.*
            FROM {V("confronto")} x
            JOIN {V("camera")} c ON c."CameraKey" = x."CameraKey"
            JOIN {V("indicatore_standard")} s ON s."IndicatoreStandardKey" = x."IndicatoreStandardKey"
            WHERE s."Codice standard" = @indicator AND x."Anno" = 2021
            """, new { indicator });
        return rows.Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["chamber"]!);
    }

    [Fact]
    public async Task Ranks_and_the_regions_median_and_quartiles_equal_the_figures_worked_out_by_hand()
    {
        await using var wh = await BiRegionWarehouse.CreateAsync(dialect);
        var pareto = await RowsAsync(wh, "C1.1_04");
        Assert.Equal(["BA", "BR", "BS", "FG", "LE", "TA"], pareto.Keys.Order());

        var ranks = pareto.ToDictionary(r => r.Key, r => r.Value["Posizione"] is { } p ? Convert.ToInt32(p, CultureInfo.InvariantCulture) : (int?)null);
        Assert.Equal(new Dictionary<string, int?> { ["BA"] = 1, ["FG"] = 2, ["BR"] = 3, ["LE"] = 4, ["TA"] = null, ["BS"] = 1 }, ranks);
        foreach (var code in new[] { "BA", "BR", "FG", "LE", "TA" })
        {
            var row = pareto[code];
            Assert.Equal("Puglia", row["Regione"]);
            Assert.Equal(4, Convert.ToInt32(row["Camere confrontate"], CultureInfo.InvariantCulture));
            Assert.Equal((71.25m, 81.5m, 89m), (Dec(row["Primo quartile regione"]), Dec(row["Mediana regione"]), Dec(row["Terzo quartile regione"])));
            Assert.Equal(96.875m, Dec(row["Mediana raggiungimento regione"]));
            Assert.Equal(80m, Dec(row["Target"]));
            Assert.Equal(BiRegionWarehouse.Pareto[code], Dec(row["Consuntivo"]));
        }
        Assert.Equal((93.75m, 75m), (Dec(pareto["BR"]["Raggiungimento %"]), Dec(pareto["LE"]["Raggiungimento %"])));
        // Foggia's second C1.1_04 KPI has no actual: the row is the one measured
        Assert.Equal(100m, Dec(pareto["FG"]["Raggiungimento %"]));
        var brescia = pareto["BS"];
        Assert.Equal(("Lombardia", 1), ((string)brescia["Regione"]!, Convert.ToInt32(brescia["Camere confrontate"], CultureInfo.InvariantCulture)));
        Assert.Equal((99m, 99m, 99m), (Dec(brescia["Primo quartile regione"]), Dec(brescia["Mediana regione"]), Dec(brescia["Terzo quartile regione"])));

        var payment = await RowsAsync(wh, "KPISTD 225");
        var paymentRanks = payment.Where(r => r.Key != "BS").ToDictionary(r => r.Key, r => Convert.ToInt32(r.Value["Posizione"], CultureInfo.InvariantCulture));
        Assert.Equal(new Dictionary<string, int> { ["FG"] = 1, ["BA"] = 2, ["TA"] = 2, ["BR"] = 4, ["LE"] = 5 }, paymentRanks);
        Assert.Equal((25m, 25m, 30m), (Dec(payment["LE"]["Primo quartile regione"]), Dec(payment["LE"]["Mediana regione"]), Dec(payment["LE"]["Terzo quartile regione"])));
    }

    [Fact]
    public async Task Every_key_of_the_comparison_is_found_in_its_dimension_and_kpis_carry_their_standard_indicator_and_weight()
    {
        await using var wh = await BiRegionWarehouse.CreateAsync(dialect);
        string V(string name) => BiViews.All.Single(v => v.Name == name).QualifiedName(wh.Dialect);
        foreach (var (key, dimension) in new[] { ("IndicatoreStandardKey", "indicatore_standard"), ("CameraKey", "camera"), ("PeriodoKey", "periodo") })
            Assert.Equal(0, await wh.CountAsync($"{V("confronto")} f", $"NOT EXISTS (SELECT 1 FROM {V(dimension)} d WHERE d.\"{key}\" = f.\"{key}\")"));
        // one row per standard indicator, chamber and year
        Assert.Equal(12, await wh.CountAsync(V("confronto")));
        Assert.Equal(13, await wh.CountAsync(V("indicatore"), "\"IndicatoreStandardKey\" IS NOT NULL"));
        var standard = (IDictionary<string, object?>)(await wh.QueryAsync(
            $"SELECT \"Polarità\", \"Famiglia\" FROM {V("indicatore_standard")} WHERE \"Codice standard\" = 'C1.1_04'")).Single();
        // weights for weighted DAX measures: the KPI's (60 + 40 per chamber, Foggia's third has none) and the objective's
        Assert.Equal(600m, Dec(await wh.ScalarAsync<object>($"SELECT SUM(\"Peso\") FROM {V("valori")} WHERE \"Periodo\" = '2021'")));
        Assert.Equal(6, await wh.CountAsync(V("obiettivo"), "\"Peso\" = 100"));
        Assert.Equal(("crescente", "Pareto"), ((string)standard["Polarità"]!, (string)standard["Famiglia"]!));
    }
}

public sealed class SqliteBiConfrontoTests() : BiConfrontoTests("sqlite");

public sealed class PostgresBiConfrontoTests() : BiConfrontoTests("postgres");
