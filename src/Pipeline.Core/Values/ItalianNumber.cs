using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>
/// Reads numbers as printed in Italian performance documents: <c>1.234,56</c>, <c>100,00%</c>,
/// <c>€ 42.058,55</c>, <c>+10%</c>, <c>315.598,00 N.</c>, <c>20gg</c>, <c>n. 70</c>.
/// </summary>
/// <remarks>
/// <para>The whole text must be one number with at most one unit (a final <c>.</c> or <c>;</c> is punctuation);
/// anything else (<c>abc</c>, <c>-</c>,
/// <c>---</c>, <c>NA</c>, <c>n.d.</c>, dates, codes such as <c>1.1.2</c>, two numbers) is not a number.
/// White space is collapsed first (non-breaking and thin spaces count as spaces) and HTML entities and tags
/// are dropped.</para>
/// <para><b>Separators.</b> Given the digits with their <c>.</c> and <c>,</c> separators:</para>
/// <list type="number">
/// <item>No separator: an integer (<c>012</c> → 12).</item>
/// <item>Both <c>.</c> and <c>,</c>: the separator that comes last is the decimal mark and occurs once; the other
/// groups thousands, groups being 1–3 digits then exactly 3 (<c>1.234,56</c> → 1234.56; the English
/// <c>1,234.56</c> → 1234.56; <c>1.23,4</c> is rejected).</item>
/// <item>Only commas: one comma is always the Italian decimal mark (<c>0,705</c> → 0.705, <c>1,000</c> → 1);
/// several commas must be valid thousands groups (<c>1,234,567</c>).</item>
/// <item>Only dots, several: must be valid thousands groups (<c>1.234.567</c>); otherwise rejected (<c>1.1.2</c>).</item>
/// <item>Only one dot: thousands when it is followed by exactly 3 digits and preceded by 1–3 digits that do not
/// start with 0 (<c>1.000</c> → 1000, <c>117.391</c> → 117391); otherwise a decimal point, for lenient English
/// input (<c>70.5</c>, <c>70.50</c> → 70.5, <c>0.705</c>, <c>1234.567</c>).</item>
/// <item>A single trailing separator is punctuation (<c>100,</c> → 100); a leading one means zero units
/// (<c>,5</c> → 0.5).</item>
/// <item>A two-digit decimal part split by one space before a percent sign is a PDF kerning artefact and is
/// joined (<c>50,0 0%</c> → 50).</item>
/// </list>
/// <para><b>Sign.</b> <c>+</c>, <c>-</c> or <c>−</c> written immediately before the digits or before a currency
/// or count prefix (<c>+10%</c> → 10, <c>-5,00%</c> → -5, <c>-€ 3</c> → -3). A dash followed by a space is not a
/// sign (<c>- 5</c> is rejected: in these documents it is a bullet or a separator).</para>
/// <para><b>Units.</b> Either a prefix (<c>€</c>, <c>EUR</c>, <c>Euro</c>; count markers <c>n.</c>, <c>N.</c>,
/// <c>nr.</c>, <c>n°</c>) or a suffix after optional space: <c>%</c>, <c>‰</c>, <c>€</c>, or one word
/// optionally ending with a dot. Suffix words are either known units (<c>N</c>, <c>N.</c>, <c>gg</c>,
/// <c>giorni</c>, <c>mesi</c>, <c>euro</c>, <c>kmq</c>, …, any case) or lower-case words (<c>eventi</c>,
/// <c>posizioni</c>); a capitalised unknown word is taken as the start of text and rejected.
/// Canonical forms: currency → <c>€</c>; count markers (<c>n</c>, <c>n.</c>, <c>N</c>, <c>nr.</c>, <c>n°</c>) →
/// <c>N.</c>; <c>gg.</c>/<c>GG</c> → <c>gg</c>; other known units stay as printed (<c>giorni</c>, <c>MESI</c>); an
/// unknown word loses a final dot, which ends the sentence rather than abbreviating (<c>5 eventi.</c> → <c>eventi</c>).</para>
/// <para><b>Value.</b> Exact decimal, trailing zeros dropped (<c>100,00</c> → 100).</para>
/// </remarks>
public static partial class ItalianNumber
{
    /// <summary>Parses <paramref name="text"/> as a single Italian-formatted number with an optional unit.</summary>
    public static bool TryParse(string? text, out ParsedNumber result)
    {
        result = null!;
        var s = ValueText.Normalize(text);
        if (s.Length == 0) return false;
        if (!TryReadLeading(s, out var number, out var rest)) return false;
        if (rest.Trim() is not ("" or "." or ";")) return false;
        result = number with { Raw = s };
        return true;
    }

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a number (see the type remarks).</summary>
    public static ParsedNumber? Parse(string? text) => TryParse(text, out var result) ? result : null;

