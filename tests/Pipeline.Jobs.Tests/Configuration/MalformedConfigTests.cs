using Pipeline.Core.Configuration;
using Pipeline.Jobs.Achievement;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Identity;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;

namespace Pipeline.Jobs.Tests.Configuration;

/// <summary>
/// Every configuration file the jobs read, each kind of mistake (JSON syntax, a wrong type, a missing required
/// setting, a value out of range, a reference to nothing, a misspelt setting): one <see cref="ConfigException"/>
/// whose one line starts "FILE: SETTING: " and says what is wrong.
/// </summary>
public sealed class MalformedConfigTests
{
    private static readonly Dictionary<string, Action<string, string>> Readers = new()
    {
        ["alerts.json"] = (json, origin) => AlertConfig.Parse(json, origin),
        ["chambers.json"] = (json, origin) => ChamberSources.Parse(json, origin, "/srv"),
        ["metrics.json"] = (json, origin) => MetricBindings.Parse(json, origin),
        ["kpi-matches.json"] = (json, origin) => KpiMatchConfig.Parse(json, origin),
        ["achievement.json"] = (json, origin) => AchievementPolicies.Parse(json, origin),
        ["nightly.json"] = (json, origin) => JobDefinitions.Parse(json, origin, "nightly"),
    };

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // file, JSON, the setting named (empty: the file as a whole), what is said
        { "alerts.json", """{ "timezone": "Europe/Rome" "escalate_after_days": 15 }""", "", "not valid JSON: " },
        { "alerts.json", """{ "escalate_after_days": "15" }""", "escalate_after_days", "expected a whole number, found '15' (line 1)" },
        { "alerts.json", """{ "channels": { "smtp": { "from": "p@x.it" } } }""", "channels.smtp.host", "required (the relay's host name)" },
        { "alerts.json", """{ "documents": { "relazione": { "months_after": -1 } } }""", "documents.relazione.months_after", "must be from 0 to 24 (not -1)" },
        { "alerts.json", """{ "recipients": { "Atlantide": ["a@b.it"] } }""", "recipients.Atlantide", "unknown chamber 'Atlantide'" },
        { "alerts.json", """{ "recipients": { "FG": ["a@b.it"], "Foggia": ["c@d.it"] } }""", "recipients.Foggia", "FG is given twice" },
        { "alerts.json", """{ "monitoring": { "semester": { "grace": 3 } } }""", "monitoring.semester.grace", "unknown setting (known: months_after, day, grace_days)" },

        { "chambers.json", """{ "chambers": [ { "code": "FG", } """, "", "not valid JSON: " },
        { "chambers.json", """{ "chambers": { "code": "FG" } }""", "chambers", "expected a list of objects, found an object" },
        { "chambers.json", """{ "chambers": [ { "name": "Foggia" } ] }""", "chambers[0].code", "required (a chamber code or name)" },
        { "chambers.json", """{ "chambers": [ { "code": "FG", "patron": "13-01" } ] }""", "chambers[0].patron", "'13-01' is not a day of the year as MM-DD" },
        { "chambers.json", """{ "chambers": [ { "code": "FG" }, { "code": "ZZ" } ] }""", "chambers[1].code", "unknown chamber 'ZZ'" },
        { "chambers.json", """{ "chambers": [ { "code": "FG" }, { "code": "Foggia" } ] }""", "chambers[1].code", "FG is listed twice (also chambers[0])" },
        { "chambers.json", """{ "chambers": [ { "code": "FG", "source": {} } ] }""", "chambers[0].source", "unknown setting (known: code, name, region, patron, recipients, sources)" },

        { "metrics.json", """{ "bindings": [ { "chamber": "FG" ] }""", "bindings[0]", "not valid JSON: " },
        { "metrics.json", """{ "bindings": [ { "chamber": "FG", "kpi": 12, "metric": "ri.mean_processing_days", "periods": ["2021"] } ] }""", "bindings[0].kpi", "expected a text, found 12" },
        { "metrics.json", """{ "bindings": [ { "chamber": "FG", "kpi": "a", "periods": ["2021"] } ] }""", "bindings[0].metric", "required (a metric id)" },
        { "metrics.json", """{ "bindings": [ { "chamber": "FG", "kpi": "a", "metric": "ri.practices_within_days", "params": { "days": -5 }, "periods": ["2021"] } ] }""", "bindings[0].params", "metric 'ri.practices_within_days': " },
        { "metrics.json", """{ "defaults": { "ri.nothing": { "days": 5 } } }""", "defaults.ri.nothing", "unknown metric 'ri.nothing'" },
        { "metrics.json", """{ "binding": [] }""", "binding", "unknown setting (known: defaults, bindings)" },

