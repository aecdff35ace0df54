using System.Globalization;
using Dapper;
using Pipeline.Core.Alerts;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Jobs.Alerts;

/// <summary>What one evaluation did for a chamber: the changes, the alerts still open, and each channel's delivery.</summary>
public sealed record AlertRunResult(string Chamber, int Raised, int Escalated, int Resolved, int Open, IReadOnlyList<(string Channel, ChannelResult Result)> Deliveries);

/// <summary>What the weekly reminder did for a chamber: how many open alerts it listed, and each channel's delivery.</summary>
public sealed record OpenDigestResult(string Chamber, int Open, IReadOnlyList<(string Channel, ChannelResult Result)> Deliveries);

/// <summary>
/// Evaluates a chamber's alert rules at the clock's now (docs/alerts.md): every KPI of its current plans expects a
/// value for each period of its frequency (half-yearly: S1 and the year; annual: the year) of each plan year, due
/// by the configured deadline in the configured time zone; the Relazione of each plan year is due too; each kind of
/// registry feed the chamber has sent expects a new file every few days (stale-feed); and the sources of its latest
/// finished nightly run are expected to have been read (source-failed). What is overdue and missing raises an alert
/// (one open alert per rule + chamber + subject + period), an open alert escalates after the configured days, and an
/// alert whose data arrived is resolved. The changes of the run go to the channels as one digest; the weekly
/// reminder (<see cref="SendOpenDigestAsync(string, CancellationToken)"/>) sends every alert still open.
/// </summary>
public sealed class AlertEvaluator(SqlDialect dialect, AlertConfig config, IReadOnlyList<IAlertChannel> channels, TimeProvider clock)
{
    /// <summary>The rule id of a registry feed without a new file for too long (subject <c>feed:&lt;kind&gt;</c>).</summary>
    public const string StaleFeed = AlertConfig.StaleFeedRuleId;

    /// <summary>The rule id of a source that failed in the chamber's latest nightly run (subject <c>source:&lt;path&gt;</c>).</summary>
    public const string SourceFailed = "source-failed";

