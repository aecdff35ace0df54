using Pipeline.Core.Alerts;
using Pipeline.Core.Configuration;
using Pipeline.Core.Feeds;

namespace Pipeline.Jobs.Alerts;

/// <summary>
/// <c>config/alerts.json</c> as written (docs/alerts.md), and its checks: every setting is optional and falls back
/// on <see cref="AlertConfig.Default"/>; what is given must make sense (due rules: months_after 0–24, day 1–31,
/// grace_days 0–366; days 1 or more; a known time zone and chambers; an SMTP host and sender; an http(s) webhook).
/// </summary>
internal sealed record AlertsFile(
    string? Timezone, int? EscalateAfterDays, AlertsFile.MonitoringSection? Monitoring, AlertsFile.DocumentsSection? Documents,
    AlertsFile.FeedsSection? Feeds, Dictionary<string, List<string?>>? Recipients, AlertsFile.ChannelsSection? Channels)
{
    internal enum Frequency { Semiannual, Annual }

    internal sealed record DueSection(int? MonthsAfter, int? Day, int? GraceDays);

    internal sealed record MonitoringSection(DueSection? Semester, DueSection? Year, Frequency? DefaultFrequency);

    internal sealed record DocumentsSection(DueSection? Relazione);

    internal sealed record StaleSection(int? StaleAfterDays);

    internal sealed record FeedsSection(int? StaleAfterDays, StaleSection? Practices, StaleSection? Companies);

    internal sealed record SmtpSection(string? Host, int? Port, string? From, int? TimeoutSeconds, bool? Ssl, string? User);

    internal sealed record WebhookSection(string? Url, int? Attempts);

    internal sealed record ChannelsSection(SmtpSection? Smtp, WebhookSection? Webhook);

    public static AlertConfig Read(string json, string origin)
    {
        var file = ConfigFile.Parse<AlertsFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        var basis = AlertConfig.Default;
        var monitoring = root["monitoring"];
        var config = basis with
        {
            Semester = Rule(monitoring["semester"], file.Monitoring?.Semester, basis.Semester),
            Year = Rule(monitoring["year"], file.Monitoring?.Year, basis.Year),
            Relazione = Rule(root["documents"]["relazione"], file.Documents?.Relazione, basis.Relazione),
            SemiannualByDefault = file.Monitoring?.DefaultFrequency is not { } frequency ? basis.SemiannualByDefault : frequency == Frequency.Semiannual,
            EscalateAfterDays = file.EscalateAfterDays is { } days ? root["escalate_after_days"].InRange(days, 0, 366, "days") : basis.EscalateAfterDays,
            Zone = file.Timezone is null ? basis.Zone : root["timezone"].TimeZone(file.Timezone),
            Recipients = file.Recipients is null ? basis.Recipients : RecipientsByChamber(root["recipients"], file.Recipients),
            Smtp = file.Channels?.Smtp is { } smtp ? Smtp(root["channels"]["smtp"], smtp) : null,
            Webhook = file.Channels?.Webhook is { } hook ? Webhook(root["channels"]["webhook"], hook) : null,
        };
        return file.Feeds is { } feeds ? config with { StaleFeeds = StaleFeeds(root["feeds"], feeds) } : config;
    }

    /// <summary>Addresses per chamber (code or name; one chamber once); entries without '@' are left out.</summary>
    private static Dictionary<string, IReadOnlyList<string>> RecipientsByChamber(ConfigSetting at, Dictionary<string, List<string?>> recipients)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (chamber, addresses) in recipients)
            if (!map.TryAdd(at[chamber].Chamber(chamber).Code, addresses.OfType<string>().Where(a => a.Contains('@')).ToList()))
                throw at[chamber].Error($"{at[chamber].Chamber(chamber).Code} is given twice");
        return map;
    }

    private static DueRule Rule(ConfigSetting at, DueSection? section, DueRule basis) => section is null ? basis : basis with
    {
        MonthsAfterPeriodEnd = at["months_after"].InRange(section.MonthsAfter ?? basis.MonthsAfterPeriodEnd, 0, 24),
        DayOfMonth = at["day"].InRange(section.Day ?? basis.DayOfMonth, 1, 31),
        GraceDays = at["grace_days"].InRange(section.GraceDays ?? basis.GraceDays, 0, 366),
    };

    /// <summary><c>"feeds": { "stale_after_days": 10, "companies": { "stale_after_days": 35 } }</c>: the days for every kind, then per kind.</summary>
    private static Dictionary<FeedKind, StaleFeedRule> StaleFeeds(ConfigSetting at, FeedsSection feeds)
    {
        var rules = AlertConfig.StaleFeedsAfter(Days(at["stale_after_days"], feeds.StaleAfterDays) ?? AlertConfig.DefaultStaleAfterDays);
        foreach (var (kind, section) in new[] { (FeedKind.Practices, feeds.Practices), (FeedKind.Companies, feeds.Companies) })
            if (Days(at[kind.ToCode()]["stale_after_days"], section?.StaleAfterDays) is { } days)
                rules[kind] = new StaleFeedRule(AlertConfig.StaleFeedRuleId, days);
        return rules;
    }

    private static int? Days(ConfigSetting at, int? days) =>
        days is null or >= 1 ? days : throw at.Error($"must be a whole number of days, 1 or more (not {days})");

    private static Channels.SmtpSettings Smtp(ConfigSetting at, SmtpSection smtp) => new(
        at["host"].Required(smtp.Host, "the relay's host name"),
        at["port"].InRange(smtp.Port ?? 25, 1, 65535),
        at["from"].Required(smtp.From, "the sender's address"),
        TimeSpan.FromSeconds(at["timeout_seconds"].InRange(smtp.TimeoutSeconds ?? 30, 1, 3600, "seconds")),
        smtp.Ssl ?? false, smtp.User, Environment.GetEnvironmentVariable("PIPELINE_SMTP_PASSWORD"));

    private static (Uri Url, int Attempts) Webhook(ConfigSetting at, WebhookSection hook) =>
        Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? (uri, Math.Max(1, hook.Attempts ?? 3))
            : throw at["url"].Error($"'{hook.Url}' is not an http(s) URL");
}
