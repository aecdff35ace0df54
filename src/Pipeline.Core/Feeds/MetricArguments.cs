using System.Globalization;

namespace Pipeline.Core.Feeds;

/// <summary>
/// The parameters of one metric request after <see cref="FeedMetric.Start"/> checked the names and filled in the
/// defaults: lower-case declared name → raw value. The typed readers parse a value strictly, throw a
/// <see cref="MetricException"/> naming the metric and the parameter, and record the normalised value for
/// <see cref="Canonical"/>.
/// </summary>
internal sealed class MetricArguments(string metric, IReadOnlyDictionary<string, string> values)
{
    private readonly SortedDictionary<string, string> normalised = new(StringComparer.Ordinal);

    /// <summary><c>key=value</c> pairs sorted by key and joined by <c>;</c>; every given value must have been read.</summary>
    public string Canonical
    {
        get
        {
            var unread = values.Keys.Where(k => !normalised.ContainsKey(k)).ToList();
            if (unread.Count > 0)
                throw new InvalidOperationException($"metric '{metric}': parameter(s) {string.Join(", ", unread)} not read");
            return string.Join(';', normalised.Select(kv => kv.Key + "=" + kv.Value));
        }
    }

    /// <summary>A whole number ≥ 0 written with digits only.</summary>
    public int NonNegativeInt(string name)
    {
        var raw = Required(name);
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw Invalid(name, raw, "a whole number ≥ 0 written with digits only (e.g. 5)");
        normalised[name] = number.ToString(CultureInfo.InvariantCulture);
        return number;
    }

    /// <summary><c>calendar</c> or <c>working</c>.</summary>
    public DaysKind DaysKind(string name)
    {
        var raw = Required(name);
        DaysKind kind;
        if (raw.Equals("calendar", StringComparison.OrdinalIgnoreCase)) kind = Feeds.DaysKind.Calendar;
        else if (raw.Equals("working", StringComparison.OrdinalIgnoreCase)) kind = Feeds.DaysKind.Working;
        else throw Invalid(name, raw, "'calendar' or 'working'");
        normalised[name] = kind == Feeds.DaysKind.Calendar ? "calendar" : "working";
        return kind;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool Flag(string name)
    {
        var raw = Required(name);
        bool flag;
        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase)) flag = true;
        else if (raw.Equals("false", StringComparison.OrdinalIgnoreCase)) flag = false;
        else throw Invalid(name, raw, "'true' or 'false'");
        normalised[name] = flag ? "true" : "false";
        return flag;
    }

    /// <summary>An optional <c>MM-DD</c>; null when not given.</summary>
    public MonthDay? OptionalMonthDay(string name)
    {
        if (!values.TryGetValue(name, out var raw)) return null;
        MonthDay day;
        try
        {
            day = MonthDay.Parse(raw);
        }
        catch (FormatException e)
        {
            throw Invalid(name, raw, $"a day of the year as MM-DD, e.g. 06-24 ({e.Message})");
        }
        normalised[name] = day.ToString();
        return day;
    }

    /// <summary>Free text, trimmed and upper-cased; it must not contain <c>;</c> or <c>=</c> (they delimit the canonical form).</summary>
    public string UpperText(string name)
    {
        var raw = Required(name);
        var text = raw.Trim().ToUpperInvariant();
        if (text.Contains(';') || text.Contains('='))
            throw Invalid(name, raw, "text without ';' or '='");
        normalised[name] = text;
        return text;
    }

    private string Required(string name) =>
        values.TryGetValue(name, out var raw)
            ? raw
            : throw new MetricException($"metric '{metric}': missing required parameter '{name}'");

    private MetricException Invalid(string name, string raw, string accepted) =>
        new($"metric '{metric}': parameter '{name}' must be {accepted}, got '{raw}'");
}
