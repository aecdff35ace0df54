using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

/// <summary>The one human format of numbers, on the values the sample and the corpus documents print.</summary>
public sealed class ItalianFormatTests
{
    private static decimal D(string invariant) => decimal.Parse(invariant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1942.00", "1.942")]           // the .xls prints "1.942,00 N."
    [InlineData("1034", "1.034")]
    [InlineData("41.8", "41,8")]
    [InlineData("13.10", "13,1")]
    [InlineData("82.8712", "82,87")]           // a feed's share
    [InlineData("3.385", "3,39")]              // half away from zero
    [InlineData("112450.5", "112.450,5")]
    [InlineData("1234567.891", "1.234.567,89")]
    [InlineData("0.5", "0,5")]
    [InlineData("0", "0")]
    [InlineData("-0.001", "0")]
    [InlineData("-2.5", "-2,5")]
    [InlineData("999.999", "1.000")]
    public void Numbers_have_dots_between_thousands_a_comma_and_up_to_two_decimals(string value, string text) =>
        Assert.Equal(text, ItalianFormat.Number(D(value)));

    [Theory]
    [InlineData("100", "100,00 %")]
    [InlineData("86.6666", "86,67 %")]
    [InlineData("0", "0,00 %")]
    [InlineData("1234.5", "1.234,50 %")]
    public void Achievements_have_two_decimals_and_a_spaced_percent(string value, string text) =>
        Assert.Equal(text, ItalianFormat.Percent(D(value)));

    [Fact]
    public void No_achievement_is_a_dash() => Assert.Equal("-", ItalianFormat.Percent(null));

    [Theory]
    [InlineData("1942", "N.", "1.942,00 N.", "1.942 N.")]
    [InlineData("6.4", "%", "6,4%", "6,4 %")]
    [InlineData("41.8", "%", "41,8 %", "41,8 %")]
    [InlineData("263980", "€", "263.980,00 €", "263.980 €")]
    [InlineData("3.8", "gg", "3,80 gg", "3,8 gg")]
    [InlineData("1034", null, "1.034", "1.034")]
    [InlineData("42058.55", null, "€ 42.058,55", "42.058,55 €")]   // no KPI unit: the one printed beside the number
    [InlineData(null, "date", "15/09/2021", "15/09/2021")]          // not a number: as printed
    [InlineData(null, "SI/NO", "SI", "SI")]
    [InlineData(null, null, "In corso", "In corso")]
    public void A_value_is_its_number_with_its_unit_or_the_text_as_printed(string? value, string? unit, string raw, string text) =>
        Assert.Equal(text, ItalianFormat.Value(value is null ? null : D(value), unit, raw));

    [Theory]
    [InlineData(">=", "1800", "N.", ">= 1.800,00 N.", ">= 1.800 N.")]
    [InlineData("<=", "5", "gg", "<= 5,00 gg", "<= 5 gg")]
    [InlineData("=", "100", "%", "= 100,00 %", "= 100 %")]
    [InlineData(">", "0.5", null, "> 0,5", "> 0,5")]
    [InlineData("date", null, "date", "Entro 30/09/2021", "Entro 30/09/2021")]
    [InlineData("bool", null, "SI/NO", "SI", "SI")]
    [InlineData("text", null, null, "Avvio con azioni specifiche", "Avvio con azioni specifiche")]
    public void A_target_is_its_operator_and_value_or_the_text_as_printed(string op, string? value, string? unit, string raw, string text) =>
        Assert.Equal(text, ItalianFormat.Target(op, value is null ? null : D(value), unit, raw));

    [Theory]
    [InlineData(200000L, "200.000")]
    [InlineData(46040L, "46.040")]
    [InlineData(999L, "999")]
    [InlineData(-1500L, "-1.500")]
    public void Counts_have_dots_between_thousands(long value, string text) => Assert.Equal(text, ItalianFormat.Number(value));

    [Theory]
    [InlineData(5.08, 1, "5,1")]
    [InlineData(0.8, 2, "0,80")]
    [InlineData(12345.678, 1, "12.345,7")]
    public void Timings_and_ratios_have_a_fixed_number_of_decimals(double value, int decimals, string text) =>
        Assert.Equal(text, ItalianFormat.Fixed(value, decimals));

    [Theory]
    [InlineData(2021, 8, 15, "15/08/2021")]
    [InlineData(2023, 1, 5, "05/01/2023")]
    [InlineData(1999, 12, 31, "31/12/1999")]
    public void Days_are_day_month_year_with_slashes(int year, int month, int day, string text) =>
        Assert.Equal(text, ItalianFormat.Date(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("2021-08-15T05:00:00Z", "15/08/2021 07:00")]      // summer time: UTC+2
    [InlineData("2021-12-01T23:30:00Z", "02/12/2021 00:30")]      // winter time: UTC+1, the next day in Rome
    [InlineData("2021-03-28T00:59:00Z", "28/03/2021 01:59")]      // the last minute before the change
    [InlineData("2021-03-28T01:00:00Z", "28/03/2021 03:00")]      // the change: 02:00 does not exist
    [InlineData("2021-08-15T07:00:00+02:00", "15/08/2021 07:00")]
    public void Moments_are_written_in_the_zone_without_seconds(string iso, string text) =>
        Assert.Equal(text, ItalianFormat.DateTime(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")));
}
