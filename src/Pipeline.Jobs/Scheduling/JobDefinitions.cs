using Pipeline.Core.Configuration;
using Quartz;

namespace Pipeline.Jobs.Scheduling;

/// <summary>What a scheduled job does; each kind is one job class (one file) in this folder.</summary>
public enum JobKind
{
    /// <summary>The nightly run of a chamber: discover, extract, load, compute, alert (<see cref="NightlyJob"/>).</summary>
    Nightly,

    /// <summary>The alert evaluation of a chamber, without loading anything (<see cref="AlertsJob"/>).</summary>
    Alerts,

    /// <summary>The reminder digest of a chamber's alerts still open (<see cref="DigestJob"/>).</summary>
    Digest,
}

/// <summary>How a failed firing is retried: up to <see cref="Attempts"/> more times, waiting <see cref="FirstDelay"/>, then multiplied by <see cref="Factor"/> up to <see cref="MaxDelay"/>.</summary>
public sealed record RetrySettings(int Attempts, TimeSpan FirstDelay, double Factor, TimeSpan MaxDelay)
{
    public static RetrySettings Default { get; } = new(3, TimeSpan.FromMinutes(5), 3, TimeSpan.FromHours(1));

    /// <summary>The Quartz policy (none when <see cref="Attempts"/> is 0).</summary>
    public RetryPolicy ToPolicy() => Attempts == 0 ? RetryPolicy.None : RetryPolicy.Exponential(Attempts, FirstDelay, Factor, MaxDelay);
}

/// <summary>
/// One file of <c>jobs/</c> (docs/operations.md): a job of one kind, run for each chamber it names (or every
/// chamber of config/chambers.json) on a cron schedule in a time zone, retried with backoff when it fails. The
/// file name without .json is the job's name (and its group in the scheduler: <c>nightly.CBIS</c>).
/// </summary>
public sealed record JobDefinition(string Name, JobKind Kind, string Description, string Cron, TimeZoneInfo TimeZone, IReadOnlyList<string>? Chambers, RetrySettings Retry)
{
    /// <summary>Whether the job runs for this chamber (every chamber when the file names none).</summary>
    public bool Covers(string chamberCode) => Chambers is null || Chambers.Contains(chamberCode, StringComparer.OrdinalIgnoreCase);
}

public static class JobDefinitions
{
    /// <summary>The folder of the job definitions: <c>jobs/</c> beside the configuration folder (./jobs beside ./config).</summary>
    public static string DirectoryBeside(string configDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configDirectory.TrimEnd('/', '\\'))) ?? ".", "jobs");

    /// <summary>Reads every <c>*.json</c> of the folder, in name order; an empty list when the folder does not exist.</summary>
    /// <exception cref="ConfigException">A file is not valid; the message names the file and the setting.</exception>
    public static IReadOnlyList<JobDefinition> FromDirectory(string jobsDirectory)
    {
        if (!Directory.Exists(jobsDirectory)) return [];
        return Directory.EnumerateFiles(jobsDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path))).ToList();
    }

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static JobDefinition Parse(string json, string origin, string name)
    {
        var root = ConfigSetting.Root(origin);
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw root.Error("a job's file name must be letters, digits, '-' or '_' (it names the job)");
        var file = ConfigFile.Parse<JobFile>(json, origin);
        var kind = file.Kind ?? throw root["kind"].Error("required (nightly, alerts or digest)");
        var cron = root["cron"].Required(file.Cron, "a Quartz cron expression");
        if (!CronExpression.TryParse(cron, out _))
            throw root["cron"].Error($"'{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year])");
        IReadOnlyList<string>? chambers = null;
        if (file.Chambers is { } named)
        {
            chambers = named.Select((c, i) => (c, i)).Where(x => !string.IsNullOrWhiteSpace(x.c))
                .Select(x => root["chambers"][x.i].Chamber(x.c!.Trim()).Code).ToList();
            if (chambers.Count == 0) throw root["chambers"].Error("is empty (leave it out for every chamber)");
        }
        return new JobDefinition(name, kind, file.Description ?? "", cron, root["timezone"].TimeZone(file.Timezone ?? "Europe/Rome"), chambers,
            file.Retry is { } retry ? Retry(root["retry"], retry) : RetrySettings.Default);
    }

    private sealed record JobFile(JobKind? Kind, string? Description, string? Cron, string? Timezone, List<string?>? Chambers, RetrySection? Retry);

    private sealed record RetrySection(int? Attempts, double? DelaySeconds, double? Factor, double? MaxDelaySeconds);

    private const double MaxSeconds = 366 * 86400;

    private static RetrySettings Retry(ConfigSetting at, RetrySection section)
    {
        var basis = RetrySettings.Default;
        var retry = new RetrySettings(
            at["attempts"].InRange(section.Attempts ?? basis.Attempts, 0, 20),
            TimeSpan.FromSeconds(at["delay_seconds"].InRange(section.DelaySeconds ?? basis.FirstDelay.TotalSeconds, 0, MaxSeconds, "seconds")),
            at["factor"].InRange(section.Factor ?? basis.Factor, 0, 1000),
            TimeSpan.FromSeconds(at["max_delay_seconds"].InRange(section.MaxDelaySeconds ?? basis.MaxDelay.TotalSeconds, 0, MaxSeconds, "seconds")));
        if (retry.Attempts > 0 && (retry.FirstDelay <= TimeSpan.Zero || retry.Factor < 1 || retry.MaxDelay < retry.FirstDelay))
            throw at.Error("needs delay_seconds > 0, factor ≥ 1 and max_delay_seconds ≥ delay_seconds");
        return retry == basis ? basis : retry;
    }
}
