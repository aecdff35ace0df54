using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Tests.Feeds;

public class ItalianTaxCodesTests
{
    [Fact]
    public void A_person_code_follows_the_rules_for_names_dates_and_the_check_letter()
    {
        Assert.Equal("RSSMRA80A01H501U", ItalianTaxCodes.Person("Rossi", "Mario", new DateOnly(1980, 1, 1), female: false, "H501"));
        var woman = ItalianTaxCodes.Person("D'Amico", "Maria", new DateOnly(1975, 12, 9), female: true, "B519");
        Assert.Equal("DMCMRA75T49B519", woman[..15]);
        Assert.Equal("GFR", ItalianTaxCodes.Person("Bianchi", "Gianfranco", new DateOnly(1990, 6, 15), false, "E335")[3..6]); // 1st, 3rd, 4th consonant
        Assert.Equal("FOX", ItalianTaxCodes.Person("Fo", "Dario", new DateOnly(1926, 3, 24), false, "E734")[..3]);
        Assert.Equal("NCL", ItalianTaxCodes.Person("Rossi", "Nicolò", new DateOnly(2000, 2, 29), false, "L113")[3..6]);
        Assert.Throws<ArgumentException>(() => ItalianTaxCodes.Person("Rossi", "Mario", new DateOnly(1980, 1, 1), false, "1234"));
    }

    [Fact]
    public void A_company_code_ends_with_the_partita_iva_check_digit()
    {
        Assert.Equal('7', ItalianTaxCodes.CompanyCheckDigit("0074311015"));
        var code = ItalianTaxCodes.Company(74311, 15);
        Assert.Equal("00743110157", code);
        Assert.Equal("070", ItalianTaxCodes.Company(1, 70)[7..10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ItalianTaxCodes.Company(10_000_000, 70));
    }
}
