using Pipeline.Core.Indicators;

namespace Pipeline.Core.Tests.Indicators;

/// <summary>Standard codes as the chambers' documents print them (/work/shared/seeds).</summary>
public class StandardCodesTests
{
    [Theory]
    [InlineData("Rispetto dei tempi di evasione (5 giorni) delle pratiche di Registro Imprese (kpi Pareto:C1.1_04_rev2018)", "C1.1_04", IndicatorFamily.Pareto)]
    [InlineData("Costi medi di iscrizione/modifica/cancellazione (su istanza di parte) al RI/REA/AIA (kpi Pareto: C1.1_02_rev2018)", "C1.1_02", IndicatorFamily.Pareto)]
    [InlineData("Grado di restituzione delle risorse al territorio in interventi di promozione (Kpi Pareto: EC19.1) <i>(Tipologia: Outcome)</i>", "EC19.1", IndicatorFamily.Pareto)]
    [InlineData("KPISTD 166 (Qualità/tempestività)", "KPISTD 166", IndicatorFamily.Pira)]
    [InlineData("<b>KPISTD 135</b>", "KPISTD 135", IndicatorFamily.Pira)]
    [InlineData("kpistd76", "KPISTD 76", IndicatorFamily.Pira)]
    [InlineData("c2.1_01", "C2.1_01", IndicatorFamily.Pareto)]
    public void Finds_the_code_printed(string text, string code, IndicatorFamily family) =>
        Assert.Equal(new StandardCode(code, family), StandardCodes.Find(text));

    [Theory]
    [InlineData("Costi assorbiti dal sottoprocesso C1.1.1 Istruttoria pratiche su istanza di parte")]
    [InlineData("Numero di pratiche evase nell'anno 2021")]
    [InlineData("Percentuale di pratiche evase entro 5 giorni")]
    [InlineData("SEC19.1 non è un codice")]
    [InlineData("")]
    [InlineData(null)]
    public void Finds_no_code_where_none_is_printed(string? text) => Assert.Null(StandardCodes.Find(text));

    [Fact]
    public void Looks_in_the_code_then_the_name_then_the_algorithm()
    {
        Assert.Equal("EC19.1", StandardCodes.Find("EC19.1", "Tempi (kpi Pareto: C1.1_04)", null)!.Code);
        Assert.Equal("C1.1_04", StandardCodes.Find("1.2.3", "Tempi (kpi Pareto: C1.1_04)", "KPISTD 166")!.Code);
        Assert.Equal("KPISTD 166", StandardCodes.Find(null, "Tempi di pagamento", "vedi KPISTD 166")!.Code);
    }

    [Theory]
    [InlineData(" kpistd  166 ", "KPISTD 166")]
    [InlineData("c1.1_04_rev2018", "C1.1_04")]
    [InlineData("U-01", "U-01")]
    public void Canonical_form_of_a_configured_code(string code, string canonical) => Assert.Equal(canonical, StandardCode.Canonical(code));

    [Theory]
    [InlineData("Quota di istanze evase entro cinque giorni (kpi Pareto: C1.1_04)", "Quota di istanze evase entro cinque giorni")]
    [InlineData("Rispetto dei tempi di evasione (5 giorni) delle pratiche di Registro Imprese (kpi Pareto:C1.1_04_rev2018)", "Rispetto dei tempi di evasione (5 giorni) delle pratiche di Registro Imprese")]
    [InlineData("Tempo medio di pagamento delle fatture passive (KPISTD 225)", "Tempo medio di pagamento delle fatture passive")]
    [InlineData("KPISTD 166 - Tempestività dei pagamenti", "Tempestività dei pagamenti")]
    [InlineData("Grado di restituzione delle risorse (Kpi Pareto: EC19.1) (Tipologia: Outcome)", "Grado di restituzione delle risorse (Tipologia: Outcome)")]
    [InlineData("Visite al portale", "Visite al portale")]
    public void A_name_without_the_code_it_prints(string name, string without) => Assert.Equal(without, StandardCodes.WithoutCode(name));
}