        { "kpi-matches.json", """{ "matches": [ { "chamber": "BS", "name": "a" "kpi": "b" } ] }""", "", "not valid JSON: " },
        { "kpi-matches.json", """{ "matches": [ { "chamber": "BS", "name": "a", "kpi": "b", "plan": 2021 } ] }""", "matches[0].plan", "expected a text, found 2021" },
        { "kpi-matches.json", """{ "matches": [ { "chamber": "BS", "name": "a" } ] }""", "matches[0].kpi", "required (the plan KPI's code or name)" },
        { "kpi-matches.json", """{ "matches": [ { "chamber": "BS", "name": "a", "kpi": "b", "plan": "2023" } ] }""", "matches[0].plan", "'2023' is not a cycle such as 2021-2023" },
        { "kpi-matches.json", """{ "matches": [ { "chamber": "Brescia", "name": "a", "kpi": "b" }, { "chamber": "XX", "name": "a", "kpi": "b" } ] }""", "matches[1].chamber", "unknown chamber 'XX'" },
        { "kpi-matches.json", """{ "matches": [ { "chamber": "BS", "name": "a", "kpi": "b", "cycle": "2021-2023" } ] }""", "matches[0].cycle", "unknown setting (known: chamber, plan, name, kpi)" },

        { "achievement.json", """{ "default": "integra", }} """, "", "not valid JSON: " },
        { "achievement.json", """{ "policies": { "strict": { "cap": "100" } } }""", "policies.strict.cap", "expected a number, found '100'" },
        { "achievement.json", """{ "policies": { "strict": { "overshoot": "capped" } } }""", "policies.strict.overshoot", "'capped' is not one of ratio, linear, zero" },
        { "achievement.json", """{ "policies": { "strict": { "decimals": 9 } } }""", "policies.strict.decimals", "must be from 0 to 6 (not 9)" },
        { "achievement.json", """{ "policies": { "strict": { "own_kpi_share": 1.5 } } }""", "policies.strict.own_kpi_share", "must be from 0 to 1 (not 1.5)" },
        { "achievement.json", """{ "default": "strict" }""", "default", "no policy named 'strict'" },
        { "achievement.json", """{ "chambers": { "FG": "strict" } }""", "chambers.FG", "no policy named 'strict'" },
        { "achievement.json", """{ "policies": { "strict": { "capped": 90 } } }""", "policies.strict.capped", "unknown setting (known: cap, overshoot, decimals, missing, mix, own_kpi_share, round_each_level)" },

        { "nightly.json", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 3 }""", "", "not valid JSON: " },
        { "nightly.json", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "factor": true } }""", "retry.factor", "expected a number, found true" },
        { "nightly.json", """{ "cron": "0 30 1 * * ?" }""", "kind", "required (nightly, alerts or digest)" },
        { "nightly.json", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 50 } }""", "retry.attempts", "must be from 0 to 20 (not 50)" },
        { "nightly.json", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "chambers": ["Foggia", "Nowhere"] }""", "chambers[1]", "unknown chamber 'Nowhere'" },
        { "nightly.json", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "time_zone": "Europe/Rome" }""", "time_zone", "unknown setting (known: kind, description, cron, timezone, chambers, retry)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mistake_is_one_line_naming_the_file_and_the_setting(string file, string json, string setting, string what)
    {
        var origin = "config/" + file;

        var ex = Assert.Throws<ConfigException>(() => Readers[file](json, origin));

        var prefix = setting.Length == 0 ? $"{origin}: " : $"{origin}: {setting}: ";
        // a syntax error names where the reader stopped, when it stopped inside a setting
        var named = setting.Length == 0
            ? ex.Message.StartsWith(prefix, StringComparison.Ordinal) && ex.Message.Contains(what, StringComparison.Ordinal)
            : ex.Message.StartsWith(prefix + what, StringComparison.Ordinal);
        Assert.True(named, $"'{ex.Message}' is not '{prefix}{what}…'");
        Assert.DoesNotContain('\n', ex.Message);
    }
}
