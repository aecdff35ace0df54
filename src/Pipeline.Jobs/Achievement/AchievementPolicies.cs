using Pipeline.Core.Configuration;
using Pipeline.Core.Achievement;

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
        var file = ConfigFile.Parse<PoliciesFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        var policies = new Dictionary<string, AchievementPolicy>(StringComparer.OrdinalIgnoreCase) { ["integra"] = AchievementPolicy.Integra };
        foreach (var (name, policy) in file.Policies ?? [])
            policies[name] = policy.ToPolicy(name, root["policies"][name]);
        var @default = file.Default ?? "integra";
        if (!policies.ContainsKey(@default)) throw root["default"].Error($"no policy named '{@default}'");
        var chambers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (chamber, name) in file.Chambers ?? [])
        {
            var at = root["chambers"][chamber];
            chambers[at.Chamber(chamber).Code] = policies.ContainsKey(name) ? name : throw at.Error($"no policy named '{name}'");
        }
        return new AchievementPolicies(policies, chambers, @default);
    }

    private sealed record PoliciesFile(string? Default, Dictionary<string, PolicySection>? Policies, Dictionary<string, string>? Chambers);

    /// <summary>A named policy: the Integra rules with the settings given changed (<c>"cap": null</c> is no cap; no <c>cap</c> is Integra's).</summary>
    private sealed class PolicySection
    {
        private AchievementPolicy _given = AchievementPolicy.Integra;

        public decimal? Cap { init => _given = _given with { Cap = value }; }
        public OvershootRule Overshoot { init => _given = _given with { Overshoot = value }; }
        public int Decimals { init => _given = _given with { Decimals = value }; }
        public MissingActualRule Missing { init => _given = _given with { Missing = value }; }
        public StrategicMix Mix { init => _given = _given with { Mix = value }; }
        public decimal OwnKpiShare { init => _given = _given with { OwnKpiShare = value }; }
        public bool RoundEachLevel { init => _given = _given with { RoundEachLevel = value }; }

        public AchievementPolicy ToPolicy(string name, ConfigSetting at)
        {
            at["decimals"].InRange(_given.Decimals, 0, 6);
            at["own_kpi_share"].InRange(_given.OwnKpiShare, 0m, 1m);
            return _given with { Name = name };
        }
    }
}
