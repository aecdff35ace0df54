using Pipeline.Jobs.Scheduling;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Runs;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Api;

/// <summary>
/// The JSON of each API answer, with the names of the CLI's <c>--json</c> where one exists (achievements, alerts,
/// jobs history; /work/shared/contracts/cli.md), snake_case elsewhere too.
/// </summary>
public static class ApiShapes
{
    public static object Chamber(ChamberOverview c) => new
    {
        chamber = c.Code, name = c.Name, plan_from = c.PlanFrom, plan_to = c.PlanTo, period = c.Period, achievement = c.Achievement,
        kpis = c.Kpis, kpis_measured = c.KpisMeasured, objectives_reported = c.ObjectivesReported, objectives_differing = c.ObjectivesDiffering,
        open_alerts = c.OpenAlerts, last_run = c.LastRun is { } r ? Run(r) : null,
    };

    /// <summary>As <c>pipeline achievements --json</c>: the chamber's node, then the objectives; the KPIs beside them.</summary>
    public static object Achievements(ChamberYearView v) => new
    {
        chamber = v.Code, year = int.Parse(v.Period[..4], System.Globalization.CultureInfo.InvariantCulture), period = v.Period, policy = v.Policy,
        periods = v.Periods,
        nodes = new[] { new { level = "chamber", code = (string?)v.Code, title = v.Name, parent = (string?)null, achievement = v.Achievement, reported = (decimal?)null, kpis = v.Kpis, kpis_measured = v.KpisMeasured } }
            .Concat(v.Objectives.Select(o => new
            {
                level = o.Level, code = o.Code, title = o.Title,
                parent = o.ParentId is { } p ? v.Objectives.FirstOrDefault(x => x.ObjectiveId == p)?.Code : v.Code,
                achievement = o.Achievement, reported = o.Reported, kpis = o.Kpis, kpis_measured = o.KpisMeasured,
            })),
        kpis = v.KpiRows.Select(k => new
        {
            kpi_id = k.KpiId, code = k.Code, kpi = k.Name, objective = v.Objectives.FirstOrDefault(o => o.ObjectiveId == k.ObjectiveId)?.Code,
            target = k.Target, actual = k.Actual, achievement = k.Achievement, reported = k.Reported, status = k.Status, rule = k.Rule,
        }),
    };

    /// <summary>As <c>pipeline trace ID --json</c> gives a KPI: its values with their sources, the rules applied.</summary>
    public static object Trace(TracedKpi k) => new
    {
        kpi_id = k.KpiId, chamber = k.ChamberCode, code = k.Code, name = k.Name, unit = k.Unit, plan_from = k.PlanFrom, plan_to = k.PlanTo,
        objective_path = k.ObjectivePath,
        values = k.Values.Select(v => new
        {
            kind = v.ValueKind, period = v.Period, @operator = v.Operator, value = v.Value, raw = v.ValueText, version = v.Version,
            lineage_id = v.LineageId, document_id = v.DocumentId, file = v.FileName, doc_type = v.DocType, sha256 = v.DocumentSha256,
            source_kind = v.SourceKind, page = v.Page, bbox = v.Bbox, sheet = v.Sheet, cell = v.Cell, row_from = v.RowFrom, row_to = v.RowTo,
            raw_text = v.RawText, location = v.Location,
        }),
        achievements = k.Achievements.Select(a => new { period = a.Period, achievement = a.Achievement, status = a.Status, policy = a.Policy, rule = a.Rule }),
    };

