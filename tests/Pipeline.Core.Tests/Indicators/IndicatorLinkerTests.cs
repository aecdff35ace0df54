using Pipeline.Core.Indicators;

namespace Pipeline.Core.Tests.Indicators;

public class IndicatorLinkerTests
{
    private static readonly IndicatorTraits Percent = new("%", IndicatorPolarity.Higher);

    private static IndicatorKpi Kpi(long id, string chamber, string name, IndicatorTraits? traits = null, string? code = null, string? algorithm = null) =>
        new(id, chamber, code, name, algorithm, traits ?? Percent);

    private static readonly Indicator C1104 = new("C1.1_04", "Rispetto dei tempi di evasione delle pratiche del Registro Imprese", "%", IndicatorPolarity.Higher, IndicatorFamily.Pareto);
    private static readonly Indicator Union = new("U-01", "Grado di soddisfazione degli utenti dei servizi camerali", "%", IndicatorPolarity.Higher, IndicatorFamily.Union);

    [Theory]
    [InlineData("%", "higher", "%", "higher", null)]
    [InlineData("%", null, "%", "higher", null)]
    [InlineData(null, "higher", "€", "higher", null)]
    [InlineData("Giorni", "lower", "giorni", "lower", null)]
    [InlineData("gg", "lower", "giorni", "lower", null)]
    [InlineData("euro", null, "€", null, null)]
    [InlineData("gg", "lower", "gg lavorativi", "lower", "unit gg ≠ gg lavorativi")]
    [InlineData("%", "higher", "€", "higher", "unit % ≠ €")]
    [InlineData("%", "higher", "%", "lower", "polarity higher ≠ lower")]
    public void Units_and_polarities_must_agree(string? unitA, string? polA, string? unitB, string? polB, string? disagreement) =>
        Assert.Equal(disagreement, new IndicatorTraits(unitA, IndicatorTraits.Parse(polA)).Disagreement(new IndicatorTraits(unitB, IndicatorTraits.Parse(polB))));

    [Theory]
    [InlineData(">=", IndicatorPolarity.Higher)]
    [InlineData(">", IndicatorPolarity.Higher)]
    [InlineData("<=", IndicatorPolarity.Lower)]
    [InlineData("<", IndicatorPolarity.Lower)]
    [InlineData("=", null)]
    [InlineData("bool", null)]
    [InlineData("date", null)]
    public void Polarity_from_the_target_operator(string op, IndicatorPolarity? polarity) => Assert.Equal(polarity, IndicatorTraits.PolarityOf(op));

    [Fact]
    public void Chambers_printing_the_same_code_share_its_indicator_unless_unit_or_polarity_disagree()
    {
        var kpis = new[]
        {
            Kpi(1, "BS", "Rispetto dei tempi di evasione (5 giorni) delle pratiche di Registro Imprese (kpi Pareto:C1.1_04_rev2018)"),
            Kpi(2, "FG", "Pratiche RI evase entro 5 giorni", code: "C1.1_04"),
            Kpi(3, "MI", "Pratiche evase (kpi Pareto: C1.1_04)", new IndicatorTraits("giorni", IndicatorPolarity.Lower)),
        };
        var result = IndicatorLinker.Link(kpis, [C1104], []);
        Assert.Equal([new IndicatorLink(1, "C1.1_04", IndicatorLinkKind.Code), new IndicatorLink(2, "C1.1_04", IndicatorLinkKind.Code)], result.Links);
        Assert.Equal([new IndicatorConflict(kpis[2], "C1.1_04", "unit giorni ≠ %")], result.Conflicts);
        Assert.Empty(result.Proposals);
    }

    [Fact]
    public void A_decision_links_by_config_or_keeps_a_kpi_unlinked_and_a_similar_name_is_only_proposed()
    {
        var kpis = new[]
        {
            Kpi(1, "BS", "Customer satisfaction dei servizi"),
            Kpi(2, "FG", "Grado di soddisfazione degli utenti dei servizi camerali (kpi Pareto: C1.1_04)"),
            Kpi(3, "MI", "Grado soddisfazione utenti servizi camerali"),
            Kpi(4, "PV", "Grado di soddisfazione degli utenti dei servizi camerali", new IndicatorTraits("€", null)),
            Kpi(5, "CR", "Visite al portale istituzionale"),
        };
        IndicatorDecision[] decisions = [new("BS", "customer satisfaction dei servizi", "u-01"), new(null, "Grado di soddisfazione degli utenti dei servizi camerali (kpi Pareto: C1.1_04)", null)];
        var result = IndicatorLinker.Link(kpis, [C1104, Union], decisions);
        Assert.Equal([new IndicatorLink(1, "U-01", IndicatorLinkKind.Config)], result.Links);
        var proposal = Assert.Single(result.Proposals);   // MI only: FG is decided, PV's unit differs, CR is unlike
        Assert.Equal((3L, "U-01"), (proposal.Kpi.Id, proposal.Indicator.Code));
        Assert.Equal(1.0, proposal.Score);
        Assert.Contains("unit % / %", proposal.Evidence);
    }

    [Fact]
    public void A_name_like_another_chambers_linked_kpi_is_proposed_with_that_kpi_as_evidence()
    {
        var kpis = new[]
        {
            Kpi(1, "CN", "Quota di istanze evase entro cinque giorni (kpi Pareto: C1.1_04)"),
            Kpi(2, "CBIS", "Quota di istanze evase entro cinque giorni"),                      // like CN's KPI, not like the indicator's name
            Kpi(3, "CN", "Quota di istanze evase entro cinque giorni lavorativi"),             // CN's own linked KPI is no evidence
            Kpi(4, "TO", "Quota di istanze evase entro cinque giorni", new IndicatorTraits("gg", IndicatorPolarity.Lower)),
        };
        var result = IndicatorLinker.Link(kpis, [C1104], []);
        Assert.Equal([new IndicatorLink(1, "C1.1_04", IndicatorLinkKind.Code)], result.Links);
        var proposal = Assert.Single(result.Proposals);   // TO's unit and polarity disagree
        Assert.Equal((2L, "C1.1_04", 1.0), (proposal.Kpi.Id, proposal.Indicator.Code, proposal.Score));
        Assert.Contains("(CN's KPI 'Quota di istanze evase entro cinque giorni')", proposal.Evidence);
    }

    [Fact]
    public void Codes_no_indicator_lists_yet_are_discovered_once_from_the_first_kpi_printing_them()
    {
        var kpis = new[]
        {
            Kpi(7, "FG", "Tempo medio di pagamento (KPISTD 225)", new IndicatorTraits("giorni", IndicatorPolarity.Lower)),
            Kpi(5, "BS", "<b>KPISTD 225</b> Tempo medio di pagamento delle fatture passive", new IndicatorTraits("giorni", null)),
            Kpi(6, "BS", "Pratiche (kpi Pareto: C1.1_04)"),
            Kpi(8, "BS", "Visite al portale"),
        };
        var found = IndicatorLinker.Discovered(kpis, [C1104]);
        Assert.Equal([new Indicator("KPISTD 225", "KPISTD 225 Tempo medio di pagamento delle fatture passive", "giorni", null, IndicatorFamily.Pira)], found);
    }
}
