using System.Globalization;
using System.Text.Json;
using Dapper;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Feeds;

namespace Pipeline.Warehouse.Queries;

public sealed class TracedKpi
{
    public long KpiId { get; init; }
    public string ChamberCode { get; init; } = "";
    public string? Code { get; init; }
    public string Name { get; init; } = "";
    public string? Unit { get; init; }
    public long? ObjectiveId { get; init; }
    public int PlanFrom { get; init; }
    public int PlanTo { get; init; }
    /// <summary>The objective path from the root down, e.g. "OS.1 Competitività › OO.1.1 Digitalizzazione".</summary>
    public IReadOnlyList<string> ObjectivePath { get; set; } = [];
    public IReadOnlyList<TracedValue> Values { get; set; } = [];
    /// <summary>The achievement computed for each period (<c>pipeline achievements</c>): the rule applied and the result.</summary>
    public IReadOnlyList<TracedAchievement> Achievements { get; set; } = [];
}

/// <summary>A computed achievement of a KPI: period, score (null unless measured), status, policy and rule with its arithmetic.</summary>
public sealed class TracedAchievement
{
    public string Period { get; init; } = "";
    public decimal? Achievement { get; init; }
    public string Status { get; init; } = "";
    public string? Policy { get; init; }
    public string? Rule { get; init; }
}

/// <summary>
/// The rows of a feed that a computed value counted (the population of a share or a mean, the companies of a
/// count): how many, and the first of them as "row N: key fields". For a share, which of them are in its numerator:
/// <see cref="InNumerator"/> of the <see cref="Counted"/> (the denominator), the first of those in
/// <see cref="NumeratorFirst"/> and the first of the others in <see cref="DenominatorOnlyFirst"/>.
/// </summary>
public sealed record TracedFeedRows(string Metric, string Parameters, long Counted, IReadOnlyList<string> First)
{
    public long? InNumerator { get; init; }
    public IReadOnlyList<string> NumeratorFirst { get; init; } = [];
    public IReadOnlyList<string> DenominatorOnlyFirst { get; init; } = [];
}

/// <summary>
/// <c>pipeline trace</c>: from a KPI to every value recorded for it, the place each was read and where its document is
/// archived (<paramref name="archive"/>, default the warehouse's own).
/// </summary>
public sealed class TraceQueries(SqlDialect dialect, SourceArchive? archive = null)
{
    private readonly SourceArchive _archive = archive ?? SourceArchive.For(dialect);

