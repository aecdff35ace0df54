using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>
/// One target value from a fragment of a target cell that holds no period label (what <see cref="TargetExpression"/>
/// cuts a cell into): yes/no, a deadline date, an operator (symbol or words) with a quantity, or free text. The
/// grammar is described on <see cref="TargetExpression"/>.
/// </summary>
internal static partial class TargetValueReader
{
    /// <summary>One value from a fragment that holds no period label; null for a no-value marker.</summary>
    public static TargetValue? Read(string fragment, string? period)
    {
        var raw = fragment.Trim();
        if (ValueText.IsBlankMarker(raw)) return null;

        var yesNo = YesNo().Match(raw);
        if (yesNo.Success)
            return TargetValue.YesNo(period, !yesNo.Groups["v"].Value.Equals("no", StringComparison.OrdinalIgnoreCase), raw);

        var s = raw.TrimEnd('*', ' ');
        string? unitHint = null;
        var marker = CountMarker().Match(s);
        if (marker.Success)
        {
            unitHint = "N.";
            s = s[marker.Length..];
        }

        var (op, isDeadlineWord, rest) = ReadOperator(s);
        if (op is null && !marker.Success)
        {
            // Words before an operator symbol are a label when exactly a number follows ("...Ente=100").
            var mid = MidOperator().Match(s);
            if (mid.Success && ReadQuantity(s[(mid.Index + mid.Length)..], wordNumbers: false) is { } labelled && labelled.Trailing.Length == 0)
                return TargetValue.Numeric(period, Symbol(mid.Groups["op"].Value), labelled.Value, raw, labelled.Unit);
        }

        if (LeadingDate(rest, op is not null || isDeadlineWord, period) is { } date)
            return TargetValue.Deadline(period, date, raw);

        if (ReadQuantity(rest, wordNumbers: op is not null || isDeadlineWord) is { } quantity && AcceptableTrailing(quantity.Trailing))
        {
            var resolved = op ?? (isDeadlineWord ? TargetOperator.LessOrEqual : TargetOperator.Equal);
            return TargetValue.Numeric(period, resolved, quantity.Value, raw, quantity.Unit ?? unitHint);
        }

        return TargetValue.FreeText(period, raw);
    }

    /// <summary>The operator at the start of the text (symbol or words), whether it was "entro", and the rest.</summary>
    private static (TargetOperator? Op, bool Deadline, string Remainder) ReadOperator(string s)
    {
        var symbol = LeadingSymbol().Match(s);
        if (symbol.Success)
            return (Symbol(symbol.Groups["op"].Value), false, s[symbol.Length..].Trim());
        var word = LeadingWord().Match(s);
        if (!word.Success) return (null, false, s.Trim());
        var rest = s[word.Length..].Trim();
        if (word.Groups["ge"].Success) return (TargetOperator.GreaterOrEqual, false, rest);
        if (word.Groups["le"].Success) return (TargetOperator.LessOrEqual, false, rest);
        if (word.Groups["gt"].Success) return (TargetOperator.Greater, false, rest);
        if (word.Groups["lt"].Success) return (TargetOperator.Less, false, rest);
        if (word.Groups["eq"].Success) return (TargetOperator.Equal, false, rest);
        return (null, true, rest);
    }

    private static TargetOperator Symbol(string symbol) => symbol.Replace(" ", "") switch
    {
        ">=" or "=>" or "≥" or "⩾" => TargetOperator.GreaterOrEqual,
        "<=" or "=<" or "≤" or "⩽" => TargetOperator.LessOrEqual,
        ">" => TargetOperator.Greater,
        "<" => TargetOperator.Less,
        _ => TargetOperator.Equal,
    };

