using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

/// <summary>Units as the chambers' documents and workbooks print them (/work/shared/seeds, the fixtures' unit columns).</summary>
public class UnitKeyTests
{
    [Theory]
    [InlineData("%", "%")]
    [InlineData("Percentuale", "%")]
    [InlineData(" % ", "%")]
    [InlineData("gg", "giorni")]
    [InlineData("gg.", "giorni")]
    [InlineData("Giorni", "giorni")]
    [InlineData("GIORNI", "giorni")]
    [InlineData("gg lavorativi", "giorni lavorativi")]
    [InlineData("Giorni lavorativi", "giorni lavorativi")]
    [InlineData("€", "€")]
    [InlineData("Euro", "€")]
    [InlineData("EUR", "€")]
    [InlineData("N.", "N.")]
    [InlineData("n°", "N.")]
    [InlineData("nr", "N.")]
    [InlineData("Numero", "N.")]
    [InlineData("ore", "ore")]
    [InlineData("Mesi", "mesi")]
    [InlineData("SI/NO", "sì/no")]
    [InlineData("Unità di personale", "unita di personale")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void The_key_of_a_printed_unit(string? unit, string key) => Assert.Equal(key, UnitKey.Of(unit));

    [Theory]
    [InlineData("gg", "giorni", true)]
    [InlineData("euro", "€", true)]
    [InlineData("%", "percentuale", true)]
    [InlineData("gg", "gg lavorativi", false)]
    [InlineData("%", "N.", false)]
    [InlineData("€", "€/impresa", false)]
    [InlineData(null, "%", false)]
    public void Two_units_are_the_same_when_they_measure_the_same(string? a, string? b, bool same) => Assert.Equal(same, UnitKey.Same(a, b));
}
