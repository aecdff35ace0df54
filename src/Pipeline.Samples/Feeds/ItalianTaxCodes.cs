using System.Globalization;
using System.Text;

namespace Pipeline.Samples.Feeds;

/// <summary>
/// Well-formed Italian tax codes for the synthetic company list: a person's 16-character codice fiscale (built from
/// surname, first name, birth date, sex and municipality, with its check letter) and a company's 11-digit one
/// (a 7-digit serial, the 3-digit office code and the check digit of the partita IVA).
/// </summary>
public static class ItalianTaxCodes
{
    private const string MonthLetters = "ABCDEHLMPRST";

    // Values of the characters in odd positions (1st, 3rd, …), for 0-9 and A-Z alike.
    private static ReadOnlySpan<byte> OddValues =>
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>
    /// A person's codice fiscale: 3 letters of the surname, 3 of the first name, the year's last two digits, the
    /// month letter, the day (plus 40 for a woman), the municipality's cadastral code (e.g. "B519" Campobasso) and
    /// the check letter. Accents are dropped (Nicolò gives NCL); apostrophes and spaces are ignored.
    /// </summary>
    public static string Person(string surname, string firstName, DateOnly birth, bool female, string municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(surname);
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        if (municipality is not { Length: 4 } || !char.IsAsciiLetterUpper(municipality[0]) || municipality.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException($"'{municipality}' is not a cadastral code (a letter and 3 digits)", nameof(municipality));
        var code = new StringBuilder(16);
        code.Append(SurnameCode(Letters(surname)));
        code.Append(FirstNameCode(Letters(firstName)));
        code.Append((birth.Year % 100).ToString("D2", CultureInfo.InvariantCulture));
        code.Append(MonthLetters[birth.Month - 1]);
        code.Append((birth.Day + (female ? 40 : 0)).ToString("D2", CultureInfo.InvariantCulture));
        code.Append(municipality);
        code.Append(PersonCheckCharacter(code.ToString()));
        return code.ToString();
    }

    /// <summary>The check letter of a person's codice fiscale from its first 15 characters (upper-case).</summary>
    public static char PersonCheckCharacter(ReadOnlySpan<char> first15)
    {
        if (first15.Length != 15) throw new ArgumentException("a codice fiscale has 15 characters before its check letter", nameof(first15));
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' : throw new ArgumentException($"'{c}' in a codice fiscale", nameof(first15));
            sum += i % 2 == 0 ? OddValues[index] : index; // position i + 1 is odd when i is even
        }
        return (char)('A' + sum % 26);
    }

    /// <summary>A company's codice fiscale (= partita IVA): <paramref name="serial"/> (0–9,999,999) on 7 digits, the office code on 3, the check digit.</summary>
    public static string Company(int serial, int office)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999);
        ArgumentOutOfRangeException.ThrowIfNegative(office);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(office, 999);
        var first10 = serial.ToString("D7", CultureInfo.InvariantCulture) + office.ToString("D3", CultureInfo.InvariantCulture);
        return first10 + CompanyCheckDigit(first10);
    }

    /// <summary>The check digit of a partita IVA from its first 10 digits (Luhn: digits in even positions doubled).</summary>
    public static char CompanyCheckDigit(ReadOnlySpan<char> first10)
    {
        if (first10.Length != 10 || first10.ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException("a partita IVA has 10 digits before its check digit", nameof(first10));
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = first10[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static string SurnameCode(string letters)
    {
        var consonants = Consonants(letters);
        return (consonants + Vowels(letters) + "XXX")[..3];
    }

    private static string FirstNameCode(string letters)
    {
        var consonants = Consonants(letters);
        if (consonants.Length >= 4) return string.Concat(consonants[0], consonants[2], consonants[3]);
        return (consonants + Vowels(letters) + "XXX")[..3];
    }

    private static string Consonants(string letters) => string.Concat(letters.Where(c => !IsVowel(c)));

    private static string Vowels(string letters) => string.Concat(letters.Where(IsVowel));

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    // Without string.Normalize, whose behaviour depends on the globalization mode.
    private static char Unaccented(char c) => c switch
    {
        'À' or 'Á' or 'Â' or 'Ä' => 'A',
        'È' or 'É' or 'Ê' or 'Ë' => 'E',
        'Ì' or 'Í' or 'Î' or 'Ï' => 'I',
        'Ò' or 'Ó' or 'Ô' or 'Ö' => 'O',
        'Ù' or 'Ú' or 'Û' or 'Ü' => 'U',
        _ => c,
    };

    /// <summary>The ASCII letters of a name, upper-case, accents removed.</summary>
    private static string Letters(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var plain = Unaccented(char.ToUpperInvariant(c));
            if (char.IsAsciiLetterUpper(plain)) letters.Append(plain);
        }
        if (letters.Length == 0) throw new ArgumentException($"'{name}' has no letters", nameof(name));
        return letters.ToString();
    }
}