    public static object Source(SourceValue v) => new
    {
        lineage_id = v.LineageId, kpi_id = v.KpiId, kpi = v.Kpi, chamber = v.ChamberCode, kind = v.ValueKind, period = v.Period, @operator = v.Operator,
        value = v.Value, raw = v.ValueText, document_id = v.DocumentId, file = v.FileName, doc_type = v.DocType, family = v.Family, format = v.Format,
        sha256 = v.OriginalSha256, archive_url = $"/archive/{v.OriginalSha256}", is_current = v.IsCurrent, source_kind = v.SourceKind, page = v.Page, bbox = v.Bbox,
        sheet = v.Sheet, cell = v.Cell, row_from = v.RowFrom, row_to = v.RowTo, raw_text = v.RawText,
        feed = FeedComputation.Parse(v.Detail) is { } f ? new { metric = f.Metric, parameters = f.Parameters, period = f.Period, numerator = f.Numerator, denominator = f.Denominator, rows_read = f.RowsRead, rows_csv = $"/fonte/{v.LineageId}/righe.csv" } : null,
    };

    public static object Document(DocumentVersion d) => new
    {
        id = d.DocumentId, chamber = d.Chamber, logical_key = d.LogicalKey, doc_type = d.DocType, family = d.Family, format = d.Format, file = d.FileName,
        sha256 = d.Sha256, pages = d.Pages, loaded_at = d.LoadedAt, version = d.Version, supersedes_id = d.SupersedesId, superseded_by_id = d.SupersededById,
        review_status = d.ReviewStatus, review_reasons = d.ReviewReasons?.Split('\n', StringSplitOptions.RemoveEmptyEntries), reviewed_by = d.ReviewedBy, reviewed_at = d.ReviewedAt,
    };

    /// <summary>As <c>pipeline alerts --json</c>.</summary>
    public static object Alert(AlertRow r) => new
    {
        id = r.Id, rule = r.Rule, chamber = r.Chamber, kpi = r.Subject, period = r.Period, severity = r.Severity, status = r.Status,
        raised_at = r.RaisedAt, due_date = r.DueDate, message = r.Message,
    };

    /// <summary>The Confronto page: the indicator and year shown, and per region the visible chambers and the aggregates.</summary>
    public static object Comparison(Comparison c) => new
    {
        indicators = c.Indicators.Select(i => new { code = i.Code, name = i.Name }),
        years = c.Years, indicator = c.Indicator, name = c.IndicatorName, unit = c.Unit, polarity = c.Polarity, year = c.Year,
        regions = c.Regions.Select(g => new
        {
            region = g.Region, chambers = g.Chambers, first_quartile = g.FirstQuartile, median = g.Median, third_quartile = g.ThirdQuartile,
            rows = g.Rows.Select(r => new { chamber = r.ChamberCode, name = r.Chamber, rank = r.Rank, target = r.Target, actual = r.Actual, achievement = r.Achievement }),
        }),
    };

    /// <summary>As <c>pipeline jobs history --json</c>, with the run's kind and every count.</summary>
    public static object Run(EtlRunRow r) => new
    {
        run_id = r.RunId, job = r.Job, kind = r.Kind, chamber = r.ChamberCode, node = r.Node, attempt = r.Attempt, started_at = r.StartedAt,
        finished_at = r.FinishedAt, seconds = r.Seconds, status = r.Status, files_new = r.FilesNew, files_superseding = r.FilesSuperseding,
        files_unchanged = r.FilesUnchanged, files_failed = r.FilesFailed, facts_written = r.FactsWritten, quarantined = r.Quarantined, error = r.Error,
    };

    /// <summary>As <c>pipeline jobs list --json</c> and <c>jobs nodes --json</c>, with the retried and failed runs.</summary>
    public static object Scheduler(SchedulerView v) => new
    {
        jobs = v.Jobs.Select(j => new
        {
            job = j.Job, type = j.Type, cron = j.Cron, timezone = j.Zone.Id, next = j.Next, previous = j.Previous, state = j.State, retry = j.Retry,
            last_run = j.LastRun is { } r ? Run(r) : null, description = j.Description,
        }),
        nodes = v.Nodes.Select(n => new { node = n.Node, last_checkin = n.LastCheckIn, checkin_seconds = n.Every?.TotalSeconds, state = n.State }),
        retries_and_failures = v.RetriesAndFailures.Select(Run),
    };
}
