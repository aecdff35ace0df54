using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

public sealed class ActualTextTests
{
    [Theory]
    [InlineData("21,66 %", "21.66", null, null)]
    [InlineData("24,00 N.", "24", null, null)]
    [InlineData("1.234", "1234", null, null)]
    [InlineData("SI", null, true, null)]
    [InlineData("Sì", null, true, null)]
    [InlineData("NO", null, false, null)]
    [InlineData("28/10/2021", null, null, "2021-10-28")]
    [InlineData("2021-10-28", null, null, "2021-10-28")]
    [InlineData("In corso", null, null, null)]
    public void Reads_numbers_flags_dates_and_keeps_text(string raw, string? number, bool? flag, string? date)
    {
        var actual = ActualText.Read("2021", raw, null);
        Assert.Equal(raw, actual.Raw);
        Assert.Equal(number is null ? null : decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), actual.Value);
        Assert.Equal(flag, actual.Flag);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), actual.Date);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("-", true)]
    [InlineData("---", true)]
    [InlineData("n.d.", true)]
    [InlineData("NA", true)]
    [InlineData("N/A", true)]
    [InlineData("non disponibile", true)]
    [InlineData("0", false)]
    [InlineData("In corso", false)]
    public void Knows_what_means_no_value(string text, bool expected) => Assert.Equal(expected, ActualText.IsNoValue(text));
}
