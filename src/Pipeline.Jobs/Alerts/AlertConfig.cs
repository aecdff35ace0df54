using Pipeline.Core.Configuration;
using Pipeline.Core.Alerts;
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

    public static AlertConfig Default { get; } = new(
        new DueRule("monitoring-due", PeriodKind.Semester, 1, 31, 0),
        new DueRule("monitoring-due", PeriodKind.Year, 4, 30, 0),
        new DueRule("document-missing", PeriodKind.Year, 6, 30, 0),
        15, AlertClock.Rome, true, new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>
    /// The settings that decide what an evaluation raises, escalates and resolves (who is told and how aside), as one
    /// text: a change of any of them makes every chamber's next nightly evaluation run (docs/operations.md).
    /// </summary>
    public string EvaluationKey =>
        string.Join(" | ", Semester, Year, Relazione, $"escalate {EscalateAfterDays}", Zone.Id, $"semiannual {SemiannualByDefault}",
            string.Join(", ", StaleFeeds.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}")));

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
    public static AlertConfig Parse(string json, string origin) => AlertsFile.Read(json, origin);

    internal static Dictionary<FeedKind, StaleFeedRule> StaleFeedsAfter(int days) =>
        Enum.GetValues<FeedKind>().ToDictionary(k => k, _ => new StaleFeedRule(StaleFeedRuleId, days));
}
