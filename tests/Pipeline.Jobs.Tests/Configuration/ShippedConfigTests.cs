using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Core.Achievement;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Achievement;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Identity;
using Pipeline.Jobs.Review;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;

namespace Pipeline.Jobs.Tests.Configuration;

/// <summary>
/// The configuration the project ships — config/*.json, jobs/*.json and every JSON example in docs/ — reads through
/// the one reader and gives what the files say.
/// </summary>
public sealed class ShippedConfigTests
{
    private static string Repository([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static string ConfigDirectory => Path.Combine(Repository(), "config");

    [Fact]
    public void The_shipped_alert_rules_are_the_defaults_with_the_sample_recipients_and_company_lists_stale_after_35_days()
    {
        var alerts = AlertConfig.FromDirectory(ConfigDirectory);
        var defaults = AlertConfig.Default;
        Assert.Equal((defaults.Semester, defaults.Year, defaults.Relazione, 15, "Europe/Rome", true),
            (alerts.Semester, alerts.Year, alerts.Relazione, alerts.EscalateAfterDays, alerts.Zone.Id, alerts.SemiannualByDefault));
        Assert.Equal(["controllo.gestione@molise.camcom.example"], alerts.RecipientsOf("CBIS"));
        Assert.Equal((10, 35), (alerts.StaleFeedRuleOf(FeedKind.Practices).Days, alerts.StaleFeedRuleOf(FeedKind.Companies).Days));
        Assert.Null(alerts.Smtp);
        Assert.Null(alerts.Webhook);
    }

    [Fact]
    public void The_shipped_chamber_is_molise_with_its_patron_recipient_and_four_sources_under_the_repository()
    {
        var molise = Assert.Single(ChamberSources.FromDirectory(ConfigDirectory).All);
        Assert.Equal(("CBIS", "Camera di Commercio del Molise", "Molise", "04-23"), (molise.Code, molise.Name, molise.Region, molise.Patron));
        Assert.Equal(["controllo.gestione@molise.camcom.example"], molise.Recipients);
        Assert.Equal(
            ["sample-data/molise/*.pdf", "sample-data/molise/*.xlsx", "sample-data/molise/*.xls", "sample-data/molise/feeds"],
            molise.Sources.Select(s => Path.GetRelativePath(Repository(), s).Replace('\\', '/')));
    }

    [Fact]
    public void The_shipped_bindings_merge_the_defaults_with_each_binding_s_parameters()
    {
        var bindings = MetricBindings.FromDirectory(ConfigDirectory).All;
        Assert.Equal(["ri.mean_processing_days", "ri.practices_within_days", "registry.cassetto_share"], bindings.Select(b => b.Metric.Id));
        Assert.Equal(
            new Dictionary<string, string> { ["days_kind"] = "working", ["net_of_suspension"] = "true", ["days"] = "5", ["patron"] = "04-23" },
            bindings[1].Parameters);
        Assert.Equal(["2021-S1", "2021", "2022-S1", "2022"], bindings[1].Periods.Select(p => p.Code));
        Assert.Empty(bindings[2].Parameters);
    }

    [Fact]
    public void The_shipped_header_files_are_the_built_in_vocabularies()
    {
        var feeds = FeedHeaderConfig.FromDirectory(ConfigDirectory);
        Assert.Equal(FeedHeaderConfig.Default.PracticeHeaders, feeds.PracticeHeaders);
        Assert.Equal(FeedHeaderConfig.Default.CompanyHeaders, feeds.CompanyHeaders);
        var workbooks = WorkbookHeaderConfig.FromDirectory(ConfigDirectory);
        Assert.Equal(30, workbooks.HeaderSearchRows);
        Assert.Equal(WorkbookHeaderConfig.Default.Synonyms, workbooks.Synonyms);
        Assert.Equal(["legenda", "nota", "note", "n b", "fonte"], workbooks.LegendMarkers);
        Assert.Contains((ColumnRole.Target, "risultato atteso"), workbooks.Synonyms);
    }

    [Fact]
    public void The_shipped_retention_keeps_a_superseded_feed_s_staged_rows_30_days() =>
        Assert.Equal(TimeSpan.FromDays(30), RetentionConfig.FromDirectory(ConfigDirectory));

    [Fact]
    public void Every_json_example_in_the_docs_reads_with_the_reader_of_its_file()
    {
        var examples = Directory.EnumerateFiles(Path.Combine(Repository(), "docs"), "*.md")
            .SelectMany(doc => Regex.Matches(File.ReadAllText(doc), "```json\n(.*?)```", RegexOptions.Singleline).Select(m => (Doc: Path.GetFileName(doc), Json: m.Groups[1].Value)))
            .ToList();
        Assert.True(examples.Count >= 7, $"{examples.Count} examples");
        foreach (var (doc, json) in examples)
        {
            var origin = $"docs/{doc}";
            using var parsed = JsonDocument.Parse(json);
            var first = parsed.RootElement.EnumerateObject().First().Name;
            object read = (doc, first) switch
            {
                ("alerts.md", _) => AlertConfig.Parse(json, origin),
                // config/web.json is read by Pipeline.Web, which this project does not reference: WebConfigTests reads it
                ("web.md", "oidc") => "Pipeline.Web.Tests.WebConfigTests",
                (_, "matches") => KpiMatchConfig.Parse(json, origin),
                (_, "default" or "policies") => AchievementPolicies.Parse(json, origin),
                (_, "defaults" or "bindings") => MetricBindings.Parse(json, origin),
                (_, "chambers") => ChamberSources.Parse(json, origin, Repository()),
                (_, "kind") => JobDefinitions.Parse(json, origin, "nightly"),
                (_, "max_loss_share") => ReviewConfig.Parse(json, origin),
                (_, "staged_rows_retention_days") => RetentionConfig.Parse(json, origin),
                (_, "indicators") => Pipeline.Jobs.Indicators.IndicatorConfig.Parse(json, origin),
                _ => throw new Xunit.Sdk.XunitException($"{origin}: no reader for an example starting with '{first}'"),
            };
            Assert.NotNull(read);
        }
    }

    [Fact]
    public void The_achievement_example_gives_an_uncapped_policy_and_leaves_unnamed_settings_at_integra()
    {
        var policies = AchievementPolicies.Parse(
            """{ "default": "integra", "policies": { "uncapped": { "cap": null, "overshoot": "ratio", "mix": "children" }, "strict": { "decimals": 0 } }, "chambers": { "Foggia": "uncapped" } }""",
            "achievement.json");
        Assert.Equal(AchievementPolicy.Integra with { Name = "uncapped", Cap = null, Overshoot = OvershootRule.Ratio, Mix = StrategicMix.Children }, policies.For("FG"));
        Assert.Equal(AchievementPolicy.Integra with { Name = "strict", Decimals = 0 }, policies.Named("strict"));
        Assert.Equal(AchievementPolicy.Integra, policies.For("CBIS"));
    }

    [Fact]
    public void Comments_trailing_commas_and_comment_keys_are_allowed_everywhere()
    {
        var alerts = AlertConfig.Parse(
            """
            {
              // a comment line
              "//": "a comment key",
              "$comment": { "any": ["value"] },
              "monitoring": { "//": "inside a section too", "semester": { "day": 15, }, },
            }
            """, "alerts.json");
        Assert.Equal(15, alerts.Semester.DayOfMonth);
    }
}
