using System.Runtime.CompilerServices;
using Pipeline.Jobs.Scheduling;
using Quartz;

namespace Pipeline.Jobs.Tests.Scheduling;

/// <summary>
/// jobs/*.json as <see cref="JobDefinitions"/> reads them: the committed files, the defaults of what a file leaves
/// out, the chambers a job covers, every way a file can be wrong (each naming the file and the setting), and the
/// Quartz retry policy a definition's retry settings become.
/// </summary>
public sealed class JobDefinitionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-jobdefs-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>The repository's jobs/ folder, next to config/.</summary>
    public static string JobsDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "jobs"));

    private static JobDefinition Parse(string json, string name = "job") => JobDefinitions.Parse(json, $"jobs/{name}.json", name);

    // ---- the committed files

    [Fact]
    public void Every_committed_job_file_parses_in_name_order_with_its_kind_Rome_and_at_least_one_retry()
    {
        var definitions = JobDefinitions.FromDirectory(JobsDirectory());

        // jobs/README.md sits in the folder too: only the *.json files are jobs
        Assert.Equal(["alerts", "digest", "nightly"], definitions.Select(d => d.Name));
        Assert.Equal([JobKind.Alerts, JobKind.Digest, JobKind.Nightly], definitions.Select(d => d.Kind));
        Assert.All(definitions, d =>
        {
            Assert.Equal("Europe/Rome", d.TimeZone.Id);
            Assert.True(d.Retry.Attempts >= 1, $"{d.Name}: retry.attempts is {d.Retry.Attempts}");
            Assert.NotEqual(RetryPolicy.None, d.Retry.ToPolicy());
            Assert.True(CronExpression.TryParse(d.Cron, out _), d.Cron);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.Null(d.Chambers);                 // every chamber of config/chambers.json
            Assert.True(d.Covers("CBIS"));
        });
    }

    [Fact]
    public void Committed_schedules_are_nightly_0130_alerts_0700_and_digest_monday_0800()
    {
        var byName = JobDefinitions.FromDirectory(JobsDirectory()).ToDictionary(d => d.Name);

        Assert.Equal("0 30 1 * * ?", byName["nightly"].Cron);
        Assert.Equal("0 0 7 * * ?", byName["alerts"].Cron);
        Assert.Equal("0 0 8 ? * MON", byName["digest"].Cron);
        Assert.Equal(new RetrySettings(3, TimeSpan.FromMinutes(5), 3, TimeSpan.FromHours(1)), byName["nightly"].Retry);
        Assert.Equal(new RetrySettings(2, TimeSpan.FromMinutes(10), 2, TimeSpan.FromMinutes(30)), byName["alerts"].Retry);
        Assert.Equal(new RetrySettings(3, TimeSpan.FromMinutes(15), 2, TimeSpan.FromHours(1)), byName["digest"].Retry);
    }

    [Fact]
    public void A_folder_that_does_not_exist_holds_no_jobs()
    {
        Assert.Empty(JobDefinitions.FromDirectory(Path.Combine(_dir.FullName, "missing")));
    }

    [Fact]
    public void FromDirectory_names_each_job_after_its_file_and_ignores_other_extensions()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "b-alerts.json"), """{ "kind": "alerts", "cron": "0 0 7 * * ?" }""");
        File.WriteAllText(Path.Combine(_dir.FullName, "a_nightly.json"), """{ "kind": "nightly", "cron": "0 30 1 * * ?" }""");
        File.WriteAllText(Path.Combine(_dir.FullName, "notes.txt"), "not a job");

        var definitions = JobDefinitions.FromDirectory(_dir.FullName);

        Assert.Equal([("a_nightly", JobKind.Nightly), ("b-alerts", JobKind.Alerts)], definitions.Select(d => (d.Name, d.Kind)));
    }

    [Fact]
    public void FromDirectory_reports_a_bad_file_by_its_path()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "good.json"), """{ "kind": "alerts", "cron": "0 0 7 * * ?" }""");
        var bad = Path.Combine(_dir.FullName, "typo.json");
        File.WriteAllText(bad, """{ "kind": "nightly", "cron": "0 30 1 * *" }""");

        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => JobDefinitions.FromDirectory(_dir.FullName));

        Assert.Contains(bad, ex.Message);
        Assert.Contains("cron", ex.Message);
    }

    [Fact]
    public void FromDirectory_rejects_a_file_name_with_a_dot_naming_the_file()
    {
        var bad = Path.Combine(_dir.FullName, "nightly.v2.json");
        File.WriteAllText(bad, """{ "kind": "nightly", "cron": "0 30 1 * * ?" }""");

        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => JobDefinitions.FromDirectory(_dir.FullName));

        Assert.Contains(bad, ex.Message);
        Assert.Contains("file name", ex.Message);
    }

    // ---- defaults and chambers

    [Fact]
    public void Absent_timezone_retry_and_chambers_mean_Rome_the_default_retry_and_every_chamber()
    {
        var definition = Parse("""{ "kind": "digest", "cron": "0 0 8 ? * MON" }""", "weekly");

        Assert.Equal(("weekly", JobKind.Digest, "0 0 8 ? * MON", ""), (definition.Name, definition.Kind, definition.Cron, definition.Description));
        Assert.Equal("Europe/Rome", definition.TimeZone.Id);
        Assert.Same(RetrySettings.Default, definition.Retry);
        Assert.Equal(new RetrySettings(3, TimeSpan.FromMinutes(5), 3, TimeSpan.FromHours(1)), definition.Retry);
        Assert.Null(definition.Chambers);
        Assert.True(definition.Covers("CBIS"));
        Assert.True(definition.Covers("anything"));
    }

    [Fact]
    public void A_retry_naming_some_settings_keeps_the_defaults_for_the_others()
    {
        var definition = Parse("""{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 5, "factor": 2 } }""");

        Assert.Equal(new RetrySettings(5, RetrySettings.Default.FirstDelay, 2, RetrySettings.Default.MaxDelay), definition.Retry);
    }

    [Fact]
    public void A_stated_timezone_is_used_and_comments_and_trailing_commas_are_allowed()
    {
        var definition = Parse(
            """
            {
              // a job in another zone
              "kind": "alerts", "cron": "0 0 7 * * ?", "timezone": "Europe/London",
            }
            """);

        Assert.Equal("Europe/London", definition.TimeZone.Id);
    }

    [Fact]
    public void Chambers_limit_the_job_to_the_chambers_named_case_insensitively()
    {
        var definition = Parse("""{ "kind": "nightly", "cron": "0 30 1 * * ?", "chambers": ["cbis", " fg ", ""] }""");

        Assert.Equal(["CBIS", "FG"], definition.Chambers!);
        Assert.True(definition.Covers("CBIS"));
        Assert.True(definition.Covers("cbis"));
        Assert.True(definition.Covers("FG"));
        Assert.False(definition.Covers("RM"));
        Assert.False(definition.Covers("MI"));
    }

    // ---- bad files

    public static TheoryData<string, string, string, string[]> BadFiles => new()
    {
        { "missing kind", "job", """{ "cron": "0 30 1 * * ?" }""", ["kind: required (nightly, alerts or digest)"] },
        { "empty kind", "job", """{ "kind": "", "cron": "0 30 1 * * ?" }""", ["kind: '' is not one of nightly, alerts, digest"] },
        { "unknown kind", "job", """{ "kind": "weekly", "cron": "0 30 1 * * ?" }""", ["kind: 'weekly' is not one of nightly, alerts, digest (line 1)"] },
        { "missing cron", "job", """{ "kind": "nightly" }""", ["cron: required (a Quartz cron expression)"] },
        { "invalid cron (five fields)", "job", """{ "kind": "nightly", "cron": "30 1 * * *" }""", ["cron: '30 1 * * *' is not a valid Quartz cron"] },
        { "invalid cron (hour 25)", "job", """{ "kind": "nightly", "cron": "0 30 25 * * ?" }""", ["cron: '0 30 25 * * ?' is not a valid Quartz cron"] },
        { "unknown time zone", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "timezone": "Europe/Roma" }""", ["timezone: time zone 'Europe/Roma' is not known"] },
        { "retry.attempts below 0", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": -1 } }""", ["retry.attempts: must be from 0 to 20 (not -1)"] },
        { "cron not a text", "job", """{ "kind": "nightly", "cron": 5 }""", ["cron: expected a text, found 5 (line 1)"] },
        { "attempts as text", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": "3" } }""", ["retry.attempts: expected a whole number, found '3'"] },
        { "attempts not whole", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 2.5 } }""", ["retry.attempts: expected a whole number, found 2.5"] },
        { "delay beyond a year", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "delay_seconds": 1e20 } }""", ["retry.delay_seconds: must be from 0 to 31622400 seconds"] },
        { "chambers empty", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "chambers": [] }""", ["chambers: is empty (leave it out for every chamber)"] },
        { "chambers not a list", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "chambers": "FG" }""", ["chambers: expected a list of texts, found 'FG'"] },
        { "retry.attempts above 20", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 21 } }""", ["retry.attempts: must be from 0 to 20 (not 21)"] },
        { "retry factor below 1", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 3, "factor": 0.5 } }""", ["retry: needs", "factor ≥ 1"] },
        { "retry max delay below delay", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 3, "delay_seconds": 600, "max_delay_seconds": 300 } }""", ["retry: needs", "max_delay_seconds ≥ delay_seconds"] },
        { "retry delay of 0", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 3, "delay_seconds": 0 } }""", ["retry: needs", "delay_seconds > 0"] },
        { "file name with a space", "nightly run", """{ "kind": "nightly", "cron": "0 30 1 * * ?" }""", ["file name", "letters, digits, '-' or '_'"] },
        { "file name with a dot", "nightly.v2", """{ "kind": "nightly", "cron": "0 30 1 * * ?" }""", ["file name", "letters, digits, '-' or '_'"] },
        { "malformed JSON", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?" """, ["not valid JSON", "(line 1)"] },
        { "empty file", "job", "", ["not valid JSON"] },
        { "not an object", "job", """["nightly"]""", ["expected an object, found a list"] },
        { "misspelt setting", "job", """{ "kind": "nightly", "crn": "0 30 1 * * ?" }""", ["crn: unknown setting (known: kind, description, cron, timezone, chambers, retry)"] },
        { "unknown chamber", "job", """{ "kind": "nightly", "cron": "0 30 1 * * ?", "chambers": ["FG", "XX"] }""", ["chambers[1]: unknown chamber 'XX'"] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_with_a_message_naming_the_file_and_the_setting(string problem, string name, string json, string[] expected)
    {
        var origin = $"jobs/{name}.json";

        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => JobDefinitions.Parse(json, origin, name));

        Assert.StartsWith(origin + ":", ex.Message);
        Assert.All(expected, fragment => Assert.True(ex.Message.Contains(fragment, StringComparison.Ordinal), $"{problem}: '{ex.Message}' does not contain '{fragment}'"));
    }

    [Fact]
    public void The_kind_is_read_whatever_its_case()
    {
        Assert.Equal(JobKind.Nightly, JobDefinitions.Parse("""{ "kind": "Nightly", "cron": "0 30 1 * * ?" }""", "jobs/job.json", "job").Kind);
    }

    [Fact]
    public void Zero_attempts_need_no_valid_backoff_and_mean_no_retry()
    {
        var definition = Parse("""{ "kind": "nightly", "cron": "0 30 1 * * ?", "retry": { "attempts": 0, "factor": 0.5, "delay_seconds": 0 } }""");

        Assert.Equal(0, definition.Retry.Attempts);
        Assert.Equal(RetryPolicy.None, definition.Retry.ToPolicy());
    }

    // ---- retry policy

    [Fact]
    public void Zero_attempts_become_RetryPolicy_None()
    {
        var policy = new RetrySettings(0, TimeSpan.FromMinutes(5), 3, TimeSpan.FromHours(1)).ToPolicy();

        Assert.Equal(RetryPolicy.None, policy);
        Assert.Equal(0, policy.MaxAttempts);
    }

    public static TheoryData<int, double, double, int, double[]> Backoffs => new()
    {
        // attempts, delay s, factor, max s: the waits before the 1st, 2nd, 3rd retry = delay × factor^(n-1), capped at max
        { 3, 300, 3, 3600, [300, 900, 2700] },           // jobs/nightly.json: 5, 15, 45 min
        { 3, 900, 2, 3600, [900, 1800, 3600] },          // jobs/digest.json: the 3rd reaches the cap exactly
        { 3, 600, 3, 3600, [600, 1800, 3600] },          // 5400 s capped at 1 h
        { 2, 600, 2, 1800, [600, 1200] },                // jobs/alerts.json: two retries
        { 3, 60, 1, 60, [60, 60, 60] },                  // factor 1: a fixed wait
    };

    [Theory]
    [MemberData(nameof(Backoffs))]
    public void Retry_waits_grow_by_the_factor_from_the_first_delay_and_stop_at_the_max(int attempts, double delaySeconds, double factor, int maxSeconds, double[] expectedSeconds)
    {
        var policy = new RetrySettings(attempts, TimeSpan.FromSeconds(delaySeconds), factor, TimeSpan.FromSeconds(maxSeconds)).ToPolicy();

        Assert.NotEqual(RetryPolicy.None, policy);
        Assert.Equal(attempts, policy.MaxAttempts);
        Assert.Equal(expectedSeconds.Select(TimeSpan.FromSeconds), Enumerable.Range(1, expectedSeconds.Length).Select(policy.DelayFor));
    }

    [Fact]
    public void Default_retry_waits_5_15_and_45_minutes()
    {
        var policy = RetrySettings.Default.ToPolicy();

        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45)], [policy.DelayFor(1), policy.DelayFor(2), policy.DelayFor(3)]);
    }
}
