using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Jobs.Tests.Alerts.Channels;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Jobs.Tests.Alerts;

/// <summary>
/// The alert lifecycle through the warehouse, on both dialects, with an injected clock: a plan whose two KPIs expect
/// their half-year values by 31 July 2021 (Europe/Rome): nothing before the deadline, raised after it (one digest
/// per chamber per run, by e-mail to a local SMTP server), nothing twice, escalated after 15 days, resolved when
/// the values arrive.
/// </summary>
public abstract class AlertEvaluatorTests(string dialect)
{
    private static SourceRef P => SourceRef.ForPage(1, [1, 1, 2, 2]);

    private static ExtractedDocument Doc(string sha, string docType, decimal? firstHalf) => new()
    {
        Document = new DocumentInfo
        {
            File = docType + ".pdf", Sha256 = sha, Format = "pdf", Family = "generic", Chamber = "Camera di Commercio di Foggia",
            DocType = docType, PeriodFrom = 2021, PeriodTo = 2023, Pages = 1,
        },
        Objectives = [new() { Id = "o", Code = "OP.1", Level = "operational", Title = "Servizi", Source = P }],
        Kpis = new[] { "Imprese assistite", "Pratiche evase" }.Select((name, i) => new ExtractedKpi
        {
            Id = $"k{i}", Objective = "o", Name = name, Source = P,
            Targets = docType == "piano" ? [new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 10, ">= 10"), P)] : [],
            Actuals = firstHalf is { } v ? [new ExtractedActual("2021-S1", "5", v, P)] : [],
        }).ToList(),
    };

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Not_before_the_deadline_raised_after_it_once_escalated_and_resolved_when_the_values_arrive()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var loader = new DocumentLoader(wh.Dialect);
        await loader.LoadAsync(new LoadRequest(Doc("sha-plan", "piano", null), "/in/piano.pdf", "sha-plan"));
        await using var smtp = new FakeSmtpServer();
        var config = AlertConfig.Default with { Recipients = new Dictionary<string, IReadOnlyList<string>> { ["FG"] = ["controllo@fg.camcom.it", "segreteria@fg.camcom.it"] } };
        var clock = new Clock(DateTimeOffset.Parse("2021-07-31T21:59:59Z")); // 23:59:59 in Rome (CEST): still on time
        var evaluator = new AlertEvaluator(wh.Dialect, config, [new SmtpChannel(new SmtpSettings("127.0.0.1", smtp.Port, "pipeline@localhost", TimeSpan.FromSeconds(5)))], clock);

        var onTime = await evaluator.EvaluateAsync("FG");
        Assert.Equal((0, 0), (onTime.Raised, onTime.Open));
        Assert.Empty(smtp.Messages);

        clock.Now = DateTimeOffset.Parse("2021-07-31T22:00:00Z");              // 00:00 on 1 August in Rome
        var late = await evaluator.EvaluateAsync("FG");
        Assert.Equal((2, 2), (late.Raised, late.Open));
        var mail = Assert.Single(smtp.Messages);                                // one digest for the chamber, not one mail per KPI
        Assert.Equal(2, mail.RcptTo.Count);
        Assert.Contains("Imprese assistite", mail.Data);
        Assert.Contains("Pratiche evase", mail.Data);
        Assert.True(Assert.Single(late.Deliveries).Result.Delivered);

        clock.Now = DateTimeOffset.Parse("2021-08-10T06:00:00Z");
        var again = await evaluator.EvaluateAsync("FG");
        Assert.Equal((0, 0, 2), (again.Raised, again.Escalated, again.Open)); // one open alert per rule + KPI + period
        Assert.Single(smtp.Messages);                                          // no change, no mail

        clock.Now = DateTimeOffset.Parse("2021-08-15T22:00:00Z");             // 15 days after raising
        var escalated = await evaluator.EvaluateAsync("FG");
        Assert.Equal(2, escalated.Escalated);
        Assert.Equal(2, await wh.CountAsync("alert", "status = 'escalated' AND severity = 'critical'"));

        await loader.LoadAsync(new LoadRequest(Doc("sha-mon", "monitoraggio", 5), "/in/monitoraggio.pdf", "sha-mon"));
        clock.Now = DateTimeOffset.Parse("2021-08-20T06:00:00Z");
        var resolved = await evaluator.EvaluateAsync("FG");
        Assert.Equal((2, 0), (resolved.Resolved, resolved.Open));
        Assert.Equal(2, await wh.CountAsync("alert", "status = 'resolved' AND resolved_at IS NOT NULL"));
        Assert.Equal(3, smtp.Messages.Count);
    }

    [Fact]
    public async Task The_relazione_is_due_by_30_june_of_the_next_year()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(Doc("sha-plan", "piano", 1), "/in/piano.pdf", "sha-plan"));
        var clock = new Clock(DateTimeOffset.Parse("2022-06-30T21:59:59Z"));
        var evaluator = new AlertEvaluator(wh.Dialect, AlertConfig.Default, [], clock);
        await evaluator.EvaluateAsync("FG");
        Assert.Equal(0, await wh.CountAsync("alert", "rule = 'document-missing'"));
        clock.Now = DateTimeOffset.Parse("2022-06-30T22:00:00Z");
        await evaluator.EvaluateAsync("FG");
        Assert.Equal(1, await wh.CountAsync("alert", "rule = 'document-missing' AND period = '2021'"));
    }
}

