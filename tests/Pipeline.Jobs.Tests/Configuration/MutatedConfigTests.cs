using System.Runtime.CompilerServices;
using Pipeline.Core.Configuration;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;

namespace Pipeline.Jobs.Tests.Configuration;

/// <summary>
/// Every shipped configuration file, damaged many ways (cut short, a character changed, dropped or doubled, a value
/// turned into another JSON type): each damaged copy either still reads or fails with one <see cref="ConfigException"/>
/// line naming the file — never another exception, which would reach the user as a stack trace.
/// </summary>
public sealed class MutatedConfigTests
{
    private static string Repository([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static readonly Dictionary<string, Action<string, string>> Readers = new()
    {
        ["config/alerts.json"] = (json, origin) => AlertConfig.Parse(json, origin),
        ["config/chambers.json"] = (json, origin) => ChamberSources.Parse(json, origin, "/srv"),
        ["config/feeds.json"] = (json, origin) => FeedHeaderConfig.Parse(json, origin),
        ["config/metrics.json"] = (json, origin) => MetricBindings.Parse(json, origin),
        ["config/workbook-headers.json"] = (json, origin) => WorkbookHeaderConfig.Parse(json, origin),
        ["jobs/nightly.json"] = (json, origin) => JobDefinitions.Parse(json, origin, "nightly"),
        ["achievement.json"] = (json, origin) => Pipeline.Jobs.Achievement.AchievementPolicies.Parse(json, origin),
        ["kpi-matches.json"] = (json, origin) => Pipeline.Jobs.Identity.KpiMatchConfig.Parse(json, origin),
    };

    /// <summary>Files the project does not ship, as docs/achievement.md shows them.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["achievement.json"] = """
            { "default": "integra",
              "policies": { "uncapped": { "cap": null, "overshoot": "ratio", "mix": "children", "decimals": 1, "own_kpi_share": 0.5, "round_each_level": true } },
              "chambers": { "FG": "uncapped" } }
            """,
        ["kpi-matches.json"] = """
            { "matches": [ { "chamber": "BS", "plan": "2021-2023",
                             "name": "Predisposizione format immagine coordinata dell'Ente",
                             "kpi": "Realizzazione format immagine coordinata dell'ente" } ] }
            """,
    };

    private static readonly string[] Replacements = ["", "0", "-1", "1.5", "null", "true", "\"\"", "\"x\"", "[]", "{}", "[1]", "{\"a\":1}", "99999999999"];

    [Theory]
    [InlineData("config/alerts.json")]
    [InlineData("config/chambers.json")]
    [InlineData("config/feeds.json")]
    [InlineData("config/metrics.json")]
    [InlineData("config/workbook-headers.json")]
    [InlineData("jobs/nightly.json")]
    [InlineData("achievement.json")]
    [InlineData("kpi-matches.json")]
    public void A_damaged_copy_reads_or_fails_with_one_line_naming_the_file(string file)
    {
        var json = Examples.GetValueOrDefault(file) ?? File.ReadAllText(Path.Combine(Repository(), file));
        Readers[file](json, file);
        var random = new Random(file.Length * 7919);
        var failures = 0;
        for (var i = 0; i < 400; i++)
        {
            var at = random.Next(json.Length);
            var damaged = (i % 4) switch
            {
                0 => json[..at],
                1 => json.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString()),
                2 => json.Remove(at, 1),
                _ => ReplaceValue(json, at, Replacements[random.Next(Replacements.Length)]),
            };
            try
            {
                Readers[file](damaged, file);
            }
            catch (ConfigException ex)
            {
                failures++;
                Assert.StartsWith(file + ": ", ex.Message);
                Assert.False(ex.Message.Contains('\n'), ex.Message);
            }
        }
        Assert.True(failures > 100, $"{failures} of 400 damaged copies refused");
    }

    /// <summary>The value after the first ':' at or after <paramref name="at"/>, up to the next ',' or '}' at its depth, replaced.</summary>
    private static string ReplaceValue(string json, int at, string replacement)
    {
        var colon = json.IndexOf(':', at);
        if (colon < 0) return json;
        var (depth, end, quoted) = (0, colon + 1, false);
        for (; end < json.Length; end++)
        {
            var c = json[end];
            if (c == '"' && json[end - 1] != '\\') quoted = !quoted;
            if (quoted) continue;
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && depth-- == 0) break;
            else if (c == ',' && depth == 0) break;
        }
        return json[..(colon + 1)] + " " + replacement + json[end..];
    }
}
