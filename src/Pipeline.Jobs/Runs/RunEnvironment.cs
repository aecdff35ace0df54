using Pipeline.Jobs.Indicators;
using Pipeline.Core.Configuration;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Achievement;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Identity;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Review;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;
using Serilog;

namespace Pipeline.Jobs.Runs;

/// <summary>
/// What a nightly run reads from the configuration folder — the chambers and their sources, the alert rules (with
/// each chamber's own recipients taking precedence over alerts.json's), the achievement policies — and the parts it
/// is made of. <c>pipeline run</c> loads it once; the scheduler loads it at every firing, so an edited config/ applies
/// from the next run without a restart.
/// </summary>
public sealed class RunEnvironment
{
    private readonly SqlDialect _dialect;
    private readonly string _configDirectory;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    private RunEnvironment(SqlDialect dialect, string configDirectory, ILogger logger, TimeProvider clock, ChamberSources chambers, AlertConfig alerts, AchievementPolicies policies)
    {
        _dialect = dialect;
        _configDirectory = configDirectory;
        _logger = logger;
        _clock = clock;
        Chambers = chambers;
        Alerts = alerts;
        Policies = policies;
    }

    public ChamberSources Chambers { get; }
    public AlertConfig Alerts { get; }
    public AchievementPolicies Policies { get; }

    /// <exception cref="ConfigException">A configuration file is missing or not valid; the message names it.</exception>
    public static RunEnvironment Load(SqlDialect dialect, string configDirectory, ILogger logger, TimeProvider clock) =>
        Load(dialect, configDirectory, logger, clock, ChamberSources.FromDirectory(configDirectory));

    /// <summary>The environment of a configuration folder with the chambers given (e.g. the demo's sample chamber) instead of its chambers.json.</summary>
    /// <exception cref="ConfigException">A configuration file is not valid; the message names it.</exception>
    public static RunEnvironment Load(SqlDialect dialect, string configDirectory, ILogger logger, TimeProvider clock, ChamberSources chambers) =>
        new(dialect, configDirectory, logger, clock, chambers, WithRecipients(AlertConfig.FromDirectory(configDirectory), chambers),
            AchievementPolicies.FromDirectory(configDirectory));

    /// <summary>The alert rules with each chamber's own recipients (chambers.json) taking precedence over alerts.json's.</summary>
    public static AlertConfig WithRecipients(AlertConfig alerts, ChamberSources chambers)
    {
        var recipients = alerts.Recipients.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var c in chambers.All.Where(c => c.Recipients.Count > 0)) recipients[c.Code] = c.Recipients;
        return alerts with { Recipients = recipients };
    }

    /// <summary>The chamber of config/chambers.json with this code, or null.</summary>
    public ChamberSource? Chamber(string code) => Chambers.All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// An ingest runner with the extractors, feed readers, metric bindings, manual KPI matches and source archive
    /// (config/archive.json) of a configuration folder.
    /// </summary>
    /// <exception cref="ConfigException">A configuration file is not valid.</exception>
    public static IngestRunner CreateIngestRunner(SqlDialect dialect, string configDirectory, ILogger logger, TimeProvider? clock = null)
    {
        var archive = SourceArchive.For(dialect, ArchiveSettings.FromDirectory(configDirectory), clock ?? TimeProvider.System);
        return new(dialect, DocumentExtractors.Create(configDirectory), logger, clock, archive)
        {
            Feeds = new FeedIngestor(dialect, FeedHeaderConfig.FromDirectory(configDirectory), MetricBindings.FromDirectory(configDirectory), FeedSalt.Resolve(), clock, archive),
            KpiMatches = KpiMatchConfig.FromDirectory(configDirectory),
            Review = ReviewConfig.FromDirectory(configDirectory),
            StagedRowsRetention = RetentionConfig.FromDirectory(configDirectory),
            Indicators = IndicatorConfig.FromDirectory(configDirectory),
        };
    }

    /// <summary>The alert evaluator of the configured rules, evaluating at <paramref name="asOf"/> (default: now).</summary>
    public AlertEvaluator CreateAlertEvaluator(IReadOnlyList<IAlertChannel> channels, TimeProvider? asOf = null) => new(_dialect, Alerts, channels, asOf ?? _clock);

    /// <summary>A nightly run; <paramref name="asOf"/> sets the day it computes achievement and evaluates alerts for (default: now).</summary>
    public NightlyRun CreateNightlyRun(IReadOnlyList<IAlertChannel> channels, TimeProvider? asOf = null) =>
        new(_dialect, CreateIngestRunner(_dialect, _configDirectory, _logger, _clock), CreateAlertEvaluator(channels, asOf), Policies.For, _clock, Alerts, asOf);
}