    /// <param name="onlyRules">Evaluate these rules alone (e.g. <see cref="VersionHeldRule.Id"/> after an ingest held a version); null: every rule.</param>
    public async Task<AlertRunResult> EvaluateAsync(string chamberCode, long? runId = null, CancellationToken ct = default, IReadOnlySet<string>? onlyRules = null)
    {
        var now = clock.GetUtcNow();
        var today = AlertClock.LocalDate(now, config.Zone);
        await using var connection = await dialect.OpenAsync(ct);
        CommandDefinition Q(string sql, object? args = null) => new(sql, args, cancellationToken: ct);

        // the plan that holds each year (the latest-starting one), and its KPIs defined by a current Piano
        var plans = (await connection.QueryAsync<(long PlanId, int From, int To)>(Q(
            """
            SELECT p.plan_id, p.cycle_from, p.cycle_to FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            WHERE c.code = @chamberCode AND EXISTS (SELECT 1 FROM dim_document d WHERE d.plan_id = p.plan_id AND d.is_current AND d.doc_type = 'piano')
            ORDER BY p.cycle_from, p.plan_id
            """, new { chamberCode }))).ToList();
        var planOfYear = new Dictionary<int, long>();
        foreach (var plan in plans)
            for (var y = plan.From; y <= plan.To; y++) planOfYear[y] = plan.PlanId;
        var kpis = (await connection.QueryAsync<(long KpiId, long PlanId, string Name, string? Frequency)>(Q(
            """
            SELECT DISTINCT k.kpi_id, k.plan_id, k.name, k.frequency FROM dim_kpi k
            JOIN doc_kpi dk ON dk.kpi_id = k.kpi_id JOIN dim_document d ON d.document_id = dk.document_id
            JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE c.code = @chamberCode AND d.is_current AND d.doc_type = 'piano'
            """, new { chamberCode }))).ToList();
        var actuals = (await connection.QueryAsync(Q(
            CurrentKpiValues.Select(CurrentKpiValues.OfChamber, "a.raw IS NOT NULL"), new { chamberCode })))
            .Select(r => ((long)r.kpi_id, (string)r.period))
            .ToHashSet();
        var reports = (await connection.QueryAsync<(int? From, int? To)>(Q(
            """
            SELECT d.period_from, d.period_to FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE c.code = @chamberCode AND d.is_current AND d.doc_type = 'relazione'
            """, new { chamberCode }))).ToList();

        var due = new Dictionary<AlertKey, (string Label, DateOnly DueDate, string Message)>();
        foreach (var kpi in kpis)
            foreach (var (year, planId) in planOfYear.Where(p => p.Key <= today.Year))
            {
                if (planId != kpi.PlanId) continue;
                foreach (var period in ExpectedPeriods(kpi.Frequency, year))
                {
                    var rule = period.Kind == PeriodKind.Semester ? config.Semester : config.Year;
                    if (!rule.IsOverdue(period, now, config.Zone) || actuals.Contains((kpi.KpiId, period.Code))) continue;
                    var dueDate = rule.DueDate(period);
                    due[new AlertKey("monitoring-due", chamberCode, $"kpi:{kpi.KpiId}", period.Code)] =
                        (kpi.Name, dueDate, $"{kpi.Name}: no value for {period.Code}, due by {dueDate:dd/MM/yyyy}");
                }
            }
        foreach (var year in planOfYear.Keys.Where(y => y <= today.Year))
        {
            var period = Period.ForYear(year);
            if (!config.Relazione.IsOverdue(period, now, config.Zone)) continue;
            if (reports.Any(r => r.From <= year && r.To >= year)) continue;
            var dueDate = config.Relazione.DueDate(period);
            due[new AlertKey("document-missing", chamberCode, "doc:relazione", period.Code)] =
                ("Relazione sulla Performance", dueDate, $"Relazione sulla Performance {year}: not received, due by {dueDate:dd/MM/yyyy}");
        }

        foreach (var (key, item) in await StaleFeeds.DueAsync(connection, config, chamberCode, now, ct))
            due[key] = item;
        foreach (var held in await HeldVersions.OfChamberAsync(connection, chamberCode, ct))
        {
            var (key, label, dueDate, message) = VersionHeldRule.Due(chamberCode, held, config.Zone);
            due[key] = (label, dueDate, message);
        }
        var failures = await FailedSourcesAsync(connection, chamberCode, now, runId, ct);

        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var open = (await connection.QueryAsync(new CommandDefinition(
            "SELECT rule, subject, period, status, raised_at, escalated_at, subject_label, message FROM alert WHERE chamber_code = @chamberCode AND status <> 'resolved'",
            new { chamberCode }, tx, cancellationToken: ct)))
            .Select(r => (State: new AlertState(new AlertKey((string)r.rule, chamberCode, (string)r.subject, (string)r.period),
                (string)r.status == "escalated" ? AlertStatus.Escalated : AlertStatus.Open, Instant(r.raised_at), r.escalated_at is null ? null : Instant(r.escalated_at), null),
                Label: (string)r.subject_label, Message: (string)r.message))
            .ToList();
        // a failing source keeps the period of its open alert (one open alert per source); a new episode is dated by its run
        var openSourcePeriods = open.Where(o => o.State.Key.Rule == SourceFailed)
            .GroupBy(o => o.State.Key.Subject).ToDictionary(g => g.Key, g => g.First().State.Key.Period, StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            var subject = $"source:{failure.Path}";
            var period = openSourcePeriods.GetValueOrDefault(subject) ?? failure.RunDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var label = SourceLabel(failure.Path);
            due[new AlertKey(SourceFailed, chamberCode, subject, period)] =
                (label, failure.RunDay, $"{label}: {failure.Reason} (run {failure.RunId}, {failure.Path})");
        }

        bool Evaluated(AlertKey key) => onlyRules is null || onlyRules.Contains(key.Rule);
        var changes = AlertLifecycle.Evaluate(due.Keys.Where(Evaluated).ToList(), open.Select(o => o.State).Where(o => Evaluated(o.Key)).ToList(), now, config.EscalateAfterDays);
        var stamp = dialect.Timestamp(now);
        var messages = new List<AlertMessage>();
        foreach (var change in changes)
        {
            var k = change.Key;
            var key = new { rule = k.Rule, chamber = chamberCode, subject = k.Subject, period = k.Period, stamp, runId };
            switch (change.Kind)
            {
                case AlertChangeKind.Raised:
                    var (label, dueDate, message) = due[k];
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO alert (rule, chamber_code, subject, subject_label, period, due_date, severity, status, raised_at, run_id, message)
                        VALUES (@rule, @chamber, @subject, @label, @period, @dueDate, 'warning', 'open', @stamp, @runId, @message)
                        """, new { rule = k.Rule, chamber = chamberCode, subject = k.Subject, label, period = k.Period, dueDate = dialect.Date(dueDate), stamp, runId, message },
                        tx, cancellationToken: ct));
                    messages.Add(new AlertMessage(k.Rule, chamberCode, label, k.Period, "warning", "raised", now, message));
                    break;
                case AlertChangeKind.Escalated:
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE alert SET status = 'escalated', severity = 'critical', escalated_at = @stamp WHERE rule = @rule AND chamber_code = @chamber AND subject = @subject AND period = @period AND status <> 'resolved'",
                        key, tx, cancellationToken: ct));
                    var escalated = open.First(o => o.State.Key == k);
                    messages.Add(new AlertMessage(k.Rule, chamberCode, escalated.Label, k.Period, "critical", "escalated", now, escalated.Message + $" (open for {config.EscalateAfterDays} days or more)"));
                    break;
                case AlertChangeKind.Resolved:
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE alert SET status = 'resolved', resolved_at = @stamp WHERE rule = @rule AND chamber_code = @chamber AND subject = @subject AND period = @period AND status <> 'resolved'",
                        key, tx, cancellationToken: ct));
                    var resolved = open.First(o => o.State.Key == k);
                    messages.Add(new AlertMessage(k.Rule, chamberCode, resolved.Label, k.Period, "info", "resolved", now, ResolvedText(k.Rule, resolved.Label, resolved.Message)));
                    break;
            }
        }
        await tx.CommitAsync(ct);
        writing.Dispose();   // the digest is delivered (mail, webhook) with the gate open to other writers

        var deliveries = new List<(string, ChannelResult)>();
        if (messages.Count > 0)
        {
            var digest = new AlertDigest(chamberCode, config.RecipientsOf(chamberCode), messages, runId ?? 0);
            foreach (var channel in channels)
                deliveries.Add((channel.Name, await channel.SendAsync(digest, ct)));
        }
        var stillOpen = await connection.ExecuteScalarAsync<long>(Q(
            "SELECT COUNT(*) FROM alert WHERE chamber_code = @chamberCode AND status <> 'resolved'", new { chamberCode }));
        return new AlertRunResult(chamberCode, changes.Count(c => c.Kind == AlertChangeKind.Raised), changes.Count(c => c.Kind == AlertChangeKind.Escalated),
            changes.Count(c => c.Kind == AlertChangeKind.Resolved), (int)stillOpen, deliveries);
    }

    /// <summary>
    /// The weekly reminder: one digest to the channels listing every alert of the chamber still open (open or
    /// escalated, however old), not only the changes of a run; nothing is sent when the chamber has none. The alerts
    /// are not evaluated first: evaluate before, if the reminder must reflect the data of now.
    /// </summary>
    /// <returns>Each channel's delivery; empty when the chamber has no open alert.</returns>
    public Task<IReadOnlyList<(string Channel, ChannelResult Result)>> SendOpenDigestAsync(string chamberCode, CancellationToken ct = default) =>
        SendOpenDigestAsync(chamberCode, null, ct);

    /// <summary>The weekly reminder of <see cref="SendOpenDigestAsync(string, CancellationToken)"/>, sent by the run <paramref name="runId"/> (the digest's <see cref="AlertDigest.RunId"/>).</summary>
    public async Task<IReadOnlyList<(string Channel, ChannelResult Result)>> SendOpenDigestAsync(string chamberCode, long? runId, CancellationToken ct = default)
    {
        List<AlertMessage> messages;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            messages = (await connection.QueryAsync(new CommandDefinition(
                    """
                    SELECT rule, subject_label, period, severity, status, raised_at, message FROM alert
                    WHERE chamber_code = @chamberCode AND status <> 'resolved' ORDER BY due_date, rule, subject, period
                    """, new { chamberCode }, cancellationToken: ct)))
                .Select(r => new AlertMessage((string)r.rule, chamberCode, (string)r.subject_label, (string)r.period, (string)r.severity,
                    (string)r.status, Instant(r.raised_at), (string)r.message))
                .ToList();
        }
        var deliveries = new List<(string, ChannelResult)>();
        if (messages.Count == 0) return deliveries;
        var digest = new AlertDigest(chamberCode, config.RecipientsOf(chamberCode), messages, runId ?? 0) { Reminder = true };
        foreach (var channel in channels)
            deliveries.Add((channel.Name, await channel.SendAsync(digest, ct)));
        return deliveries;
    }

    /// <summary>The weekly reminder (<see cref="SendOpenDigestAsync(string, CancellationToken)"/>) of every chamber that has an open alert, one digest each, by chamber code.</summary>
    public async Task<IReadOnlyList<OpenDigestResult>> SendOpenDigestsAsync(CancellationToken ct = default)
    {
        List<(string Chamber, long Open)> chambers;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            chambers = (await connection.QueryAsync<(string, long)>(new CommandDefinition(
                "SELECT chamber_code, COUNT(*) FROM alert WHERE status <> 'resolved' GROUP BY chamber_code ORDER BY chamber_code",
                cancellationToken: ct))).ToList();
        }
        var results = new List<OpenDigestResult>();
        foreach (var (chamber, open) in chambers)
            results.Add(new OpenDigestResult(chamber, (int)open, await SendOpenDigestAsync(chamber, ct)));
        return results;
    }

    /// <summary>A file or folder that failed in the chamber's latest finished nightly run: its path, why, the run and the run's local day.</summary>
    private sealed record SourceFailure(string Path, string Reason, long RunId, DateOnly RunDay);

    /// <summary>
    /// source-failed: the files of the chamber that failed (<c>quarantine</c> rows of record kind 'file': unreadable,
    /// not loadable, or a configured source that does not exist) in its latest complete nightly run — the latest
    /// <c>etl_run</c> of kind run or nightly finished by now whose status is not interrupted nor running, and that
    /// looked at its sources (a run refused before reading any — chamber busy, configuration unreadable — is failed
    /// with no file, and says nothing about them) — and in any
    /// interrupted run finished after it (a failure it saw is real; its silence about the rest proves nothing). One
    /// entry per path, from the latest run that reported it.
    /// </summary>
    /// <remarks>
    /// The run that evaluates (<paramref name="current"/>: a nightly run evaluates its alerts before it finishes) counts
    /// as complete: its files have all been read by then.
    /// </remarks>
    private async Task<IReadOnlyList<SourceFailure>> FailedSourcesAsync(
        System.Data.Common.DbConnection connection, string chamberCode, DateTimeOffset now, long? current, CancellationToken ct)
    {
        var at = dialect.Timestamp(now);
        var currentRun = current ?? -1;
        var complete = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT MAX(run_id) FROM etl_run
            WHERE chamber_code = @chamberCode AND kind IN ('run', 'nightly')
              AND ((finished_at IS NOT NULL AND finished_at <= @at AND status NOT IN ('interrupted', 'running') AND NOT (status = 'failed' AND files_total = 0))
                   OR run_id = @currentRun)
            """, new { chamberCode, at, currentRun }, cancellationToken: ct)) ?? 0;
        var rows = await connection.QueryAsync(new CommandDefinition(
            """
            SELECT r.run_id, r.started_at, q.file_path, q.reason FROM etl_run r
            JOIN quarantine q ON q.run_id = r.run_id AND q.record_kind = 'file'
            WHERE r.chamber_code = @chamberCode AND r.kind IN ('run', 'nightly')
              AND ((r.finished_at IS NOT NULL AND r.finished_at <= @at) OR r.run_id = @currentRun)
              AND (r.run_id = @complete OR (r.status = 'interrupted' AND r.run_id > @complete))
            ORDER BY r.run_id DESC, q.quarantine_id
            """, new { chamberCode, at, complete, currentRun }, cancellationToken: ct));
        return rows
            .Select(r => new SourceFailure((string)r.file_path, OneLine((string)r.reason), Convert.ToInt64(r.run_id, CultureInfo.InvariantCulture),
                AlertClock.LocalDate(Instant(r.started_at), config.Zone)))
            .DistinctBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file or folder name of a source path (the path itself when it has none).</summary>
    private static string SourceLabel(string path) =>
        Path.GetFileName(path.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : path;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>The text of a resolved alert in the digest.</summary>
    private static string ResolvedText(string rule, string label, string message) => rule switch
    {
        StaleFeed => $"{label}: a new file arrived, resolved",
        SourceFailed => $"{label}: no failure in the latest run, resolved",
        VersionHeldRule.Id => $"{label}: reviewed, resolved",
        _ => message.Split(':')[0] + ": received, resolved",
    };

    /// <summary>Half-yearly monitoring expects the first half and the year; annual monitoring the year.</summary>
    private IEnumerable<Period> ExpectedPeriods(string? frequency, int year)
    {
        var f = (frequency ?? "").Trim().ToLowerInvariant();
        var semiannual = f.Length == 0 ? config.SemiannualByDefault : f.StartsWith("sem", StringComparison.Ordinal) || f.Contains("semestr", StringComparison.Ordinal);
        if (semiannual) yield return Period.ForSemester(year, 1);
        yield return Period.ForYear(year);
    }

    /// <summary>A timestamp as either dialect returns it.</summary>
    internal static DateTimeOffset Instant(object value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"not a timestamp: {value}"),
    };
}
