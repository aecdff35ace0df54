using System.Globalization;
using Pipeline.Core.Feeds;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// The cell values of registry feeds: Italian dates with an optional time, practice states, whole numbers of days,
/// yes/no flags. Each reader returns false with a reason that names the column and the value when a cell is invalid.
/// </summary>
internal static class FeedValues
{
    private static readonly HashSet<string> DayUnits = new(StringComparer.OrdinalIgnoreCase) { "gg", "giorni", "giorno" };

    /// <summary>
    /// A calendar day: <c>dd/mm/yyyy</c>, <c>d/m/yyyy</c>, <c>dd-mm-yyyy</c>, <c>dd.mm.yyyy</c> or ISO <c>yyyy-mm-dd</c>,
    /// optionally followed by a time (<c>14:32</c>, <c>14:32:05</c>), which is dropped. An empty cell is null.
    /// </summary>
    public static bool TryDate(string text, string column, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        var s = text.AsSpan().Trim();
        if (s.Length == 0) return true;
        if (TryCalendarDay(s, out var day))
        {
            date = day;
            return true;
        }
        error = $"{column} '{s}' is not a date";
        return false;
    }

    /// <summary>The date formats of <see cref="TryDate"/>, scanned by hand (a feed has millions of dates).</summary>
    private static bool TryCalendarDay(ReadOnlySpan<char> s, out DateOnly day) =>
        TryDayMonthYear(s, out day) || TryIso(s, out day);

    /// <summary><c>d/m/yyyy</c>, with '/', '-' or '.' (the same twice), one or two digit day and month.</summary>
    private static bool TryDayMonthYear(ReadOnlySpan<char> s, out DateOnly day)
    {
        var pos = 0;
        var d = Digits(s, ref pos, 1, 2);
        if (pos >= s.Length || s[pos] is not ('/' or '-' or '.'))
        {
            day = default;
            return false;
        }
        var separator = s[pos++];
        var m = Digits(s, ref pos, 1, 2);
        var ok = Skip(s, ref pos, separator);
        var y = Digits(s, ref pos, 4, 4);
        return Complete(s, pos, ok ? y : -1, m, d, out day);
    }

    /// <summary><c>yyyy-mm-dd</c>.</summary>
    private static bool TryIso(ReadOnlySpan<char> s, out DateOnly day)
    {
        var pos = 0;
        var y = Digits(s, ref pos, 4, 4);
        var ok = Skip(s, ref pos, '-');
        var m = Digits(s, ref pos, 1, 2);
        ok = Skip(s, ref pos, '-') && ok;
        var d = Digits(s, ref pos, 1, 2);
        return Complete(s, pos, ok ? y : -1, m, d, out day);
    }

