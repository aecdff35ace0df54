using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Achievement;
using Pipeline.Core.Chambers;

namespace Pipeline.Jobs.Achievement;

/// <summary>
/// The achievement policy of each chamber, from <c>config/achievement.json</c>: named policies (each the Integra
/// rules with some changed), a default, and the chambers that use another. Without the file every chamber uses
/// <see cref="AchievementPolicy.Integra"/>. Mistakes are reported when the file is read, naming the entry.
/// </summary>
/// <example>
/// { "default": "integra",
///   "policies": { "uncapped": { "cap": null, "overshoot": "ratio", "mix": "children" } },
///   "chambers": { "FG": "uncapped" } }
/// </example>
public sealed class AchievementPolicies
{
    public const string FileName = "achievement.json";

    private readonly Dictionary<string, AchievementPolicy> _policies;
    private readonly Dictionary<string, string> _chambers;
    private readonly string _default;

    private AchievementPolicies(Dictionary<string, AchievementPolicy> policies, Dictionary<string, string> chambers, string @default)
    {
        _policies = policies;
        _chambers = chambers;
        _default = @default;
    }

    public static AchievementPolicies Default { get; } = new(new(StringComparer.OrdinalIgnoreCase) { ["integra"] = AchievementPolicy.Integra }, [], "integra");

    public AchievementPolicy For(string chamberCode) => _policies[_chambers.GetValueOrDefault(chamberCode.ToUpperInvariant(), _default)];

    /// <summary>A named policy; null when there is none of that name.</summary>
    public AchievementPolicy? Named(string name) => _policies.GetValueOrDefault(name);

    public static AchievementPolicies FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the entry.</exception>
    public static AchievementPolicies Parse(string json, string origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var policies = new Dictionary<string, AchievementPolicy>(StringComparer.OrdinalIgnoreCase) { ["integra"] = AchievementPolicy.Integra };
            if (root.TryGetProperty("policies", out var named))
                foreach (var p in named.EnumerateObject())
                    policies[p.Name] = Policy(p.Name, p.Value, $"{origin}: policies.{p.Name}");
            var @default = root.TryGetProperty("default", out var d) ? d.GetString() ?? "integra" : "integra";
            if (!policies.ContainsKey(@default)) throw new ConfigException($"{origin}: default: no policy named '{@default}'");
            var chambers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("chambers", out var map))
                foreach (var c in map.EnumerateObject())
                {
                    var chamber = ChamberResolver.Lookup(c.Name) ?? throw new ConfigException($"{origin}: chambers.{c.Name}: unknown chamber");
                    var name = c.Value.GetString() ?? "";
                    if (!policies.ContainsKey(name)) throw new ConfigException($"{origin}: chambers.{c.Name}: no policy named '{name}'");
                    chambers[chamber.Code] = name;
                }
            return new AchievementPolicies(policies, chambers, @default);
        }
        catch (JsonException ex)
        {
            throw new ConfigException($"{origin}: not valid JSON ({ex.Message})", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigException($"{origin}: {ex.Message}", ex);
        }
    }

    private static AchievementPolicy Policy(string name, JsonElement e, string where)
    {
        var p = AchievementPolicy.Integra with { Name = name };
        foreach (var field in e.EnumerateObject())
        {
            p = field.Name switch
            {
                "cap" => p with { Cap = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetDecimal() },
                "overshoot" => p with { Overshoot = Enum<OvershootRule>(field.Value, where + ".overshoot") },
                "decimals" => p with { Decimals = field.Value.GetInt32() is var n and >= 0 and <= 6 ? n : throw new ConfigException($"{where}.decimals: 0 to 6") },
                "missing" => p with { Missing = Enum<MissingActualRule>(field.Value, where + ".missing") },
                "mix" => p with { Mix = Enum<StrategicMix>(field.Value, where + ".mix") },
                "own_kpi_share" => p with { OwnKpiShare = field.Value.GetDecimal() is var s and >= 0 and <= 1 ? s : throw new ConfigException($"{where}.own_kpi_share: 0 to 1") },
                "round_each_level" => p with { RoundEachLevel = field.Value.GetBoolean() },
                _ => throw new ConfigException($"{where}: unknown setting '{field.Name}' (cap, overshoot, decimals, missing, mix, own_kpi_share, round_each_level)"),
            };
        }
        return p;
    }

    private static T Enum<T>(JsonElement value, string where) where T : struct, System.Enum
    {
        var text = (value.GetString() ?? "").Replace("_", "", StringComparison.Ordinal);
        return System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ConfigException($"{where}: '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
    }
}