    public async Task<IReadOnlyList<TracedKpi>> TraceAsync(string kpiIdOrText, int limit = 20, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var byId = long.TryParse(kpiIdOrText, out var id) ? id : (long?)null;
        var pattern = $"%{kpiIdOrText.Trim().ToLowerInvariant()}%";
        var kpis = (await connection.QueryAsync<TracedKpi>(new CommandDefinition(
            """
            SELECT k.kpi_id AS KpiId, c.code AS ChamberCode, k.code AS Code, k.name AS Name, k.unit AS Unit,
                   k.objective_id AS ObjectiveId, pl.cycle_from AS PlanFrom, pl.cycle_to AS PlanTo
            FROM dim_kpi k
            JOIN dim_plan pl ON pl.plan_id = k.plan_id
            JOIN dim_chamber c ON c.chamber_id = pl.chamber_id
            WHERE k.kpi_id = @byId OR (@byId IS NULL AND (LOWER(k.name) LIKE @pattern OR LOWER(COALESCE(k.code, '')) LIKE @pattern))
            ORDER BY k.kpi_id
            LIMIT @limit
            """, new { byId, pattern, limit }, cancellationToken: ct))).ToList();

        foreach (var kpi in kpis)
        {
            kpi.ObjectivePath = await ObjectivePathAsync(connection, kpi.ObjectiveId, ct);
            kpi.Values = (await connection.QueryAsync<TracedValue>(new CommandDefinition(
                $"""
                SELECT {TracedValue.Columns}
                FROM v_kpi_lineage v WHERE v.kpi_id = @KpiId
                ORDER BY v.period, v.value_kind DESC, v.document_id
                """, new { kpi.KpiId }, cancellationToken: ct))).ToList();
            foreach (var document in kpi.Values.GroupBy(v => v.DocumentSha256))
            {
                var archived = await _archive.FindAsync(document.Key, ct);
                foreach (var value in document) value.Archived = archived;
            }
            kpi.Achievements = (await connection.QueryAsync<TracedAchievement>(new CommandDefinition(
                """
                SELECT period AS Period, achievement AS Achievement, status AS Status, policy AS Policy, rule AS Rule
                FROM v_kpi_achievement WHERE kpi_id = @KpiId ORDER BY period
                """, new { kpi.KpiId }, cancellationToken: ct))).ToList();
            foreach (var value in kpi.Values.Where(v => v.SourceKind == "rows"))
            {
                value.Detail = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                    "SELECT detail FROM lineage WHERE lineage_id = @LineageId", new { value.LineageId }, cancellationToken: ct));
                var removed = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
                    "SELECT rows_removed_at FROM dim_document WHERE document_id = @DocumentId", new { value.DocumentId }, cancellationToken: ct));
                value.RowsRemovedAt = removed is null or DBNull ? null : DbTimestamp.Read(removed);
                // the rows are gone: the lineage detail (metric, parameters, counts) is what is left to show
                value.FeedRows = value.RowsRemovedAt is null && WithFeedRows ? await FeedRowsAsync(value, ct) : null;
            }
        }
        return kpis;
    }

    /// <summary>
    /// Whether a computed value's feed rows are streamed again to list the first of them (<see cref="TracedValue.FeedRows"/>);
    /// the web app's KPI page leaves them to the source page, which pages through them.
    /// </summary>
    public bool WithFeedRows { get; init; } = true;

    /// <summary>How many rows of a computed value's feed a trace lists.</summary>
    public int FeedRowsListed { get; init; } = 10;

    /// <summary>
    /// The rows behind a computed value: the staged rows of its feed streamed again through the same metric with
    /// the same parameters and period (the lineage detail), keeping the ones the metric counts.
    /// </summary>
    private async Task<TracedFeedRows?> FeedRowsAsync(TracedValue value, CancellationToken ct)
    {
        if (FeedComputation.Parse(value.Detail) is not { } computation || FeedValueRows.MetricOf(computation) is not { } metric) return null;
        var first = new List<string>();
        var numeratorFirst = new List<string>();
        var othersFirst = new List<string>();
        long counted = 0, inNumerator = 0;
        await foreach (var row in new FeedValueRows(dialect).ReadAsync(value.DocumentId, metric, computation, ct))
        {
            counted++;
            if (row.InNumerator == true) inNumerator++;
            if (first.Count < FeedRowsListed) first.Add(row.Description);
            var list = row.InNumerator == true ? numeratorFirst : othersFirst;
            if (row.InNumerator is not null && list.Count < FeedRowsListed) list.Add(row.Description);
        }
        return new TracedFeedRows(metric.Id, FeedValueRows.CanonicalParameters(metric, computation), counted, first)
        {
            InNumerator = metric.IsShare ? inNumerator : null,
            NumeratorFirst = numeratorFirst,
            DenominatorOnlyFirst = othersFirst,
        };
    }

    private static async Task<IReadOnlyList<string>> ObjectivePathAsync(System.Data.Common.DbConnection connection, long? objectiveId, CancellationToken ct)
    {
        var path = new List<string>();
        var seen = new HashSet<long>();
        while (objectiveId is { } current && seen.Add(current))
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string? Code, string Title, long? Parent)>(new CommandDefinition(
                "SELECT code, title, parent_objective_id FROM dim_objective WHERE objective_id = @current", new { current }, cancellationToken: ct));
            if (row.Title is null) break;
            path.Insert(0, row.Code is null ? row.Title : $"{row.Code} {row.Title}");
            objectiveId = row.Parent;
        }
        return path;
    }
}