public sealed class SqliteAlertEvaluatorTests() : AlertEvaluatorTests("sqlite");

public sealed class PostgresAlertEvaluatorTests() : AlertEvaluatorTests("postgres");

/// <summary>config/alerts.json: defaults, overrides, and mistakes named.</summary>
public sealed class AlertConfigTests
{
    [Fact]
    public void Settings_override_the_defaults()
    {
        var config = AlertConfig.Parse(
            """{ "escalate_after_days": 7, "monitoring": { "semester": { "grace_days": 5 }, "default_frequency": "annual" }, "recipients": { "Foggia": ["a@b.it"] } }""", "alerts.json");
        Assert.Equal(7, config.EscalateAfterDays);
        Assert.Equal(new DateOnly(2021, 8, 5), config.Semester.DueDate(Period.Parse("2021-S1")));   // 31 July + 5 days
        Assert.Equal(new DateOnly(2022, 4, 30), config.Year.DueDate(Period.Parse("2021")));
        Assert.False(config.SemiannualByDefault);
        Assert.Equal(["a@b.it"], config.RecipientsOf("FG"));
        Assert.Equal("Europe/Rome", AlertConfig.Default.Zone.Id);
    }

    [Fact]
    public async Task Configured_channels_are_the_log_an_smtp_server_and_a_webhook()
    {
        await using var smtp = new FakeSmtpServer();
        var config = AlertConfig.Parse(
            $$"""
            { "channels": { "smtp": { "host": "127.0.0.1", "port": {{smtp.Port}}, "from": "pipeline@localhost", "timeout_seconds": 5 },
                            "webhook": { "url": "http://127.0.0.1:9/alerts", "attempts": 2 } },
              "recipients": { "FG": ["a@fg.it"] } }
            """, "alerts.json");
        using var http = new HttpClient();
        var channels = config.CreateChannels(Serilog.Core.Logger.None, http);
        Assert.Equal(["log", "smtp", "webhook"], channels.Select(c => c.Name));
        var digest = new AlertDigest("FG", config.RecipientsOf("FG"), [new AlertMessage("monitoring-due", "FG", "Imprese assistite", "2021-S1", "warning", "raised", DateTimeOffset.UnixEpoch, "no value")], 1);
        Assert.True((await channels[1].SendAsync(digest, CancellationToken.None)).Delivered);
        Assert.Single(smtp.Messages);
        Assert.Equal(["log"], AlertConfig.Default.CreateChannels(Serilog.Core.Logger.None, http).Select(c => c.Name));
    }

