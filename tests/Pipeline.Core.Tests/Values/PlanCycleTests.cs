using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

/// <summary>Plan cycles as the seed documents print them in titles.</summary>
public sealed class PlanCycleTests
{
    [Theory]
    [InlineData("PIANO\nDELLA PERFORMANCE\n2021 - 2023", 2021, 2023)] // Brescia plan, title page
    [InlineData("Piano della Performance 2021-2023", 2021, 2023)]
    [InlineData("Programma pluriennale 2021/2023", 2021, 2023)]
    [InlineData("PIANO PERFORMANCE 2021–2023", 2021, 2023)] // en dash
    [InlineData("PROGRAMMA DI MANDATO 2020-2024", 2020, 2024)]
    [InlineData("bandi camerali 2019/2020 e 2021", 2019, 2020)] // a printed range is a range
    [InlineData("dal 2031 al 2040; piano 2021-2023", 2021, 2023)]
    public void Finds_the_first_plausible_cycle(string text, int from, int to) =>
        Assert.Equal((from, to), PlanCycle.Find(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Relazione sulla performance 2021")]
    [InlineData("2023-2021")] // backwards
    [InlineData("2000-2020")] // longer than any plan cycle
    [InlineData("protocollo 12021-20233")] // not whole years
    public void Finds_nothing_without_a_cycle(string? text) => Assert.Null(PlanCycle.Find(text));

    [Fact]
    public void Remove_blanks_every_cycle_so_other_years_can_be_read() =>
        Assert.Equal("Piano   - Monitoraggio al 30/06/2021", PlanCycle.Remove("Piano 2021-2023 - Monitoraggio al 30/06/2021"));
}
