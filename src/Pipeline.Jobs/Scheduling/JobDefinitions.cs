using Pipeline.Core.Configuration;
using System.Text.Json;
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
    /// <summary>Reads every <c>*.json</c> of the folder, in name order; an empty list when the folder does not exist.</summary>
    /// <exception cref="ConfigException">A file is not valid; the message names the file and the setting.</exception>
    public static IReadOnlyList<JobDefinition> FromDirectory(string jobsDirectory)
    {
        if (!Directory.Exists(jobsDirectory)) return [];
        return Directory.EnumerateFiles(jobsDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path))).ToList();
    }

    public static JobDefinition Parse(string json, string origin, string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ConfigException($"{origin}: a job's file name must be letters, digits, '-' or '_' (it names the job)");
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ConfigException($"{origin}: not valid (a job definition is a JSON object)");
            string Text(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } t
                ? t : throw new ConfigException($"{origin}: '{key}' is required (a text)");
            double Number(JsonElement parent, string key, string path, double fallback, double max = 366 * 86400)
            {
                if (!parent.TryGetProperty(key, out var v)) return fallback;
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d) || d < 0 || d > max)
                    throw new ConfigException($"{origin}: {path} must be a number from 0 to {max}");
                return d;
            }

            var kindText = Text("kind").Trim().ToLowerInvariant();
            var kind = kindText switch
            {
                "nightly" => JobKind.Nightly,
                "alerts" => JobKind.Alerts,
                "digest" => JobKind.Digest,
                _ => throw new ConfigException($"{origin}: kind '{kindText}' is not nightly, alerts or digest"),
            };
            var cron = Text("cron");
            if (!CronExpression.TryParse(cron, out _))
                throw new ConfigException($"{origin}: cron '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year])");
            var zoneId = root.TryGetProperty("timezone", out _) ? Text("timezone") : "Europe/Rome";
            TimeZoneInfo zone;
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new ConfigException($"{origin}: timezone '{zoneId}' is not known on this machine");
            }

            IReadOnlyList<string>? chambers = null;
            if (root.TryGetProperty("chambers", out var c))
            {
                if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                    throw new ConfigException($"{origin}: chambers must be a list of chamber codes (leave it out for every chamber)");
                chambers = c.EnumerateArray().Select(x => (x.GetString() ?? "").Trim().ToUpperInvariant()).Where(x => x.Length > 0).ToList();
                if (chambers.Count == 0) throw new ConfigException($"{origin}: chambers is empty (leave it out for every chamber)");
            }

            var retry = RetrySettings.Default;
            if (root.TryGetProperty("retry", out var r))
            {
                var attempts = Number(r, "attempts", "retry.attempts", retry.Attempts, max: 20);
                if (attempts != Math.Floor(attempts)) throw new ConfigException($"{origin}: retry.attempts must be a whole number from 0 to 20");
                retry = new RetrySettings((int)attempts,
                    TimeSpan.FromSeconds(Number(r, "delay_seconds", "retry.delay_seconds", retry.FirstDelay.TotalSeconds)),
                    Number(r, "factor", "retry.factor", retry.Factor),
                    TimeSpan.FromSeconds(Number(r, "max_delay_seconds", "retry.max_delay_seconds", retry.MaxDelay.TotalSeconds)));
                if (retry.Attempts > 0 && (retry.FirstDelay <= TimeSpan.Zero || retry.Factor < 1 || retry.MaxDelay < retry.FirstDelay))
                    throw new ConfigException($"{origin}: retry needs delay_seconds > 0, factor ≥ 1 and max_delay_seconds ≥ delay_seconds");
            }
            var description = root.TryGetProperty("description", out _) ? Text("description") : "";
            return new JobDefinition(name, kind, description, cron, zone, chambers, retry);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new ConfigException($"{origin}: not valid ({ex.Message})", ex);
        }
    }
}
