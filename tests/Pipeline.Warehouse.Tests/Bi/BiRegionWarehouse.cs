using Pipeline.Core.Achievement;
using Pipeline.Core.Extraction;
using Pipeline.Core.Indicators;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Indicators;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests.Bi;

/// <summary>
/// A warehouse of six chambers' 2021 reports sharing two standard indicators, for <c>bi.confronto</c>: five of Puglia
/// and Brescia (Lombardia). Each prints "(kpi Pareto: C1.1_04)" (%, ≥ 80; higher is better) and "(KPISTD 225)"
/// (giorni, ≤ 30; lower is better) in its KPI names; the actuals are <see cref="Pareto"/> and <see cref="Payment"/>
/// (none: no actual). Foggia also has a second KPI printing C1.1_04 with no actual, which the comparison passes over.
/// Weights: objective 100, C1.1_04 KPI 60, KPISTD 225 KPI 40. The KPIs are linked, then each chamber's achievement computed under the Integra policy.
/// </summary>
public static class BiRegionWarehouse
{
    public static readonly IReadOnlyDictionary<string, decimal?> Pareto = new Dictionary<string, decimal?>
    {
        ["BA"] = 92, ["BR"] = 75, ["FG"] = 88, ["LE"] = 60, ["TA"] = null, ["BS"] = 99,
    };

    public static readonly IReadOnlyDictionary<string, decimal?> Payment = new Dictionary<string, decimal?>
    {
        ["BA"] = 25, ["BR"] = 30, ["FG"] = 18, ["LE"] = 40, ["TA"] = 25, ["BS"] = 12,
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        ["BA"] = "Bari", ["BR"] = "Brindisi", ["FG"] = "Foggia", ["LE"] = "Lecce", ["TA"] = "Taranto", ["BS"] = "Brescia",
    };

    public static readonly Indicator[] Configured =
    [
        new("C1.1_04", "Rispetto dei tempi di evasione (5 giorni) delle pratiche RI", "%", IndicatorPolarity.Higher, IndicatorFamily.Pareto),
        new("KPISTD 225", "Tempo medio di pagamento delle fatture passive", "giorni", IndicatorPolarity.Lower, IndicatorFamily.Pira),
    ];

    private static SourceRef P(int page) => SourceRef.ForPage(page, [10, 10, 100, 20]);

    private static ExtractedKpi Kpi(string id, string name, string unit, decimal? weight, TargetValue target, decimal? actual) => new()
    {
        Id = id, Objective = "o1", Name = name, Unit = unit, Weight = weight, Source = P(2),
        Targets = [new ExtractedTarget("2021", target, P(2))],
        Actuals = actual is { } value ? [new ExtractedActual("2021", value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, P(3))] : [],
    };

    private static ExtractedDocument Report(string code)
    {
        var kpis = new List<ExtractedKpi>
        {
            Kpi("k1", "Pratiche RI evase entro 5 giorni (kpi Pareto: C1.1_04)", "%", 60, TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 80, ">= 80%"), Pareto[code]),
            Kpi("k2", "Tempo medio di pagamento delle fatture passive (KPISTD 225)", "giorni", 40, TargetValue.Numeric("2021", TargetOperator.LessOrEqual, 30, "<= 30 gg"), Payment[code]),
        };
        if (code == "FG")
            kpis.Add(Kpi("k3", "Istanze RI evase nei termini, sportello di Cerignola (kpi Pareto: C1.1_04)", "%", null, TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 70, ">= 70%"), null));
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = $"relazione-{code}.pdf", Sha256 = $"sha-{code}", Format = "pdf", Family = "generic",
                Chamber = $"Camera di Commercio di {Names[code]}", DocType = "relazione", PeriodFrom = 2021, PeriodTo = 2023, Pages = 3,
            },
            Objectives = [new() { Id = "o1", Code = "OO.1", Level = "operational", Title = "Servizi alle imprese", Weight = 100, Source = P(1) }],
            Kpis = kpis,
        };
    }

    public static async Task<TestWarehouse> CreateAsync(string dialect)
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        foreach (var code in Names.Keys)
            await loader.LoadAsync(new LoadRequest(Report(code), $"/in/relazione-{code}.pdf", $"sha-{code}"));
        await new IndicatorLinkStep(wh.Dialect).RunAsync(Configured, []);
        foreach (var code in Names.Keys)
            await new AchievementComputer(wh.Dialect).ComputeAsync(code, 2021, AchievementPolicy.Integra);
        return wh;
    }
}
