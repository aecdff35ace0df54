using System.Globalization;
using Pipeline.Core.Achievement;

namespace Pipeline.Core.Tests.Achievement;

/// <summary>When the pages flag a figure the Relazione prints as not reproduced by the computation.</summary>
public sealed class ReportedFigureTests
{
    private static decimal? D(string? invariant) => invariant is null ? null : decimal.Parse(invariant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("99.83", "99.83", false)]       // reproduced
    [InlineData("99.834", "99.83", false)]      // within the two decimals printed
    [InlineData("99.84", "99.83", false)]       // one hundredth: the printed rounding
    [InlineData("99.85", "99.83", true)]
    [InlineData("100", "86.67", true)]
    [InlineData(null, "86.67", true)]           // printed, not computed (no actual)
    [InlineData("86.67", null, false)]          // computed, not printed: nothing to compare
    [InlineData(null, null, false)]
    public void A_reported_figure_differs_when_further_than_a_hundredth(string? computed, string? reported, bool differs) =>
        Assert.Equal(differs, ReportedFigure.Differs(D(computed), D(reported)));
}
