using Pipeline.Core.Chambers;

namespace Pipeline.Core.Configuration;

/// <summary>
/// One setting of a configuration file, by its path (<c>bindings[2].periods</c>), for the validation that follows
/// reading: <see cref="Error"/> makes the one-line <see cref="ConfigException"/> naming the file and the setting,
/// and the checks every file shares (a required text, a range, a chamber, a time zone) live here once.
/// </summary>
public readonly record struct ConfigSetting(string Origin, string Path)
{
    /// <summary>The top of the file <paramref name="origin"/>.</summary>
    public static ConfigSetting Root(string origin) => new(origin, "");

    /// <summary>A setting of this object (<c>retry</c> → <c>retry.attempts</c>).</summary>
    public ConfigSetting this[string name] => new(Origin, Path.Length == 0 ? name : $"{Path}.{name}");

    /// <summary>An item of this list (<c>bindings</c> → <c>bindings[2]</c>).</summary>
    public ConfigSetting this[int index] => new(Origin, $"{Path}[{index}]");

    /// <summary>"FILE: SETTING: WHAT", on one line (a value quoted in WHAT may hold line breaks).</summary>
    public ConfigException Error(string what, Exception? inner = null) =>
        new(OneLine(Path.Length == 0 ? $"{Origin}: {what}" : $"{Origin}: {Path}: {what}"), inner);

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>A text that must be given and not blank.</summary>
    public string Required(string? value, string what = "a text") =>
        string.IsNullOrWhiteSpace(value) ? throw Error($"required ({what})") : value;

    /// <summary>A section or list that must be given.</summary>
    public T Required<T>(T? value, string what) where T : class => value ?? throw Error($"required ({what})");

    /// <summary>A number within [min, max].</summary>
    public T InRange<T>(T value, T min, T max, string? unit = null) where T : struct, IComparable<T> =>
        value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0
            ? value
            : throw Error($"must be from {min} to {max}{(unit is null ? "" : " " + unit)} (not {value})");

    /// <summary>A chamber by code or name (<c>FG</c>, <c>Foggia</c>).</summary>
    public ChamberInfo Chamber(string? codeOrName) =>
        ChamberResolver.Lookup(Required(codeOrName, "a chamber code or name")) ?? throw Error($"unknown chamber '{codeOrName}'");

    /// <summary>A time zone known to this machine (<c>Europe/Rome</c>).</summary>
    public TimeZoneInfo TimeZone(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Required(id, "a time zone such as Europe/Rome"));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Error($"time zone '{id}' is not known on this machine", ex);
        }
    }

    /// <summary>Runs a check written elsewhere that throws <see cref="FormatException"/> (a parser of Core), as an error of this setting.</summary>
    public T Parsed<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw Error(ex.Message, ex);
        }
    }
}