    [Fact]
    public void Feeds_are_stale_after_10_days_unless_configured_per_kind()
    {
        Assert.All(Enum.GetValues<Pipeline.Core.Feeds.FeedKind>(), k => Assert.Equal(("stale-feed", 10), (AlertConfig.Default.StaleFeedRuleOf(k).Id, AlertConfig.Default.StaleFeedRuleOf(k).Days)));
        var config = AlertConfig.Parse("""{ "feeds": { "//": "note", "stale_after_days": 7, "companies": { "stale_after_days": 35 } } }""", "alerts.json");
        Assert.Equal(7, config.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Practices).Days);
        Assert.Equal(35, config.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Companies).Days);
        var perKindOnly = AlertConfig.Parse("""{ "feeds": { "practices": { "stale_after_days": 3 } } }""", "alerts.json");
        Assert.Equal((3, 10), (perKindOnly.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Practices).Days, perKindOnly.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Companies).Days));
        Assert.Equal(10, AlertConfig.Parse("""{ "escalate_after_days": 7 }""", "alerts.json").StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Practices).Days);
    }

    [Fact]
    public void The_committed_config_parses_with_its_feed_settings()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "config", AlertConfig.FileName))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var config = AlertConfig.FromDirectory(Path.Combine(dir, "config"));
        Assert.Equal(10, config.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Practices).Days);
        Assert.Equal(35, config.StaleFeedRuleOf(Pipeline.Core.Feeds.FeedKind.Companies).Days);
    }

    [Theory]
    [InlineData("""{ "feeds": { "stale_after_days": 0 } }""", "feeds.stale_after_days: must be a whole number of days, 1 or more (not 0)")]
    [InlineData("""{ "feeds": { "stale_after_days": "10" } }""", "feeds.stale_after_days: expected a whole number, found '10' (line 1)")]
    [InlineData("""{ "feeds": { "companies": { "stale_after_days": 2.5 } } }""", "feeds.companies.stale_after_days: expected a whole number, found 2.5")]
    [InlineData("""{ "feeds": { "pratiche": { "stale_after_days": 5 } } }""", "feeds.pratiche: unknown setting (known: stale_after_days, practices, companies)")]
    [InlineData("""{ "feeds": { "practices": 5 } }""", "feeds.practices: expected an object, found 5")]
    [InlineData("""{ "feeds": 10 }""", "feeds: expected an object, found 10")]
    [InlineData("""{ "channels": { "webhook": { "url": "ftp://x" } } }""", "channels.webhook.url: 'ftp://x' is not an http(s) URL")]
    [InlineData("""{ "channels": { "smtp": { "host": "h" } } }""", "channels.smtp.from: required (the sender's address)")]
    [InlineData("""{ "timezone": "Mars/Olympus" }""", "timezone: time zone 'Mars/Olympus' is not known on this machine")]
    [InlineData("""{ "recipients": { "XX": [] } }""", "recipients.XX: unknown chamber 'XX'")]
    [InlineData("""{ "monitoring": { "semester": { "day": 32 } } }""", "monitoring.semester.day: must be from 1 to 31 (not 32)")]
    [InlineData("""{ "escalate_after_days": 15, "timezone": "Europe/Rome", "recipents": {} }""", "recipents: unknown setting (known: timezone, escalate_after_days, monitoring, documents, feeds, recipients, channels)")]
    [InlineData("""{ "timezone": "Europe/Rome", }, """, "not valid JSON")]
    [InlineData("""{ "monitoring": { "default_frequency": "weekly" } }""", "monitoring.default_frequency: 'weekly' is not one of semiannual, annual")]
    public void A_bad_setting_is_refused_naming_it(string json, string message)
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => AlertConfig.Parse(json, "alerts.json"));
        Assert.StartsWith("alerts.json: ", ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
