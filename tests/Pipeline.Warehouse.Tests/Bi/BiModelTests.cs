using System.Globalization;
using Pipeline.Warehouse.Bi;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>The Power BI model of migration 0017 on a real warehouse, once per dialect: Italian columns with numeric
/// types, the hand-checked figures, a calendar covering every period, and every fact key found in its dimension.</summary>
public abstract class BiModelTests(string dialect)
{
    private static string V(TestWarehouse wh, string view) => BiViews.All.Single(v => v.Name == view).QualifiedName(wh.Dialect);

    private static decimal? Dec(object? v) => v is null ? null : Convert.ToDecimal(v, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_fact_view_gives_target_actual_and_achievement_per_kpi_with_italian_names()
    {
        await using var wh = await BiWarehouse.TwoChambersAsync(dialect);
        var rows = await wh.QueryAsync($"""
            SELECT i."Indicatore", c."Codice camera", o."Area", v."Target", v."Consuntivo", v."Raggiungimento %", v."Fonte", v."Anno", v."Periodo"
            FROM {V(wh, "valori")} v
            JOIN {V(wh, "indicatore")} i ON i."IndicatoreKey" = v."IndicatoreKey"
            JOIN {V(wh, "camera")} c ON c."CameraKey" = v."CameraKey"
            JOIN {V(wh, "obiettivo")} o ON o."ObiettivoKey" = v."ObiettivoKey"
            WHERE c."Codice camera" = 'FG'
            """);
        var byKpi = rows.ToDictionary(r => (string)((IDictionary<string, object>)r)["Indicatore"], r => (IDictionary<string, object?>)r);
        Assert.Equal(7, byKpi.Count);
        var giorni = byKpi["Giorni di evasione"];
        Assert.Equal((5m, 6m, 80m), (Dec(giorni["Target"]), Dec(giorni["Consuntivo"]), Dec(giorni["Raggiungimento %"])));
        Assert.Equal("relazione.pdf", giorni["Fonte"]);
        Assert.Equal(("Competitività", "2021", 2021L), ((string)giorni["Area"]!, (string)giorni["Periodo"]!, Convert.ToInt64(giorni["Anno"])));
        Assert.Null(Dec(byKpi["Incontri con le associazioni"]["Consuntivo"]));
        Assert.Equal(14, await wh.CountAsync(V(wh, "valori")));
        Assert.Equal(8, await wh.CountAsync(V(wh, "raggiungimento_obiettivi")));
    }

    [Fact]
    public async Task The_calendar_covers_every_period_and_every_fact_key_is_in_its_dimension()
    {
        await using var wh = await BiWarehouse.TwoChambersAsync(dialect);
        Assert.Equal(365, await wh.CountAsync(V(wh, "calendario"), "\"Anno\" = 2021"));
        Assert.Equal(0, await wh.CountAsync($"{V(wh, "periodo")} p", $"NOT EXISTS (SELECT 1 FROM {V(wh, "calendario")} d WHERE d.\"Data\" = p.\"Fine\") OR NOT EXISTS (SELECT 1 FROM {V(wh, "calendario")} d WHERE d.\"Data\" = p.\"Inizio\")"));
        foreach (var (fact, key, dimension) in new[]
                 {
                     ("valori", "IndicatoreKey", "indicatore"), ("valori", "CameraKey", "camera"), ("valori", "ObiettivoKey", "obiettivo"),
                     ("valori", "PeriodoKey", "periodo"), ("valori", "Data", "calendario"), ("raggiungimento_obiettivi", "ObiettivoKey", "obiettivo"),
                     ("raggiungimento_obiettivi", "PeriodoKey", "periodo"), ("indicatore", "CameraKey", "camera"),
                 })
        {
            Assert.Equal(0, await wh.CountAsync($"{V(wh, fact)} f", $"NOT EXISTS (SELECT 1 FROM {V(wh, dimension)} d WHERE d.\"{key}\" = f.\"{key}\")"));
            // one way: the dimension's key is unique
            Assert.Equal(await wh.CountAsync(V(wh, dimension)), await wh.ScalarAsync<long>($"SELECT COUNT(DISTINCT \"{key}\") FROM {V(wh, dimension)}"));
        }
    }
}

public sealed class SqliteBiModelTests() : BiModelTests("sqlite");

public sealed class PostgresBiModelTests() : BiModelTests("postgres");
