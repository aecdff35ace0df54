using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

public sealed class PeriodResolverTests
{
    [Theory]
    // years as printed in labels and headers
    [InlineData("2021", null, "2021")]
    [InlineData("Anno: 2021", null, "2021")]
    [InlineData("Anno 2023", null, "2023")]
    [InlineData("Anno:2022", null, "2022")]
    [InlineData("ANNO 2021", null, "2021")]
    [InlineData("Target 2021", null, "2021")]
    [InlineData("Target 2021:", null, "2021")]
    [InlineData("<b>Target 2021</b>", null, "2021")]
    [InlineData("Consuntivo 2021", null, "2021")]
    [InlineData("<b>Consuntivo 2021</b>", null, "2021")]
    [InlineData("Consuntivo 2021", 2022, "2021")]
    [InlineData("Risultato atteso al 2023", null, "2023")]
    [InlineData("Risultato o atteso al 2022", null, "2022")]
    [InlineData("Stima risorse 2023", null, "2023")]
    [InlineData("Relazione sulla performance - anno 2021", null, "2021")]
    [InlineData("Anno 2021*", null, "2021")]
    // a year typed as a number in a workbook and shown with a thousands format
    [InlineData("2.021", null, "2021")]
    [InlineData("2,022", null, "2022")]
    [InlineData("1.998", null, "1998")]
    // semesters
    [InlineData("I sem 2020", null, "2020-S1")]
    [InlineData("Stato I sem 2020:", null, "2020-S1")]
    [InlineData("I sem. 2021", null, "2021-S1")]
    [InlineData("I semestre 2021", null, "2021-S1")]
    [InlineData("II semestre 2021", null, "2021-S2")]
    [InlineData("II sem 2021", 2020, "2021-S2")]
    [InlineData("1° semestre 2021", null, "2021-S1")]
    [InlineData("2° semestre 2021", null, "2021-S2")]
    [InlineData("1^ semestre 2021", null, "2021-S1")]
    [InlineData("primo semestre 2021", null, "2021-S1")]
    [InlineData("Secondo semestre 2022", null, "2022-S2")]
    [InlineData("I SEMESTRE 2021", null, "2021-S1")]
    [InlineData("I semestre", 2021, "2021-S1")]
    [InlineData("II semestre", 2020, "2020-S2")]
    [InlineData("Consuntivo I semestre", 2021, "2021-S1")]
    [InlineData("Anno 2021 - I semestre", null, "2021-S1")]
    [InlineData("Monitoraggio I semestre 2021", 2020, "2021-S1")]
    // quarters and months
    [InlineData("III trimestre 2021", null, "2021-Q3")]
    [InlineData("1° trimestre 2022", null, "2022-Q1")]
    [InlineData("IV trimestre", 2021, "2021-Q4")]
    [InlineData("giugno 2021", null, "2021-06")]
    [InlineData("Dicembre 2020", null, "2020-12")]
    // canonical codes
    [InlineData("2021-S1", null, "2021-S1")]
    [InlineData("2021-S2", null, "2021-S2")]
    [InlineData("2021-Q3", null, "2021-Q3")]
    [InlineData("2021-03", null, "2021-03")]
    [InlineData("2021-06-30", null, "2021-06-30")]
    [InlineData("Periodo 2021-S1", null, "2021-S1")]
    // checkpoint days
    [InlineData("al 30/6", 2021, "2021-06-30")]
    [InlineData("al 30/06/2021", null, "2021-06-30")]
    [InlineData("al 30/06/2021", 2019, "2021-06-30")]
    [InlineData("31/12/2021", null, "2021-12-31")]
    [InlineData("31/12/21", null, "2021-12-31")]
    [InlineData("Valore al 30/06", 2021, "2021-06-30")]
    [InlineData("Risultato atteso al 30/6", 2021, "2021-06-30")]
    [InlineData("Risultato atteso al 31/12", 2021, "2021-12-31")]
    [InlineData("Risultato o atteso al 31/12", 2022, "2022-12-31")]
    [InlineData("Monitoraggio al 30.06.2021", null, "2021-06-30")]
    [InlineData("al 30 giugno 2021", null, "2021-06-30")]
    [InlineData("al 30 giugno", 2021, "2021-06-30")]
    [InlineData("entro il 31 dicembre 2021", null, "2021-12-31")]
    [InlineData("Valore al 30/06 2021", null, "2021-06-30")]
    [InlineData("29/02", 2020, "2020-02-29")]
    [InlineData("Programma (D.M. 27/03/2013) - 2021", null, "2021")]
    public void ResolvesPrintedPeriods(string text, int? contextYear, string expected) =>
        Assert.Equal(expected, PeriodResolver.Resolve(text, contextYear)?.Code);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", 2021)]
    [InlineData("   ", 2021)]
    [InlineData("al 30/6", null)]
    [InlineData("Valore al 30/06", null)]
    [InlineData("Risultato atteso al 31/12", null)]
    [InlineData("I semestre", null)]
    [InlineData("II sem", null)]
    [InlineData("30/02", 2021)]
    [InlineData("29/02", 2021)]
    [InlineData("2021/2023 (triennale)", null)]
    [InlineData("2021/ 2023 (triennale)", 2021)]
    [InlineData("PIANO PERFORMANCE 2021-2023", null)]
    [InlineData("2021 - 2023", null)]
    [InlineData("PROGRAMMA DI MANDATO 2020-2024", null)]
    [InlineData("Target storico riferimento", 2021)]
    [InlineData("Indicatore", 2021)]
    [InlineData("Monitoraggio semestrale", 2021)]
    [InlineData("Frequenza della rilevazione: Semestrale", 2021)]
    [InlineData("Peso 50%", 2021)]
    [InlineData("1.234", null)]
    [InlineData("2.150", null)]
    [InlineData("2.021,5", null)]
    [InlineData("1500 posizioni", null)]
    [InlineData("Legge n. 190/2012", null)]
    [InlineData("D.Lgs. 150/2009", null)]
    [InlineData("Programma (D.M. 27/03/2013)", null)]
    public void NullWhenNoPeriodIsNamed(string? text, int? contextYear) =>
        Assert.Null(PeriodResolver.Resolve(text, contextYear));

    [Theory]
    [InlineData("Valore al 30/06", 2021, "2021-S1")]
    [InlineData("Risultato atteso al 30/6", 2021, "2021-S1")]
    [InlineData("Risultato atteso al 31/12", 2021, "2021")]
    [InlineData("Valore al 30/09", 2021, "2021-09-30")]
    [InlineData("Consuntivo 2021", null, "2021")]
    public void MonitoringColumnsMapToReportingPeriods(string header, int? contextYear, string expected) =>
        Assert.Equal(expected, PeriodResolver.Resolve(header, contextYear)!.ToReportingPeriod().Code);

    [Fact]
    public void ResolvedDayHasDayKindAndBounds()
    {
        var p = PeriodResolver.Resolve("al 30/6", 2021)!;
        Assert.Equal(PeriodKind.Day, p.Kind);
        Assert.Equal(new DateOnly(2021, 6, 30), p.Start);
        Assert.Equal(p.Start, p.End);
    }
}