    /// <summary>A valid day, followed by nothing or by a time.</summary>
    private static bool Complete(ReadOnlySpan<char> s, int pos, int y, int m, int d, out DateOnly day)
    {
        day = default;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        if (pos < s.Length && !IsTime(s[pos..])) return false;
        day = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>A time after a date: spaces or 'T', then <c>hh:mm</c>, optionally <c>:ss</c> and a fraction.</summary>
    private static bool IsTime(ReadOnlySpan<char> s)
    {
        var pos = 0;
        while (pos < s.Length && s[pos] is ' ' or 'T') pos++;
        if (pos == 0) return false;
        var h = Digits(s, ref pos, 1, 2);
        if (h is < 0 or > 23 || !Skip(s, ref pos, ':')) return false;
        var min = Digits(s, ref pos, 2, 2);
        if (min is < 0 or > 59) return false;
        if (pos == s.Length) return true;
        if (!Skip(s, ref pos, ':')) return false;
        var sec = Digits(s, ref pos, 2, 2);
        if (sec is < 0 or > 59) return false;
        if (pos == s.Length) return true;
        if (s[pos] is not ('.' or ',')) return false;
        pos++;
        return Digits(s, ref pos, 1, 7) >= 0 && pos == s.Length;
    }

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> ASCII digits at <paramref name="pos"/>; -1 when there are fewer.</summary>
    private static int Digits(ReadOnlySpan<char> s, ref int pos, int min, int max)
    {
        var value = 0;
        var start = pos;
        while (pos < s.Length && pos - start < max && char.IsAsciiDigit(s[pos]))
            value = value * 10 + (s[pos++] - '0');
        return pos - start >= min ? value : -1;
    }

    private static bool Skip(ReadOnlySpan<char> s, ref int pos, char expected)
    {
        if (pos >= s.Length || s[pos] != expected) return false;
        pos++;
        return true;
    }

    /// <summary>EVASA, SOSPESA, RESPINTA, ANNULLATA, IN LAVORAZIONE (also IN_LAVORAZIONE), ignoring case and accents.</summary>
    public static bool TryPracticeStatus(string text, string column, out PracticeStatus status, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        PracticeStatus? parsed = trimmed.ToUpperInvariant() switch
        {
            "EVASA" => PracticeStatus.Evasa,
            "SOSPESA" => PracticeStatus.Sospesa,
            "RESPINTA" => PracticeStatus.Respinta,
            "ANNULLATA" => PracticeStatus.Annullata,
            "IN LAVORAZIONE" or "IN_LAVORAZIONE" => PracticeStatus.InLavorazione,
            _ => null,
        };
        // Slow path: accents, punctuation and inner spacing ignored.
        parsed ??= TextKey.Normalize(trimmed) switch
        {
            "evasa" => PracticeStatus.Evasa,
            "sospesa" => PracticeStatus.Sospesa,
            "respinta" => PracticeStatus.Respinta,
            "annullata" => PracticeStatus.Annullata,
            "in lavorazione" => PracticeStatus.InLavorazione,
            _ => null,
        };
        status = parsed.GetValueOrDefault();
        if (parsed is not null) return true;
        error = text.Trim().Length == 0 ? $"empty {column}" : $"unknown {column} '{text.Trim()}'";
        return false;
    }

    /// <summary>
    /// A non-negative whole number of days: empty is 0; Italian decimals are accepted when integral (<c>3,0</c>);
    /// a unit of days (<c>5 gg</c>, <c>5 giorni</c>) is allowed.
    /// </summary>
    public static bool TryDays(string text, string column, out int days, out string? error)
    {
        days = 0;
        error = null;
        var s = text.Trim();
        if (s.Length == 0) return true;
        if (s.Length <= 9 && s.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            days = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }
        if (!ItalianNumber.TryParse(s, out var number) || (number.Unit is not null && !DayUnits.Contains(number.Unit)))
        {
            error = $"{column} '{s}' is not a number";
            return false;
        }
        if (number.Value < 0)
        {
            error = $"{column} '{s}' is negative";
            return false;
        }
        if (number.Value != decimal.Truncate(number.Value) || number.Value > int.MaxValue)
        {
            error = $"{column} '{s}' is not a whole number of days";
            return false;
        }
        days = (int)number.Value;
        return true;
    }

    /// <summary>S/N, SI/NO, Sì, Y/N, 1/0 in any case; empty is false.</summary>
    public static bool TryFlag(string text, string column, out bool flag, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        bool? parsed = trimmed.ToUpperInvariant() switch
        {
            "" or "N" or "NO" or "0" => false,
            "S" or "SI" or "Y" or "1" => true,
            _ => null,
        };
        parsed ??= TextKey.Normalize(trimmed) switch
        {
            "" or "n" or "no" or "0" => false,
            "s" or "si" or "y" or "1" => true,
            _ => null,
        };
        flag = parsed.GetValueOrDefault();
        if (parsed is not null) return true;
        error = $"{column} '{text.Trim()}' is not S/N";
        return false;
    }

    /// <summary>The value trimmed with its white space collapsed, or null when empty.</summary>
    public static string? Text(string text)
    {
        if (text.Length == 0) return null;
        if (IsClean(text)) return text;
        var s = TextKey.Clean(text);
        return s.Length == 0 ? null : s;
    }

    /// <summary>True when <see cref="TextKey.Clean"/> would return the text unchanged (the usual cell).</summary>
    private static bool IsClean(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ') return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' ? text[i - 1] == ' ' : c == '<' || char.IsWhiteSpace(c)) return false;
        }
        return true;
    }
}
