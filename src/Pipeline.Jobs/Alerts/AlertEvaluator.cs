using System.Globalization;
using Dapper;
using Pipeline.Core.Alerts;
using Pipeline.Core.Values;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Jobs.Alerts;

/// <summary>What one evaluation did for a chamber: the changes, the alerts still open, and each channel's delivery.</summary>
public sealed record AlertRunResult(string Chamber, int Raised, int Escalated, int Resolved, int Open, IReadOnlyList<(string Channel, ChannelResult Result)> Deliveries);

/// <summary>
/// Evaluates a chamber's alert rules at the clock's now (docs/alerts.md): every KPI of its current plans expects a
/// value for each period of its frequency (half-yearly: S1 and the year; annual: the year) of each plan year, due
/// by the configured deadline in the configured time zone; the Relazione of each plan year is due too. What is
/// overdue and missing raises an alert (one open alert per rule + chamber + subject + period), an open alert
/// escalates after the configured days, and an alert whose data arrived is resolved. The changes of the run go to
/// the channels as one digest.
/// </summary>
public sealed class AlertEvaluator(SqlDialect dialect, AlertConfig config, IReadOnlyList<IAlertChannel> channels, TimeProvider clock)
{
    public async Task<AlertRunResult> EvaluateAsync(string chamberCode, long? runId = null, CancellationToken ct = default)
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
        var actuals = (await connection.QueryAsync<(long KpiId, string Period)>(Q(
            "SELECT kpi_id, period FROM v_kpi_period WHERE chamber_code = @chamberCode AND actual_text IS NOT NULL", new { chamberCode })))
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

        await using var tx = await connection.BeginTransactionAsync(ct);
        var open = (await connection.QueryAsync(new CommandDefinition(
            "SELECT rule, subject, period, status, raised_at, escalated_at, subject_label, message FROM alert WHERE chamber_code = @chamberCode AND status <> 'resolved'",
            new { chamberCode }, tx, cancellationToken: ct)))
            .Select(r => (State: new AlertState(new AlertKey((string)r.rule, chamberCode, (string)r.subject, (string)r.period),
                (string)r.status == "escalated" ? AlertStatus.Escalated : AlertStatus.Open, Instant(r.raised_at), r.escalated_at is null ? null : Instant(r.escalated_at), null),
                Label: (string)r.subject_label, Message: (string)r.message))
            .ToList();
        var changes = AlertLifecycle.Evaluate(due.Keys.ToList(), open.Select(o => o.State).ToList(), now, config.EscalateAfterDays);
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
                    messages.Add(new AlertMessage(k.Rule, chamberCode, resolved.Label, k.Period, "info", "resolved", now, resolved.Message.Split(':')[0] + $": received, resolved"));
                    break;
            }
        }
        await tx.CommitAsync(ct);

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

    /// <summary>Half-yearly monitoring expects the first half and the year; annual monitoring the year.</summary>
    private IEnumerable<Period> ExpectedPeriods(string? frequency, int year)
    {
        var f = (frequency ?? "").Trim().ToLowerInvariant();
        var semiannual = f.Length == 0 ? config.SemiannualByDefault : f.StartsWith("sem", StringComparison.Ordinal) || f.Contains("semestr", StringComparison.Ordinal);
        if (semiannual) yield return Period.ForSemester(year, 1);
        yield return Period.ForYear(year);
    }

    private static DateTimeOffset Instant(object value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"not a timestamp: {value}"),
    };
}
