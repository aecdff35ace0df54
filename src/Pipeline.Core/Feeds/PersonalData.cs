using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Feeds;

/// <summary>
/// What a company list must not store in clear: a person's codice fiscale (16 characters: 6 letters, 2 digits,
/// a letter, 2 digits, a letter, 3 digits, a letter, with the omocodia substitutions) and the name of a sole
/// proprietorship (the owner's name). Where a key is needed they become a salted HMAC-SHA256.
/// </summary>
public static partial class PersonalData
{
    /// <summary>True for a person's codice fiscale (a company's is 11 digits).</summary>
    public static bool IsPersonTaxCode(string? code) => code is not null && PersonCode().IsMatch(code.Trim());

    /// <summary>True for a sole proprietorship ("IMPRESA INDIVIDUALE", "impresa individuale", code "II").</summary>
    public static bool IsSoleProprietorship(string? legalForm)
    {
        if (string.IsNullOrWhiteSpace(legalForm)) return false;
        var form = legalForm.Trim().ToUpperInvariant();
        return form is "II" or "DI" || form.Contains("INDIVIDUAL", StringComparison.Ordinal);
    }

    /// <summary>A salted key for a personal value: the hex HMAC-SHA256 of the upper-cased, trimmed value, prefixed "h:".</summary>
    public static string Hash(string salt, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant()));
        return "h:" + Convert.ToHexStringLower(mac);
    }

    /// <summary>The key stored for a codice fiscale: a company's as printed, a person's hashed; null when empty.</summary>
    public static string? TaxCodeKey(string salt, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return IsPersonTaxCode(code) ? Hash(salt, code) : code.Trim().ToUpperInvariant();
    }

    [GeneratedRegex(@"^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonCode();
}