    /// <summary>A date at the start of the value, completed with the period's year when it has none and may.</summary>
    private static DateOnly? LeadingDate(string s, bool afterOperator, string? period)
    {
        var m = LeadingDateRegex().Match(s);
        if (!m.Success || !AcceptableTrailing(s[m.Length..].Trim())) return null;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = m.Groups["m"].Success
            ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)
            : Array.FindIndex(MonthNames, n => m.Groups["mon"].Value.StartsWith(n, StringComparison.OrdinalIgnoreCase)) + 1;
        int year;
        if (m.Groups["y"].Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["y"].Value.Length == 2) year += 2000;
        }
        else if (afterOperator && Period.TryParse(period, out var p) && (m.Groups["mon"].Success || m.Groups["sep"].Value == "/"))
            year = p.Year;
        else
            return null;
        if (year is < Period.MinYear or > Period.MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    private sealed record Quantity(decimal Value, string? Unit, string Trailing);

    /// <summary>A number (or a sum of numbers) at the start of the text, with its unit and what follows it.</summary>
    private static Quantity? ReadQuantity(string s, bool wordNumbers)
    {
        decimal value;
        string? unit;
        string rest;
        if (ItalianNumber.TryReadLeading(s, out var number, out rest))
        {
            value = number.Value;
            unit = number.Unit;
        }
        else if (wordNumbers && NumberWord().Match(s) is { Success: true } word)
        {
            value = Array.IndexOf(NumberWords, word.Value.ToLowerInvariant()) + 1;
            if (value == 0) value = 1; // "un", "una"
            unit = null;
            rest = s[word.Length..];
        }
        else
            return null;

        while (Plus().Match(rest) is { Success: true } plus && ItalianNumber.TryReadLeading(rest[plus.Length..], out var term, out var after))
        {
            value += term.Value;
            unit ??= term.Unit;
            rest = after;
        }
        return new Quantity(ItalianNumber.Trim(value), unit, rest.Trim().TrimStart('*').Trim());
    }

    private static bool AcceptableTrailing(string trailing) =>
        trailing.Length == 0 || trailing[0] is '(' or ',' or ';' || char.IsLower(trailing[0]);

    private static readonly string[] NumberWords = ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"];

    private static readonly string[] MonthNames =
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

    private const string Articles = @"(?:\s+(?:il|lo|la|i|gli|le)(?!\p{L})|\s+l['’])?";
    private const string PrepA = @"a(?:l|lla|llo|lle|gli|i|ll['’])?";
    private const string PrepDi = @"d(?:i|el|ella|ello|elle|egli|ei|ell['’])";

    [GeneratedRegex(@"^(?<v>s[iìí]['’]?|no)(?!\p{L})\s*[.!]?\s*(?:\([^()]*\))?\s*[.;]?$", RegexOptions.IgnoreCase)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"^(?:[Nn][Rr]?\.?|[Nn]°)\s*(?=[<>=≥≤⩾⩽])")]
    private static partial Regex CountMarker();

    [GeneratedRegex(@"^(?<op>>\s?=|=\s?>|<\s?=|=\s?<|≥|⩾|≤|⩽|==|=|>|<)\s*")]
    private static partial Regex LeadingSymbol();

    [GeneratedRegex(@"^[^\d<>=≥≤⩾⩽]*?\p{L}[^\d<>=≥≤⩾⩽]*?\s*(?<op>>\s?=|<\s?=|≥|≤|=|>|<)\s*")]
    private static partial Regex MidOperator();

    [GeneratedRegex(
        @"^(?:(?<ge>almeno|non\s+inferiore\s+" + PrepA + @"|non\s+meno\s+" + PrepDi + @"|pari\s+o\s+superiore\s+" + PrepA +
        @"|maggiore\s+o\s+uguale\s+" + PrepA + @"|superiore\s+o\s+uguale\s+" + PrepA + @"|minimo|min\.?)" +
        @"|(?<le>non\s+superiore\s+" + PrepA + @"|non\s+oltre|non\s+più\s+" + PrepDi + @"|pari\s+o\s+inferiore\s+" + PrepA +
        @"|minore\s+o\s+uguale\s+" + PrepA + @"|inferiore\s+o\s+uguale\s+" + PrepA + @"|fino\s+" + PrepA + @"|massimo|max\.?)" +
        @"|(?<gt>superiore\s+" + PrepA + @"|maggiore\s+" + PrepDi + @"|più\s+" + PrepDi + @"|oltre)" +
        @"|(?<lt>inferiore\s+" + PrepA + @"|minore\s+" + PrepDi + @"|meno\s+" + PrepDi + @")" +
        @"|(?<eq>pari\s+" + PrepA + @"|uguale\s+" + PrepA + @")" +
        @"|(?<entro>entro))(?!\p{L})" + Articles + @"\s*",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWord();

    [GeneratedRegex(
        @"^(?:(?<d>\d{1,2})(?<sep>[/.\-])(?<m>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2}))?(?![\d/])(?!\.\d)" +
        @"|(?<d>\d{1,2})\s*(?:°|º)?\s+(?<mon>gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)(?:\s+(?<y>\d{4}))?(?!\d))",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDateRegex();

    [GeneratedRegex(@"^(?:uno|una|un|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"^\s*\+\s*")]
    private static partial Regex Plus();
}