    /// <summary>
    /// Reads a number (with sign and unit) at the start of already-normalized text and returns the text that
    /// follows it. Used by <see cref="TargetExpression"/>, where a quantity may be followed by words.
    /// </summary>
    internal static bool TryReadLeading(string s, out ParsedNumber number, out string rest)
    {
        number = null!;
        rest = s;
        s = SplitDecimal().Replace(s, "");
        var m = Leading().Match(s);
        if (!m.Success) return false;
        if (m.Groups["sign"].Success && m.Groups["sign2"].Success) return false;

        var value = InterpretDigits(m.Groups["num"].Value);
        if (value is null) return false;
        var sign = m.Groups["sign"].Success ? m.Groups["sign"].Value : m.Groups["sign2"].Value;
        if (sign is "-" or "−") value = -value.Value;

        string? unit = null;
        var end = m.Index + m.Length;
        if (m.Groups["pre"].Success)
        {
            unit = CanonicalUnit(m.Groups["pre"].Value);
        }
        else
        {
            var u = SuffixUnit().Match(s, end);
            if (u.Success && u.Index == end && AcceptUnit(u.Groups["unit"].Value, out var canonical, out var consumed))
            {
                unit = canonical;
                end = u.Groups["unit"].Index + consumed;
            }
        }

        rest = s[end..];
        number = new ParsedNumber(s[..end].Trim(), value.Value, unit);
        return true;
    }

    /// <summary>Applies the separator rules of the type remarks to a run of digits, dots and commas.</summary>
    internal static decimal? InterpretDigits(string digits)
    {
        if (digits.Length > 1 && digits[^1] is '.' or ',' && char.IsAsciiDigit(digits[^2]))
            digits = digits[..^1];
        if (digits.Length == 0) return null;
        if (digits[0] is '.' or ',') digits = "0" + digits;

        var dots = digits.Count(c => c == '.');
        var commas = digits.Count(c => c == ',');
        string canonical;
        if (dots == 0 && commas == 0)
        {
            canonical = digits;
        }
        else if (dots > 0 && commas > 0)
        {
            var decimalMark = digits.LastIndexOf('.') > digits.LastIndexOf(',') ? '.' : ',';
            var thousandsMark = decimalMark == '.' ? ',' : '.';
            if (digits.Count(c => c == decimalMark) != 1) return null;
            var cut = digits.IndexOf(decimalMark);
            var integer = digits[..cut];
            var fraction = digits[(cut + 1)..];
            if (fraction.Length == 0 || !ValidThousands(integer, thousandsMark)) return null;
            canonical = integer.Replace(thousandsMark.ToString(), "") + "." + fraction;
        }
        else
        {
            var mark = dots > 0 ? '.' : ',';
            var count = Math.Max(dots, commas);
            if (count > 1)
            {
                if (!ValidThousands(digits, mark)) return null;
                canonical = digits.Replace(mark.ToString(), "");
            }
            else
            {
                var cut = digits.IndexOf(mark);
                var integer = digits[..cut];
                var fraction = digits[(cut + 1)..];
                if (fraction.Length == 0 || integer.Length == 0) return null;
                var thousands = mark == '.' && fraction.Length == 3 && integer.Length <= 3 && integer[0] != '0';
                canonical = thousands ? integer + fraction : integer + "." + fraction;
            }
        }

        if (!decimal.TryParse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        return Trim(value);
    }

    /// <summary>Drops trailing zeros of the scale: 100.00 → 100, 78.50 → 78.5.</summary>
    internal static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool ValidThousands(string digits, char mark)
    {
        var groups = digits.Split(mark);
        if (groups[0].Length is < 1 or > 3) return false;
        for (var i = 1; i < groups.Length; i++)
            if (groups[i].Length != 3) return false;
        return groups.All(g => g.All(char.IsAsciiDigit));
    }

    private static readonly HashSet<string> KnownUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "n", "n.", "nr", "nr.", "num", "num.", "gg", "gg.", "giorni", "giorno", "mesi", "mese", "ore", "ora",
        "anni", "anno", "settimane", "minuti", "min", "min.", "euro", "eur", "kmq", "mq", "km", "kg", "punti",
        "pt", "pt.", "ml", "mln", "migliaia", "unità",
    };

