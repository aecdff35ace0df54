using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

/// <summary>
/// Expectations are written compactly: one "period operator value [unit]" per value, joined with " | ";
/// period "-" is null, a bool is true/false, a date is ISO, free text is "text".
/// </summary>
public sealed class TargetExpressionTests
{
    internal static string Describe(IReadOnlyList<TargetValue> values) => string.Join(" | ", values.Select(Describe));

    private static string Describe(TargetValue v)
    {
        var value = v.Operator switch
        {
            TargetOperator.Bool => v.Flag!.Value ? "true" : "false",
            TargetOperator.Date => v.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TargetOperator.Text => "text",
            _ => v.Number!.Value.ToString(CultureInfo.InvariantCulture),
        };
        var op = v.Operator switch
        {
            TargetOperator.Bool => "bool",
            TargetOperator.Date => "date",
            TargetOperator.Text => "",
            _ => v.Operator.ToSymbol(),
        };
        return string.Join(" ", new[] { v.Period ?? "-", op, value, v.Unit }.Where(s => !string.IsNullOrEmpty(s)));
    }

    [Theory]
    // several years in one cell
    [InlineData("Anno: 2018 >= +10% Anno: 2019 >= +20% Anno: 2020 >= +30%", "2018 >= 10 % | 2019 >= 20 % | 2020 >= 30 %")]
    [InlineData("Anno: 2018 >= 500 Anno: 2019 >= 550 Anno: 2020 >= 600", "2018 >= 500 | 2019 >= 550 | 2020 >= 600")]
    [InlineData("Anno: 2018 <= 95% Anno: 2019 <= 93% Anno: 2020 <= 90%", "2018 <= 95 % | 2019 <= 93 % | 2020 <= 90 %")]
    [InlineData("Target 2021: >=2 Target 2022: >=2 Target 2023: >=3", "2021 >= 2 | 2022 >= 2 | 2023 >= 3")]
    [InlineData("Target 2021: 70% Target 2022: 70% Target 2023: 70%", "2021 = 70 % | 2022 = 70 % | 2023 = 70 %")]
    [InlineData("Target 2021: > 1 Target 2022: >1 Target 2023: >1", "2021 > 1 | 2022 > 1 | 2023 > 1")]
    [InlineData("Target 2021:<30 gg Target 2022: < 30 gg Target 2023: < 30 gg", "2021 < 30 gg | 2022 < 30 gg | 2023 < 30 gg")]
    [InlineData("Target 2021:>= 200% Target 2022:>=200% Target 2023: >= 200%", "2021 >= 200 % | 2022 >= 200 % | 2023 >= 200 %")]
    [InlineData("Target 2021:= 100% Target 2022:=100% Target 2023: = 100%", "2021 = 100 % | 2022 = 100 % | 2023 = 100 %")]
    [InlineData("Target 2021: =1 Target 2022: =1 Target 2023: =1", "2021 = 1 | 2022 = 1 | 2023 = 1")]
    [InlineData("Target 2021: <= 20% Target 2022: <= 20% Target 2023: <= 20%", "2021 <= 20 % | 2022 <= 20 % | 2023 <= 20 %")]
    [InlineData("Target 2021: >=4 Target 2022: --- Target 2023: ---", "2021 >= 4")]
    [InlineData("Target 2021: - Target 2022: NA Target 2023: n.d.", "")]
    [InlineData("TARGET 2021: >= 3", "2021 >= 3")]
    // dashes after a year label are separators, never a minus
    [InlineData("Anno:2021--->=12", "2021 >= 12")]
    [InlineData("Anno:2021--->=12 Anno:2022--->=12 Anno:2023--->=12", "2021 >= 12 | 2022 >= 12 | 2023 >= 12")]
    [InlineData("Anno:2021---3 Anno:2022---3 Anno:2023---3", "2021 = 3 | 2022 = 3 | 2023 = 3")]
    [InlineData("Anno:2021---si Anno:2022---si Anno:2023---si", "2021 bool true | 2022 bool true | 2023 bool true")]
    [InlineData("Anno:2021---≥2 Anno:2022---≥2", "2021 >= 2 | 2022 >= 2")]
    [InlineData("Anno:2021—≥2 Anno:2022—≥2 Anno:2023—≥2", "2021 >= 2 | 2022 >= 2 | 2023 >= 2")]
    [InlineData("Anno:2023—≥2", "2023 >= 2")]
    [InlineData("Anno:2021---40% Anno:2022---40% Anno:2023 --40%", "2021 = 40 % | 2022 = 40 % | 2023 = 40 %")]
    [InlineData("Anno:2021--100% Anno:2022 -100% Anno:2023--100%", "2021 = 100 % | 2022 = 100 % | 2023 = 100 %")]
    [InlineData("Anno:2022 -100%", "2022 = 100 %")]
    [InlineData("Anno:2023 --40%", "2023 = 40 %")]
    [InlineData("Anno:2021 – 5", "2021 = 5")]
    [InlineData("Anno:2021>=70% Anno:2022>=70% Anno:2023 >=70%", "2021 >= 70 % | 2022 >= 70 % | 2023 >= 70 %")]
    [InlineData("Anno:2021>= 50 Anno:2022 >= 50 Anno 2023>=50", "2021 >= 50 | 2022 >= 50 | 2023 >= 50")]
    [InlineData("Anno 2023 >=4", "2023 >= 4")]
    [InlineData("Anno 2021: >= 3 Anno 2022: >= 4", "2021 >= 3 | 2022 >= 4")]
    // a baseline or heading before the first label is not a target
    [InlineData("baseline 12 Anno:2021--->=12 Anno:2022--->=12 Anno:2023--->=12", "2021 >= 12 | 2022 >= 12 | 2023 >= 12")]
    [InlineData("baseline 65% Anno:2021>=70% Anno:2022>=70% Anno:2023 >=70%", "2021 >= 70 % | 2022 >= 70 % | 2023 >= 70 %")]
    [InlineData("baseline si Anno:2021---si Anno:2022---si", "2021 bool true | 2022 bool true")]
    [InlineData("Risultati attesi: Target 2021: >=3", "2021 >= 3")]
    // semester labels
    [InlineData("I sem 2020: 50% II sem 2020: 100%", "2020-S1 = 50 % | 2020-S2 = 100 %")]
    [InlineData("1° semestre 2021: >= 40%", "2021-S1 >= 40 %")]
    // free text per year
    [InlineData("Anno 2021: Riorganizzazione del servizio Anno 2022: Avvio nuovo servizio", "2021 text | 2022 text")]
    [InlineData("Target 2021: Entro 30/06/2021 Target 2022: Entro 30/06/2022", "2021 date 2021-06-30 | 2022 date 2022-06-30")]
    [InlineData("Target 2021: entro il 31/12", "2021 date 2021-12-31")]
    // bare years labelled by a colon, an operator, or their place at the start of a line or fragment
    [InlineData("2021: ≥ 80% – 2022: ≥ 85%", "2021 >= 80 % | 2022 >= 85 %")]
    [InlineData("2021: >= 80%\n2022: >= 85%\n2023: >= 90%", "2021 >= 80 % | 2022 >= 85 % | 2023 >= 90 %")]
    [InlineData("2021: >= 80%\r\n2022: >= 85%", "2021 >= 80 % | 2022 >= 85 %")]
    [InlineData("Anno 2015: >= 90% Anno 2016: >= 95%", "2015 >= 90 % | 2016 >= 95 %")]
    [InlineData("Target 2021 - 80%", "2021 = 80 %")]
    [InlineData("Target 2021 - 80% Target 2022 - 85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021 ≥ 80% 2022 ≥ 85%", "2021 >= 80 % | 2022 >= 85 %")]
    [InlineData("2021 >= 80% - 2022 >= 85%", "2021 >= 80 % | 2022 >= 85 %")]
    [InlineData("2021: SI - 2022: SI", "2021 bool true | 2022 bool true")]
    [InlineData("2021: si; 2022: no", "2021 bool true | 2022 bool false")]
    [InlineData("2021: Entro 30/06/2021 – 2022: Entro 30/06/2022", "2021 date 2021-06-30 | 2022 date 2022-06-30")]
    [InlineData("2021: 5 – 2022: 6 – 2023: 7", "2021 = 5 | 2022 = 6 | 2023 = 7")]
    [InlineData("2021: 5 - 2022: 6 - 2023: 7", "2021 = 5 | 2022 = 6 | 2023 = 7")]
    [InlineData("2021: 80%, 2022: 85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021: 80%; 2022: 85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021:80%,2022:85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021: 2,5 – 2022: 3,5", "2021 = 2.5 | 2022 = 3.5")]
    [InlineData("2021: >= 3\n2022: ---\n2023: >= 5", "2021 >= 3 | 2023 >= 5")]
    [InlineData("2021 80%\n2022 85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021 – 80%; 2022 – 85%", "2021 = 80 % | 2022 = 85 %")]
    [InlineData("2021: >= 80%\n2022 85%", "2021 >= 80 % | 2022 = 85 %")]
    [InlineData("2021: Avvio del servizio\n2022: Messa a regime", "2021 text | 2022 text")]
    [InlineData("Risultati attesi: 2021: >= 3", "2021 >= 3")]
    // a hyphen glued to a number after a colon is a sign; other dashes after a label are separators
    [InlineData("2021: -5 – 2022: -5 – 2023: -10", "2021 = -5 | 2022 = -5 | 2023 = -10")]
    [InlineData("Anno 2021: -6,25% - Anno 2022: 5%", "2021 = -6.25 % | 2022 = 5 %")]
    [InlineData("2021: - 5 – 2022: -- 6", "2021 = 5 | 2022 = 6")]
    // checkpoint labels: the day a target is due
    [InlineData("al 30/06/2021: 70% – al 31/12/2021: 100%", "2021-06-30 = 70 % | 2021-12-31 = 100 %")]
    [InlineData("Risultato atteso al 30/06/2021: 50", "2021-06-30 = 50")]
    [InlineData("Al 30/06/2021: >= 50\nAl 31/12/2021: >= 100", "2021-06-30 >= 50 | 2021-12-31 >= 100")]
    [InlineData("al 31/12/2021: SI - 2022: SI", "2021-12-31 bool true | 2022 bool true")]
    public void ParsesMultiPeriodCells(string cell, string expected) =>
        Assert.Equal(expected, Describe(TargetExpression.Parse(cell)));

