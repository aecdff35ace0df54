using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

public sealed class ItalianNumberTests
{
    private static decimal D(string invariant) => decimal.Parse(invariant, CultureInfo.InvariantCulture);

    [Theory]
    // Italian thousands and decimals
    [InlineData("1.234,56", "1234.56", null)]
    [InlineData("1.000,5", "1000.5", null)]
    [InlineData("1.171.568,59", "1171568.59", null)]
    [InlineData("0,705", "0.705", null)]
    [InlineData("0,40", "0.4", null)]
    [InlineData("333,333", "333.333", null)]
    [InlineData("0,001", "0.001", null)]
    [InlineData("1,000", "1", null)]
    [InlineData(",5", "0.5", null)]
    [InlineData("100,", "100", null)]
    [InlineData("012", "12", null)]
    [InlineData("0", "0", null)]
    [InlineData("2021", "2021", null)]
    // dot + exactly 3 digits = thousands; otherwise a decimal point (lenient English input)
    [InlineData("1.000", "1000", null)]
    [InlineData("117.391", "117391", null)]
    [InlineData("9.662", "9662", null)]
    [InlineData("1.234.567", "1234567", null)]
    [InlineData("70.5", "70.5", null)]
    [InlineData("70.50", "70.5", null)]
    [InlineData("0.705", "0.705", null)]
    [InlineData("1234.567", "1234.567", null)]
    [InlineData("3.14159", "3.14159", null)]
    [InlineData("1,234.56", "1234.56", null)]
    [InlineData("1,234,567", "1234567", null)]
    // percent
    [InlineData("100,00%", "100", "%")]
    [InlineData("100,00 %", "100", "%")]
    [InlineData("100 %", "100", "%")]
    [InlineData("100%", "100", "%")]
    [InlineData("99,83%", "99.83", "%")]
    [InlineData("389,54 %", "389.54", "%")]
    [InlineData("0,00%", "0", "%")]
    [InlineData("50,0 0%", "50", "%")]
    [InlineData("30,0 0%", "30", "%")]
    // signs
    [InlineData("+10%", "10", "%")]
    [InlineData("-5,00%", "-5", "%")]
    [InlineData("-0,84 %", "-0.84", "%")]
    [InlineData("+57,23 %", "57.23", "%")]
    [InlineData("−5", "-5", null)]
    [InlineData("-6,25%", "-6.25", "%")]
    // currency
    [InlineData("€ 42.058,55", "42058.55", "€")]
    [InlineData("€42.058,55", "42058.55", "€")]
    [InlineData("42.058,55 €", "42058.55", "€")]
    [InlineData("€ 1.171.568,59", "1171568.59", "€")]
    [InlineData("€ 0,00", "0", "€")]
    [InlineData("€ 120.000,00", "120000", "€")]
    [InlineData("19,83 €", "19.83", "€")]
    [InlineData("-8,84 €", "-8.84", "€")]
    [InlineData("-€ 3", "-3", "€")]
    [InlineData("€ -3", "-3", "€")]
    [InlineData("75 euro", "75", "€")]
    [InlineData("EUR 10", "10", "€")]
    [InlineData("Euro 1.500,00", "1500", "€")]
    // counts
    [InlineData("315.598,00 N.", "315598", "N.")]
    [InlineData("+15.598,00 N.", "15598", "N.")]
    [InlineData("2.327,00 N.", "2327", "N.")]
    [InlineData("0,40 N.", "0.4", "N.")]
    [InlineData("-173,00 N.", "-173", "N.")]
    [InlineData("80 N", "80", "N.")]
    [InlineData("168 N", "168", "N.")]
    [InlineData("n. 70", "70", "N.")]
    [InlineData("N. 70", "70", "N.")]
    [InlineData("n.70", "70", "N.")]
    [InlineData("n. 80", "80", "N.")]
    [InlineData("nr. 5", "5", "N.")]
    [InlineData("n° 3", "3", "N.")]
    [InlineData("n. 2.423", "2423", "N.")]
    // days and other units
    [InlineData("20gg", "20", "gg")]
    [InlineData("20gg.", "20", "gg")]
    [InlineData("30 gg", "30", "gg")]
    [InlineData("-18,00 gg", "-18", "gg")]
    [InlineData("+94,63 gg", "94.63", "gg")]
    [InlineData("344,63 gg", "344.63", "gg")]
    [InlineData("12 giorni", "12", "giorni")]
    [InlineData("6 mesi", "6", "mesi")]
    [InlineData("6 MESI", "6", "MESI")]
    [InlineData("4.785,63 kmq", "4785.63", "kmq")]
    [InlineData("5 eventi", "5", "eventi")]
    [InlineData("5 eventi.", "5", "eventi")]
    [InlineData("1500 posizioni", "1500", "posizioni")]
    [InlineData("40 controlli", "40", "controlli")]
    // white space
    [InlineData("  1.234,56  ", "1234.56", null)]
    [InlineData("1.234,56\u00A0€", "1234.56", "€")]
    [InlineData("€\u00A042.058,55", "42058.55", "€")]
    [InlineData("\t42\n", "42", null)]
    [InlineData("100,00\u202F%", "100", "%")]
    [InlineData("1.234,56;", "1234.56", null)]
    public void ParsesItalianNumbers(string text, string expected, string? unit)
    {
        Assert.True(ItalianNumber.TryParse(text, out var result));
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(unit, result.Unit);
        Assert.Equal(result, ItalianNumber.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("-")]
    [InlineData("---")]
    [InlineData("—")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("n.d.")]
    [InlineData("N.D.")]
    [InlineData("n. d.")]
    [InlineData("n.a.")]
    [InlineData("%")]
    [InlineData("€")]
    [InlineData("N.")]
    [InlineData(">= 5")]
    [InlineData("Almeno 100")]
    [InlineData("SI")]
    [InlineData("30/06/2021")]
    [InlineData("31/12")]
    [InlineData("2021/2023")]
    [InlineData("2021-2023")]
    [InlineData("1.1.2")]
    [InlineData("1.2.3.")]
    [InlineData("S. 1.1")]
    [InlineData("U.3.1.2")]
    [InlineData("1,2,3")]
    [InlineData("1..2")]
    [InlineData("1.23,4")]
    [InlineData("1.234.56")]
    [InlineData("1,234,56")]
    [InlineData("1.234,5.6")]
    [InlineData("€ 700,00 € 190.000,00")]
    [InlineData("- 5")]
    [InlineData("+-5")]
    [InlineData("10 - 20")]
    [InlineData("70% 100%")]
    [InlineData("10%%")]
    [InlineData("1 D6")]
    [InlineData("5 Eventi")]
    [InlineData("3 Costituzione rete wake up start up")]
    [InlineData("Peso 50%")]
    [InlineData("1800 (totali nell'anno)")]
    [InlineData("97,40% corrispondente a 2.922 su 3.000")]
    [InlineData("1e5")]
    [InlineData("99999999999999999999999999999999")]
    public void RejectsWhatIsNotOneNumber(string? text)
    {
        Assert.False(ItalianNumber.TryParse(text, out _));
        Assert.Null(ItalianNumber.Parse(text));
    }

    [Fact]
    public void RawIsTheTrimmedTextWithCollapsedSpaces()
    {
        Assert.Equal("€ 42.058,55", ItalianNumber.Parse("  €\u00A0 42.058,55 ")!.Raw);
        Assert.Equal("315.598,00 N.", ItalianNumber.Parse("315.598,00 N.")!.Raw);
    }

    [Fact]
    public void ValuesAreExactAndTrailingZerosDropped()
    {
        var hundred = ItalianNumber.Parse("100,00")!.Value;
        Assert.Equal(100m, hundred);
        Assert.Equal("100", hundred.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("78.5", ItalianNumber.Parse("78,50")!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.1m + 0.2m, ItalianNumber.Parse("0,3")!.Value);
        Assert.Equal(1234567.891m, ItalianNumber.Parse("1.234.567,891")!.Value);
    }

    [Fact]
    public void RecordsCompareByValue()
    {
        Assert.Equal(new ParsedNumber("100,00%", 100m, "%"), ItalianNumber.Parse("100,00%"));
    }
}
