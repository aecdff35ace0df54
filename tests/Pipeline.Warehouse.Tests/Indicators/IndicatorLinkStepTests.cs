using Pipeline.Core.Extraction;
using Pipeline.Core.Indicators;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Indicators;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests.Indicators;

/// <summary>
/// Two chambers' plans printing the same Pareto code link to one indicator; a KPI whose targets say the opposite
/// polarity stays unlinked; a configured decision links by config; a similar name is proposed and not written.
/// Once per dialect.
/// </summary>
public abstract class IndicatorLinkStepTests(string dialect)
{
    private static SourceRef P(int page) => SourceRef.ForPage(page, [1, 1, 2, 2]);

    private static ExtractedDocument Plan(string sha, string chamber, params (string Name, string? Unit, TargetOperator Op)[] kpis) => new()
    {
        Document = new DocumentInfo
        {
            File = sha + ".pdf", Sha256 = sha, Format = "pdf", Family = "generic", Chamber = chamber,
            DocType = "piano", PeriodFrom = 2021, PeriodTo = 2023, Pages = 1,
        },
        Objectives = [new() { Id = "o1", Code = "1.1", Level = "operational", Title = "Servizi", Source = P(1) }],
        Kpis = kpis.Select((k, i) => new ExtractedKpi
        {
            Id = $"k{i}", Objective = "o1", Name = k.Name, Unit = k.Unit, Source = P(1),
            Targets = [new ExtractedTarget("2021", TargetValue.Numeric("2021", k.Op, 70, "70"), P(1))],
        }).ToList(),
    };

    private static readonly Indicator Satisfaction = new("U-01", "Grado di soddisfazione degli utenti dei servizi camerali", "%", IndicatorPolarity.Higher, IndicatorFamily.Union);

    private async Task<TestWarehouse> LoadAsync()
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Plan("sha-bs", "Camera di Commercio di Brescia",
            ("Rispetto dei tempi di evasione (5 giorni) delle pratiche di Registro Imprese (kpi Pareto:C1.1_04_rev2018)", "%", TargetOperator.GreaterOrEqual),
            ("Customer satisfaction", "%", TargetOperator.GreaterOrEqual)), "/in/bs.pdf", "sha-bs"));
        await loader.LoadAsync(new LoadRequest(Plan("sha-fg", "Camera di Commercio di Foggia",
            ("Pratiche RI evase entro 5 giorni (kpi Pareto: C1.1_04)", "%", TargetOperator.GreaterOrEqual),
            ("Grado soddisfazione utenti servizi camerali", "%", TargetOperator.GreaterOrEqual),
            ("Tempo medio di pagamento delle fatture passive (KPISTD 225)", "giorni", TargetOperator.LessOrEqual)), "/in/fg.pdf", "sha-fg"));
        await loader.LoadAsync(new LoadRequest(Plan("sha-ba", "Camera di Commercio di Bari",
            ("Pratiche sospese (kpi Pareto: C1.1_04)", "%", TargetOperator.LessOrEqual)), "/in/ba.pdf", "sha-ba"));
        return wh;
    }

    private static Task<string?> LinkOf(TestWarehouse wh, string nameStart) => wh.ScalarAsync<string>(
        "SELECT i.code || ' ' || k.indicator_link FROM dim_kpi k JOIN dim_indicator i ON i.indicator_id = k.indicator_id WHERE k.name LIKE @n", new { n = nameStart + "%" });

    [Fact]
    public async Task Kpis_printing_a_code_share_its_indicator_decisions_link_by_config_and_names_only_propose()
    {
        await using var wh = await LoadAsync();
        var step = new IndicatorLinkStep(wh.Dialect);

        var linking = await step.RunAsync([Satisfaction], [new IndicatorDecision("BS", "Customer satisfaction", "U-01")]);

        Assert.Equal(3, await wh.CountAsync("dim_indicator"));   // U-01 configured; C1.1_04 and KPISTD 225 printed
        Assert.Equal("pareto", await wh.ScalarAsync<string>("SELECT family FROM dim_indicator WHERE code = 'C1.1_04'"));
        Assert.Equal("lower", await wh.ScalarAsync<string>("SELECT polarity FROM dim_indicator WHERE code = 'KPISTD 225'"));
        Assert.Equal("C1.1_04 code", await LinkOf(wh, "Rispetto dei tempi"));
        Assert.Equal("C1.1_04 code", await LinkOf(wh, "Pratiche RI evase"));
        Assert.Equal("U-01 config", await LinkOf(wh, "Customer satisfaction"));
        Assert.Equal("KPISTD 225 code", await LinkOf(wh, "Tempo medio"));
        // Bari's KPI prints the code, but its target wants it lower: not the same indicator
        Assert.Null(await LinkOf(wh, "Pratiche sospese"));
        Assert.Equal("polarity lower ≠ higher", Assert.Single(linking.Conflicts).Reason);
        // Foggia's satisfaction KPI only resembles U-01 by name: proposed (by what conform indicators asks), not written
        Assert.Empty(linking.Proposals);
        var proposal = Assert.Single((await step.ProposeAsync([Satisfaction], [new IndicatorDecision("BS", "Customer satisfaction", "U-01")])).Proposals);
        Assert.Equal(("FG", "U-01"), (proposal.Kpi.Chamber, proposal.Indicator.Code));
        Assert.Null(await LinkOf(wh, "Grado soddisfazione"));
        Assert.Equal(4, await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL"));
    }

    [Fact]
    public async Task Linking_again_is_idempotent_and_a_withdrawn_decision_unlinks()
    {
        await using var wh = await LoadAsync();
        var step = new IndicatorLinkStep(wh.Dialect);
        await step.RunAsync([Satisfaction], [new IndicatorDecision("BS", "Customer satisfaction", "U-01")]);
        await step.RunAsync([Satisfaction], [new IndicatorDecision("BS", "Customer satisfaction", "U-01")]);
        Assert.Equal(3, await wh.CountAsync("dim_indicator"));
        Assert.Equal(4, await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL"));

        var proposed = await step.ProposeAsync([Satisfaction], []);   // nothing written
        Assert.Equal(4, await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL"));
        Assert.Equal("FG", Assert.Single(proposed.Proposals).Kpi.Chamber);   // Brescia's name is unlike U-01's: no proposal
        await step.RunAsync([Satisfaction], []);
        Assert.Null(await LinkOf(wh, "Customer satisfaction"));
        Assert.Equal(3, await wh.CountAsync("dim_kpi", "indicator_id IS NOT NULL"));
    }
}

public sealed class SqliteIndicatorLinkStepTests() : IndicatorLinkStepTests("sqlite");

public sealed class PostgresIndicatorLinkStepTests() : IndicatorLinkStepTests("postgres");