    [Theory]
    // bare values are "="
    [InlineData("100%", "= 100 %")]
    [InlineData("40%", "= 40 %")]
    [InlineData("3", "= 3")]
    [InlineData("70", "= 70")]
    [InlineData("800", "= 800")]
    [InlineData("100,00 %", "= 100 %")]
    [InlineData("100,00%", "= 100 %")]
    [InlineData("50,00%", "= 50 %")]
    [InlineData("2,00 N.", "= 2 N.")]
    [InlineData("+1,00 N.", "= 1 N.")]
    [InlineData("-5,00%", "= -5 %")]
    [InlineData("-18,00 gg", "= -18 gg")]
    [InlineData("€ 120.000,00", "= 120000 €")]
    [InlineData("€ 42.058,55", "= 42058.55 €")]
    [InlineData("1.000", "= 1000")]
    [InlineData("n. 70", "= 70 N.")]
    [InlineData("N. 70", "= 70 N.")]
    [InlineData("n.70", "= 70 N.")]
    [InlineData("50,0 0%", "= 50 %")]
    [InlineData("6 mesi", "= 6 mesi")]
    [InlineData("5 eventi", "= 5 eventi")]
    [InlineData("2 iniziative", "= 2 iniziative")]
    [InlineData("1800 (totali nell'anno)", "= 1800")]
    [InlineData("20% sulle neocostituite", "= 20 %")]
    // a year-like number that is the value, not a period label
    [InlineData("2021", "= 2021")]
    [InlineData("≥ 2021 pratiche", ">= 2021 pratiche")]
    [InlineData(">= 2000", ">= 2000")]
    // operators
    [InlineData(">= 70%", ">= 70 %")]
    [InlineData(">=70%", ">= 70 %")]
    [InlineData(">= 100%", ">= 100 %")]
    [InlineData(">= 2", ">= 2")]
    [InlineData(">=5", ">= 5")]
    [InlineData(">= 1.000", ">= 1000")]
    [InlineData("≥2", ">= 2")]
    [InlineData("≥ 2", ">= 2")]
    [InlineData("=> 5", ">= 5")]
    [InlineData("> = 5", ">= 5")]
    [InlineData("<=4", "<= 4")]
    [InlineData("<= 0", "<= 0")]
    [InlineData("<= 65%", "<= 65 %")]
    [InlineData("≤ 5", "<= 5")]
    [InlineData("=< 5", "<= 5")]
    [InlineData("= 100,00 %", "= 100 %")]
    [InlineData("> 1", "> 1")]
    [InlineData("< 30 gg", "< 30 gg")]
    [InlineData("<30gg", "< 30 gg")]
    // signs after an operator
    [InlineData(">= +10%", ">= 10 %")]
    [InlineData(">= +5%", ">= 5 %")]
    [InlineData("<= -3%", "<= -3 %")]
    [InlineData("<= -5,00 gg", "<= -5 gg")]
    // units
    [InlineData(">= 5,00 N.", ">= 5 N.")]
    [InlineData(">= 13,00 %", ">= 13 %")]
    [InlineData(">= 12,00%", ">= 12 %")]
    [InlineData("<= 50,00 €", "<= 50 €")]
    [InlineData("<=50 €", "<= 50 €")]
    [InlineData("<= 78,50 €", "<= 78.5 €")]
    [InlineData(">= 250,00 gg", ">= 250 gg")]
    [InlineData(">=80 N", ">= 80 N.")]
    [InlineData(">= 10 N", ">= 10 N.")]
    [InlineData(">= 1.200,00 N.", ">= 1200 N.")]
    [InlineData(">= 2.500,00 N.", ">= 2500 N.")]
    [InlineData(">= 300.000,00 N.", ">= 300000 N.")]
    [InlineData(">= 160,00 %", ">= 160 %")]
    [InlineData("<= 1,00 N.", "<= 1 N.")]
    // a count marker before the operator is the unit
    [InlineData("N >= 12", ">= 12 N.")]
    [InlineData("N>=12", ">= 12 N.")]
    [InlineData("n. >= 5", ">= 5 N.")]
    // words
    [InlineData("Almeno 100", ">= 100")]
    [InlineData("Almeno 4", ">= 4")]
    [InlineData("almeno 2 iniziative", ">= 2 iniziative")]
    [InlineData("Almeno 1 servizio innovativo", ">= 1 servizio")]
    [InlineData("Almeno il 70% dei voti oltre la media", ">= 70 %")]
    [InlineData("non inferiore a 50", ">= 50")]
    [InlineData("Non inferiore al 90%", ">= 90 %")]
    [InlineData("non meno di 3", ">= 3")]
    [InlineData("minimo 3", ">= 3")]
    [InlineData("Minimo 10 eventi", ">= 10 eventi")]
    [InlineData("min 5", ">= 5")]
    [InlineData("min. 5", ">= 5")]
    [InlineData("Minimo uno al giorno lavorativo per ciascuno dei tre social", ">= 1")]
    [InlineData("almeno una iniziativa", ">= 1")]
    [InlineData("almeno due eventi", ">= 2")]
    [InlineData("massimo 10", "<= 10")]
    [InlineData("Massimo 30 giorni", "<= 30 giorni")]
    [InlineData("max 30 gg", "<= 30 gg")]
    [InlineData("Max. 5", "<= 5")]
    [InlineData("non superiore a 20 giorni", "<= 20 giorni")]
    [InlineData("non superiore al 5%", "<= 5 %")]
    [InlineData("fino a 3", "<= 3")]
    [InlineData("superiore a 10", "> 10")]
    [InlineData("oltre 100", "> 100")]
    [InlineData("inferiore a 3", "< 3")]
    [InlineData("meno di 5 gg", "< 5 gg")]
    [InlineData("pari a 100%", "= 100 %")]
    [InlineData("entro 5 gg", "<= 5 gg")]
    [InlineData("entro 2 mesi dall'approvazione", "<= 2 mesi")]
    // arithmetic tolerance
    [InlineData("<=20gg.+5", "<= 25 gg")]
    [InlineData("<= 20 gg + 5 gg", "<= 25 gg")]
    [InlineData("10+5", "= 15")]
    [InlineData(">= 1.000 + 200", ">= 1200")]
    [InlineData("1+2+3", "= 6")]
    // words before an operator symbol label a number
    [InlineData("Obiettivo di qualità dell'Ente=100", "= 100")]
    // white space, line breaks and HTML leftovers
    [InlineData("  >=\u00A070%  ", ">= 70 %")]
    [InlineData(">=\n70%", ">= 70 %")]
    [InlineData("&gt;= 70%", ">= 70 %")]
    [InlineData("<p>>= 70%</p>", ">= 70 %")]
    [InlineData("**>= 4**", ">= 4")]
    public void ParsesNumericTargets(string cell, string expected) =>
        Assert.Equal("- " + expected, Describe(TargetExpression.Parse(cell)));

