using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Alerts;
using Pipeline.Core.Chambers;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;

namespace Pipeline.Jobs.Alerts;

/// <summary>
/// The alert rules of <c>config/alerts.json</c> (docs/alerts.md): when monitoring values are due (per period kind,
/// with grace days), when the Relazione is due, when an open alert escalates, the time zone of the deadlines, the
/// KPI frequency assumed when a plan prints none, after how many days without a new file a registry feed is stale
/// (per feed kind), and who is told (per chamber). Without the file the defaults below apply: half-year values by
/// 31 July, annual values by 30 April of the next year, the Relazione by 30 June of the next year, escalation after
/// 15 days, Europe/Rome, half-yearly monitoring, feeds stale after 10 days.
/// </summary>
public sealed record AlertConfig(
    DueRule Semester, DueRule Year, DueRule Relazione, int EscalateAfterDays, TimeZoneInfo Zone, bool SemiannualByDefault,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Recipients)
{
    /// <summary>E-mail delivery of the digests (<c>channels.smtp</c>); none when not configured.</summary>
    public Channels.SmtpSettings? Smtp { get; init; }

    /// <summary>Webhook delivery of the digests (<c>channels.webhook</c>): the URL and the attempts; none when not configured.</summary>
    public (Uri Url, int Attempts)? Webhook { get; init; }

    public const string FileName = "alerts.json";

    /// <summary>The rule id of stale registry feeds (<see cref="StaleFeeds"/>).</summary>
    public const string StaleFeedRuleId = "stale-feed";

    /// <summary>Days without a new feed file after which a feed is stale, when <c>feeds.stale_after_days</c> is not set.</summary>
    public const int DefaultStaleAfterDays = 10;

    /// <summary>
    /// When each kind of registry feed is stale (<c>feeds.stale_after_days</c>, overridden per kind by
    /// <c>feeds.practices.stale_after_days</c> / <c>feeds.companies.stale_after_days</c>); every kind has a rule.
    /// </summary>
    public IReadOnlyDictionary<FeedKind, StaleFeedRule> StaleFeeds { get; init; } = StaleFeedsAfter(DefaultStaleAfterDays);

    /// <summary>The stale-feed rule of a feed kind (the default one when <see cref="StaleFeeds"/> lacks the kind).</summary>
    public StaleFeedRule StaleFeedRuleOf(FeedKind kind) =>
        StaleFeeds.TryGetValue(kind, out var rule) ? rule : new StaleFeedRule(StaleFeedRuleId, DefaultStaleAfterDays);

    private static Dictionary<FeedKind, StaleFeedRule> StaleFeedsAfter(int days) =>
        Enum.GetValues<FeedKind>().ToDictionary(k => k, _ => new StaleFeedRule(StaleFeedRuleId, days));

    public static AlertConfig Default { get; } = new(
        new DueRule("monitoring-due", PeriodKind.Semester, 1, 31, 0),
        new DueRule("monitoring-due", PeriodKind.Year, 4, 30, 0),
        new DueRule("document-missing", PeriodKind.Year, 6, 30, 0),
        15, AlertClock.Rome, true, new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyList<string> RecipientsOf(string chamberCode) => Recipients.GetValueOrDefault(chamberCode.ToUpperInvariant()) ?? [];

    /// <summary>The channels a run sends its digests to: the log, and e-mail and webhook when configured.</summary>
    public IReadOnlyList<Channels.IAlertChannel> CreateChannels(Serilog.ILogger logger, HttpClient http)
    {
        var channels = new List<Channels.IAlertChannel> { new Channels.LogChannel(logger) };
        if (Smtp is { } smtp) channels.Add(new Channels.SmtpChannel(smtp));
        if (Webhook is { } hook) channels.Add(new Channels.WebhookChannel(http, hook.Url, hook.Attempts));
        return channels;
    }

    public static AlertConfig FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static AlertConfig Parse(string json, string origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var config = Default;
            DueRule Rule(JsonElement e, DueRule basis) => basis with
            {
                MonthsAfterPeriodEnd = e.TryGetProperty("months_after", out var m) ? m.GetInt32() : basis.MonthsAfterPeriodEnd,
                DayOfMonth = e.TryGetProperty("day", out var d) ? d.GetInt32() : basis.DayOfMonth,
                GraceDays = e.TryGetProperty("grace_days", out var g) ? g.GetInt32() : basis.GraceDays,
            };
            if (root.TryGetProperty("monitoring", out var monitoring))
            {
                if (monitoring.TryGetProperty("semester", out var s)) config = config with { Semester = Rule(s, config.Semester) };
                if (monitoring.TryGetProperty("year", out var y)) config = config with { Year = Rule(y, config.Year) };
                if (monitoring.TryGetProperty("default_frequency", out var f))
                    config = config with
                    {
                        SemiannualByDefault = f.GetString() switch
                        {
                            "semiannual" => true,
                            "annual" => false,
                            var other => throw new ConfigException($"{origin}: monitoring.default_frequency '{other}' is not semiannual or annual"),
                        },
                    };
            }
            if (root.TryGetProperty("documents", out var documents) && documents.TryGetProperty("relazione", out var r))
                config = config with { Relazione = Rule(r, config.Relazione) };
            if (root.TryGetProperty("feeds", out var feeds))
                config = config with { StaleFeeds = ParseFeeds(feeds, origin) };
            if (root.TryGetProperty("escalate_after_days", out var esc)) config = config with { EscalateAfterDays = esc.GetInt32() };
            if (root.TryGetProperty("timezone", out var tz))
            {
                try
                {
                    config = config with { Zone = TimeZoneInfo.FindSystemTimeZoneById(tz.GetString() ?? "") };
                }
                catch (TimeZoneNotFoundException)
                {
                    throw new ConfigException($"{origin}: timezone '{tz.GetString()}' is not known on this machine");
                }
            }
            if (root.TryGetProperty("recipients", out var recipients))
            {
                var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var chamber in recipients.EnumerateObject())
                {
                    var info = ChamberResolver.Lookup(chamber.Name) ?? throw new ConfigException($"{origin}: recipients.{chamber.Name}: unknown chamber");
                    map[info.Code] = chamber.Value.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Contains('@')).ToList();
                }
                config = config with { Recipients = map };
            }
            if (root.TryGetProperty("channels", out var channels))
            {
                if (channels.TryGetProperty("smtp", out var smtp))
                {
                    string Text(string name) => smtp.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } t
                        ? t : throw new ConfigException($"{origin}: channels.smtp.{name} is required");
                    config = config with
                    {
                        Smtp = new Channels.SmtpSettings(Text("host"), smtp.TryGetProperty("port", out var port) ? port.GetInt32() : 25, Text("from"),
                            TimeSpan.FromSeconds(smtp.TryGetProperty("timeout_seconds", out var t) ? t.GetInt32() : 30),
                            smtp.TryGetProperty("ssl", out var ssl) && ssl.GetBoolean(),
                            smtp.TryGetProperty("user", out var u) ? u.GetString() : null,
                            Environment.GetEnvironmentVariable("PIPELINE_SMTP_PASSWORD")),
                    };
                }
                if (channels.TryGetProperty("webhook", out var hook))
                {
                    var url = hook.TryGetProperty("url", out var uv) ? uv.GetString() : null;
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                        throw new ConfigException($"{origin}: channels.webhook.url '{url}' is not an http(s) URL");
                    config = config with { Webhook = (uri, hook.TryGetProperty("attempts", out var a) ? Math.Max(1, a.GetInt32()) : 3) };
                }
            }
            foreach (var rule in new[] { config.Semester, config.Year, config.Relazione })
                if (rule.MonthsAfterPeriodEnd < 0 || rule.DayOfMonth is < 1 or > 31 || rule.GraceDays < 0)
                    throw new ConfigException($"{origin}: a due rule needs months_after ≥ 0, day 1-31, grace_days ≥ 0");
            return config;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new ConfigException($"{origin}: not valid ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// <c>"feeds": { "stale_after_days": 10, "companies": { "stale_after_days": 35 } }</c>: the days for every kind,
    /// then per kind (<c>practices</c>, <c>companies</c>); keys starting with <c>//</c> are comments.
    /// </summary>
    private static Dictionary<FeedKind, StaleFeedRule> ParseFeeds(JsonElement feeds, string origin)
    {
        if (feeds.ValueKind != JsonValueKind.Object)
            throw new ConfigException($"{origin}: feeds must be an object, e.g. {{ \"stale_after_days\": 10 }}");
        var all = feeds.TryGetProperty("stale_after_days", out var d) ? Days(d, "feeds.stale_after_days", origin) : DefaultStaleAfterDays;
        var rules = StaleFeedsAfter(all);
        foreach (var entry in feeds.EnumerateObject())
        {
            if (entry.Name == "stale_after_days" || entry.Name.StartsWith("//", StringComparison.Ordinal)) continue;
            var kinds = Enum.GetValues<FeedKind>().Where(k => k.ToCode() == entry.Name).ToList();
            if (kinds.Count == 0)
                throw new ConfigException(
                    $"{origin}: feeds.{entry.Name}: not a setting nor a feed kind (stale_after_days, {string.Join(", ", Enum.GetValues<FeedKind>().Select(k => k.ToCode()))})");
            if (entry.Value.ValueKind != JsonValueKind.Object)
                throw new ConfigException($"{origin}: feeds.{entry.Name} must be an object, e.g. {{ \"stale_after_days\": 10 }}");
            if (entry.Value.TryGetProperty("stale_after_days", out var k))
                rules[kinds[0]] = new StaleFeedRule(StaleFeedRuleId, Days(k, $"feeds.{entry.Name}.stale_after_days", origin));
        }
        return rules;
    }

    private static int Days(JsonElement value, string setting, string origin) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days >= 1
            ? days
            : throw new ConfigException($"{origin}: {setting} must be a whole number of days, 1 or more (not {value.GetRawText()})");
}