    private static bool AcceptUnit(string printed, out string canonical, out int consumed)
    {
        consumed = printed.Length;
        canonical = printed;
        if (printed is "%" or "‰" or "€")
            return true;
        var bare = printed.TrimEnd('.');
        var known = KnownUnits.Contains(printed) || KnownUnits.Contains(bare);
        if (!known && !char.IsLower(printed[0])) return false;
        if (!known && printed.EndsWith('.'))
        {
            // "eventi." — the dot ends the sentence, not an abbreviation.
            consumed = bare.Length;
            canonical = bare;
            return true;
        }
        canonical = CanonicalUnit(printed);
        return true;
    }

    /// <summary>Canonical spelling of a unit: currency → €, count markers → N., gg. → gg; others unchanged.</summary>
    internal static string CanonicalUnit(string printed)
    {
        var key = printed.Trim().TrimEnd('.').ToLowerInvariant();
        return key switch
        {
            "€" or "eur" or "euro" => "€",
            "n" or "nr" or "n°" or "num" => "N.",
            "gg" => "gg",
            _ => printed.Trim(),
        };
    }

    [GeneratedRegex(@"^(?<sign>[+\-−])?(?:(?<pre>€|(?:EUR|Euro|euro)(?!\p{L})|[Nn][Rr]?\.|[Nn]°)\s*(?<sign2>[+\-−])?)?(?<num>\d[\d.,]*|[.,]\d+)")]
    private static partial Regex Leading();

    [GeneratedRegex(@"\G\s*(?<unit>%|‰|€|\p{L}+\.?)")]
    private static partial Regex SuffixUnit();

    [GeneratedRegex(@"(?<=\d,\d) (?=\d\s*%)")]
    private static partial Regex SplitDecimal();
}

/// <summary>Text clean-up shared by the value parsers.</summary>
internal static partial class ValueText
{
    /// <summary>HTML entities decoded, tags dropped, every kind of white space collapsed to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
        s = HtmlTag().Replace(s, " ");
        s = s.Replace("\u200B", "").Replace("\u00AD", "").Normalize(NormalizationForm.FormC);
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>
    /// True for the markers that mean "no value": empty, runs of dashes or dots (<c>-</c>, <c>---</c>, <c>—</c>, <c>...</c>),
    /// <c>NA</c>, <c>N/A</c>, <c>n.a.</c>, <c>n.d.</c>, <c>ND</c>, <c>/</c>, <c>//</c>, <c>Non applicabile</c>.
    /// </summary>
    public static bool IsBlankMarker(string? text)
    {
        var s = Normalize(text);
        return s.Length == 0 || BlankMarker().IsMatch(s);
    }

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,80}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"[\s\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:[-–—―‐‑_.…]+|n\.?\s?[ad]\.?|n/[ad]|/+|non\s+applicabile)$", RegexOptions.IgnoreCase)]
    private static partial Regex BlankMarker();
}