    [Theory]
    [InlineData("Entro 30/10/2021", "2021-10-30")]
    [InlineData("Entro 31/12/2021", "2021-12-31")]
    [InlineData("Entro 31/03/2021", "2021-03-31")]
    [InlineData("Entro 30/03/2021", "2021-03-30")]
    [InlineData("entro il 31/12/2021", "2021-12-31")]
    [InlineData("entro il 31.12.2021", "2021-12-31")]
    [InlineData("entro il 28.2.2021", "2021-02-28")]
    [InlineData("Entro il 31 dicembre 2021", "2021-12-31")]
    [InlineData("entro il 31 gennaio 2021", "2021-01-31")]
    [InlineData("Entro 31/03/21", "2021-03-31")]
    [InlineData("<= 31/12/2018", "2018-12-31")]
    [InlineData("<= 30/06/2018", "2018-06-30")]
    [InlineData("<= 15/05/2018", "2018-05-15")]
    [InlineData("<= 30/09/2018", "2018-09-30")]
    [InlineData("< 15/05/2018", "2018-05-15")]
    [InlineData("30/06/2021", "2021-06-30")]
    [InlineData("Entro 30/06/2021 (approvazione)", "2021-06-30")]
    public void ParsesDeadlines(string cell, string iso)
    {
        var value = Assert.Single(TargetExpression.Parse(cell));
        Assert.Equal(TargetOperator.Date, value.Operator);
        Assert.Equal(iso, value.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Null(value.Number);
        Assert.Equal(cell.Trim(), value.Raw);
    }

    [Theory]
    [InlineData("entro il 31/12", "2021", "2021 date 2021-12-31")]
    [InlineData("Entro 30/06", "2021", "2021 date 2021-06-30")]
    [InlineData("entro il 30 giugno", "2022", "2022 date 2022-06-30")]
    [InlineData("entro il 31/12", "2021-S2", "2021-S2 date 2021-12-31")]
    [InlineData("entro il 31/12", null, "- text")]
    [InlineData("Entro 31/02/2021", "2021", "2021 text")]
    [InlineData("30/06", "2021", "2021 text")]
    public void DeadlinesWithoutAYearTakeThePeriodYear(string cell, string? period, string expected) =>
        Assert.Equal(expected, Describe(TargetExpression.Parse(cell, period)));

    [Theory]
    [InlineData("SI", true)]
    [InlineData("Sì", true)]
    [InlineData("SÌ", true)]
    [InlineData("sì", true)]
    [InlineData("si", true)]
    [InlineData("Si", true)]
    [InlineData("Si'", true)]
    [InlineData("SI (avvio a regime)", true)]
    [InlineData("si.", true)]
    [InlineData("NO", false)]
    [InlineData("No", false)]
    [InlineData("no", false)]
    public void ParsesYesNo(string cell, bool expected)
    {
        var value = Assert.Single(TargetExpression.Parse(cell, "2021"));
        Assert.Equal(TargetValue.YesNo("2021", expected, cell.Trim()), value);
    }

    [Fact]
    public void DecomposedAccentIsStillYes() =>
        Assert.True(Assert.Single(TargetExpression.Parse("Si\u0300")).Flag);

    [Theory]
    [InlineData("Avvio con azioni specifiche")]
    [InlineData("Realizzazione del progetto")]
    [InlineData("Studio di fattibilità, prototipo")]
    [InlineData("Sviluppo di una cultura organizzativa")]
    [InlineData("Realizzazione Futura Digital Time 2021")]
    [InlineData("Si prevede di avviare il servizio")]
    [InlineData("Nessuna criticità")]
    [InlineData("3 Costituzione rete wake up start up")]
    [InlineData("70% 100%")]
    [InlineData("40 - 50")]
    [InlineData("SI/NO")]
    [InlineData("Provvedimenti di concessione adottati nell'anno 2021")]
    [InlineData("almeno")]
    [InlineData(">=")]
    [InlineData(">= molti")]
    // bare years that are values or running text, not labels
    [InlineData("2021 – 2023 Piano triennale")]
    [InlineData("2021 80%")]
    [InlineData("Pratiche evase nell'anno 2021: tutte")]
    [InlineData("Relazione entro il 2021: bozza")]
    [InlineData("Relazione al 31 dicembre 2021: bozza")]
    public void FreeTextIsOneTextValue(string cell)
    {
        var value = Assert.Single(TargetExpression.Parse(cell, "2021"));
        Assert.Equal(TargetValue.FreeText("2021", cell.Trim()), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("---")]
    [InlineData(" - ")]
    [InlineData("—")]
    [InlineData("–")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("n.a.")]
    [InlineData("n.d.")]
    [InlineData("N.D.")]
    [InlineData("nd")]
    [InlineData("<p>-</p>")]
    [InlineData("//")] // Brescia plan 2021-2023, strategic 2.3, 2023 column
    [InlineData("Non applicabile")] // same cell
    [InlineData("...")]
    public void NoValueCellsGiveNoTargets(string? cell) =>
        Assert.Empty(TargetExpression.Parse(cell, "2021"));

    [Theory]
    [InlineData("Sì", "2021", "2021")]
    [InlineData(">= 2", null, null)]
    [InlineData(">= 2", "2021-S1", "2021-S1")]
    [InlineData("Anno: 2019 >= 5", "2021", "2019")]
    [InlineData("2019: >= 5", "2021", "2019")]
    [InlineData(">= 2021", "2022", "2022")]
    [InlineData("2021", "2022", "2022")]
    [InlineData("≥ 2021 pratiche", "2022", "2022")]
    [InlineData("31/12/2021", "2022", "2022")]
    [InlineData("al 30/6: >= 70%", "2021", "2021-06-30")]
    [InlineData("al 30/06/2020: >= 70%", "2021", "2020-06-30")]
    [InlineData("al 31/02: >= 70%", "2021", "2021")]
    [InlineData("al 30/06: >= 70%", null, null)]
    [InlineData("entro il 30/06/2021", "2021", "2021")]
    public void PeriodIsTheLabelElseTheDefault(string cell, string? defaultPeriod, string? expected) =>
        Assert.Equal(expected, Assert.Single(TargetExpression.Parse(cell, defaultPeriod)).Period);

    [Theory]
    [InlineData("Anno:2021--->=12", ">=12")]
    [InlineData("Anno:2023—≥2", "≥2")]
    [InlineData("Anno:2022 -100%", "100%")]
    [InlineData("  >= 13,00 %  ", ">= 13,00 %")]
    [InlineData("<=20gg.+5", "<=20gg.+5")]
    [InlineData("Almeno il 70% dei voti oltre la media", "Almeno il 70% dei voti oltre la media")]
    [InlineData("N >= 12", "N >= 12")]
    [InlineData("Target 2021: Entro 30/06/2021", "Entro 30/06/2021")]
    [InlineData("2021: SI", "SI")]
    [InlineData("Avvio con azioni\nspecifiche", "Avvio con azioni specifiche")]
    public void RawIsTheTrimmedFragment(string cell, string raw) =>
        Assert.Equal(raw, Assert.Single(TargetExpression.Parse(cell)).Raw);

    [Fact]
    public void RawOfEachYearIsItsOwnFragment()
    {
        var values = TargetExpression.Parse("Anno: 2018 >= +10% Anno: 2019 >= +20% Anno: 2020 >= +30%");
        Assert.Equal([">= +10%", ">= +20%", ">= +30%"], values.Select(v => v.Raw));
        var targets = TargetExpression.Parse("Target 2021: >=2 Target 2022: >=2 Target 2023: >=3");
        Assert.Equal([">=2", ">=2", ">=3"], targets.Select(v => v.Raw));
        var bare = TargetExpression.Parse("2021: ≥ 80% – 2022: ≥ 85%");
        Assert.Equal(["≥ 80%", "≥ 85%"], bare.Select(v => v.Raw));
    }

    [Fact]
    public void NumericValueCarriesNumberAndUnitOnly()
    {
        var value = Assert.Single(TargetExpression.Parse(">= 1.200,00 N.", "2021"));
        Assert.Equal(TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 1200m, ">= 1.200,00 N.", "N."), value);
        Assert.Null(value.Flag);
        Assert.Null(value.Date);
    }

    /// <summary>Every row of shared/fixtures/targets.tsv, copied: the same answers without the shared folder.</summary>
    [Theory]
    [InlineData("Anno:2021--->=12", "2021", "2021 >= 12")]
    [InlineData("Anno:2021---3", "2021", "2021 = 3")]
    [InlineData("Anno:2022---si", "2021", "2022 bool true")]
    [InlineData("Anno:2021---≥2", "2021", "2021 >= 2")]
    [InlineData("Anno:2021—≥2", "2021", "2021 >= 2")]
    [InlineData("Anno:2021---40%", "2021", "2021 = 40 %")]
    [InlineData("Anno:2021--100%", "2021", "2021 = 100 %")]
    [InlineData("Anno:2023 -100%", "2021", "2023 = 100 %")]
    [InlineData("Anno:2021>=70%", "2021", "2021 >= 70 %")]
    [InlineData("Anno:2021>= 50", "2021", "2021 >= 50")]
    [InlineData("Anno 2023>=50", "2021", "2023 >= 50")]
    [InlineData("Anno:2021 >= 4", "2021", "2021 >= 4")]
    [InlineData("Sì", "2021", "2021 bool true")]
    [InlineData("N >= 12", "2021", "2021 >= 12 N.")]
    [InlineData("si", "2021", "2021 bool true")]
    [InlineData("<=3", "2021", "2021 <= 3")]
    [InlineData("<=26", "2021", "2021 <= 26")]
    [InlineData("100%", "2021", "2021 = 100 %")]
    [InlineData("<=20gg.+5", "2021", "2021 <= 25 gg")]
    [InlineData("SI", "2021", "2021 bool true")]
    [InlineData("Anno: 2018 >= 7 Anno: 2019 >= 7 Anno: 2020 >= 7", null, "2018 >= 7 | 2019 >= 7 | 2020 >= 7")]
    [InlineData("Anno: 2018 >= 100% Anno: 2019 >= 100% Anno: 2020 >= 100%", null, "2018 >= 100 % | 2019 >= 100 % | 2020 >= 100 %")]
    [InlineData("Anno: 2018 >= +10% Anno: 2019 >= +13% Anno: 2020 >= +15%", null, "2018 >= 10 % | 2019 >= 13 % | 2020 >= 15 %")]
    [InlineData(">= 3%", null, "- >= 3 %")]
    [InlineData("<= 31/12/2018", null, "- date 2018-12-31")]
    [InlineData("<= 15/05/2018", null, "- date 2018-05-15")]
    [InlineData(">= 1.000", null, "- >= 1000")]
    [InlineData("<= 0", null, "- <= 0")]
    [InlineData(">= 5,00 N.", "2021", "2021 >= 5 N.")]
    [InlineData("<= 50,00 €", "2021", "2021 <= 50 €")]
    [InlineData("<= 78,50 €", "2021", "2021 <= 78.5 €")]
    [InlineData("Entro 30/10/2021", "2021", "2021 date 2021-10-30")]
    [InlineData("Entro 30/04/2021", "2021", "2021 date 2021-04-30")]
    [InlineData(">= 1.200,00 N.", "2021", "2021 >= 1200 N.")]
    [InlineData(">= 300.000,00 N.", "2021", "2021 >= 300000 N.")]
    [InlineData(">= 250,00 gg", "2021", "2021 >= 250 gg")]
    [InlineData("= 100,00 %", "2021", "2021 = 100 %")]
    [InlineData("Target 2021: >=4 Target 2022: --- Target 2023: ---", null, "2021 >= 4")]
    [InlineData("Target 2021: >=50 Target 2022: >=50 Target 2023: >=75", null, "2021 >= 50 | 2022 >= 50 | 2023 >= 75")]
    [InlineData("Target 2021:<= 100% Target 2022:<= 100% Target 2023: <= 100%", null, "2021 <= 100 % | 2022 <= 100 % | 2023 <= 100 %")]
    public void FixtureRows(string cell, string? defaultPeriod, string expected) =>
        Assert.Equal(expected, Describe(TargetExpression.Parse(cell, defaultPeriod)));
}
