using System.Data.Common;
using System.Globalization;
using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Core.Model;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Achievement;

/// <summary>One computed figure of a tree: an objective's, or the chamber's (level "chamber", no objective id).</summary>
public sealed record AchievementNode(
    string Level, long? ObjectiveId, string? Code, string Title, long? ParentId, string? ParentCode,
    decimal? Achievement, decimal? Reported, int Kpis, int KpisMeasured, string Rule);

/// <summary>A chamber's achievement for a year: every period of the year that has targets, each a tree.</summary>
public sealed record AchievementTree(string ChamberCode, int Year, int PlanFrom, int PlanTo, string Policy, IReadOnlyDictionary<string, IReadOnlyList<AchievementNode>> Periods);

/// <summary>
/// <c>pipeline achievements</c>: computes the achievement of a chamber's KPIs and objectives for a year from the
/// current targets and actuals in the warehouse (Core's <see cref="KpiAchievement"/> and
/// <see cref="ObjectiveRollup"/> under a policy) and stores it — <c>fact_kpi_achievement</c>,
/// <c>fact_objective_achievement</c> (basis 'computed', policy, rule) and <c>fact_chamber_achievement</c> — replacing
/// the previous computation of the same plan and period, in one transaction. Each computed fact has a lineage row
/// of kind 'rule' whose detail is the rule applied with its arithmetic.
/// </summary>
public sealed class AchievementComputer(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<AchievementTree> ComputeAsync(string chamberCode, int year, AchievementPolicy policy, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        CommandDefinition Q(string sql, object? args = null) => new(sql, args, tx, cancellationToken: ct);

        var plan = await connection.QueryFirstOrDefaultAsync<(long PlanId, int From, int To, string Chamber)>(Q(
            """
            SELECT p.plan_id, p.cycle_from, p.cycle_to, c.name FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            WHERE c.code = @chamberCode AND p.cycle_from <= @year AND p.cycle_to >= @year
            ORDER BY p.cycle_from DESC, p.cycle_to - p.cycle_from DESC, p.plan_id DESC LIMIT 1
            """, new { chamberCode, year }));
        if (plan.PlanId == 0) throw new InvalidOperationException($"no plan of {chamberCode} holds {year}: load its Piano first");

        // the plan's objectives, less those only a version held for review (or rejected) brought
        var objectives = (await connection.QueryAsync<(long Id, long? Parent, string Level, string? Code, string Title)>(Q(
            
            """
            SELECT o.objective_id, o.parent_objective_id, o.level, o.code, o.title FROM dim_objective o
            WHERE o.plan_id = @PlanId
              AND (NOT EXISTS (SELECT 1 FROM doc_objective x WHERE x.objective_id = o.objective_id)
                   OR EXISTS (SELECT 1 FROM doc_objective x JOIN dim_document d ON d.document_id = x.document_id
                              WHERE x.objective_id = o.objective_id AND (d.review_status IS NULL OR d.review_status = 'accepted')))
            ORDER BY o.objective_id
            """, new { plan.PlanId })))
            .ToList();
        var objectiveWeights = await LatestWeightsAsync(connection, tx,
            "SELECT x.objective_id AS Id, x.weight AS Weight FROM doc_objective x JOIN dim_document d ON d.document_id = x.document_id JOIN dim_objective o ON o.objective_id = x.objective_id WHERE d.is_current AND x.weight IS NOT NULL AND o.plan_id = @PlanId ORDER BY d.loaded_at, d.document_id",
            plan.PlanId, ct);
        var kpiWeights = await LatestWeightsAsync(connection, tx,
            "SELECT x.kpi_id AS Id, x.weight AS Weight FROM doc_kpi x JOIN dim_document d ON d.document_id = x.document_id JOIN dim_kpi k ON k.kpi_id = x.kpi_id WHERE d.is_current AND x.weight IS NOT NULL AND k.plan_id = @PlanId ORDER BY d.loaded_at, d.document_id",
            plan.PlanId, ct);
        var values = (await connection.QueryAsync(Q(
            CurrentKpiValues.Select(CurrentKpiValues.OfPlan, "p.year = @year"), new { plan.PlanId, year }))).Select(KpiRow.From).ToList();
        var reported = (await connection.QueryAsync<(long ObjectiveId, string Period, double Achievement)>(Q(
            """
            SELECT f.objective_id, p.code, f.achievement FROM fact_objective_achievement f
            JOIN dim_document d ON d.document_id = f.document_id JOIN dim_period p ON p.period_id = f.period_id
            JOIN dim_objective o ON o.objective_id = f.objective_id
            WHERE f.basis = 'reported' AND d.is_current AND o.plan_id = @PlanId AND p.year = @year
            """, new { plan.PlanId, year }))).GroupBy(r => (r.ObjectiveId, r.Period)).ToDictionary(g => g.Key, g => (decimal)g.Last().Achievement);
        var latestDocument = await connection.ExecuteScalarAsync<long?>(Q(
            "SELECT MAX(document_id) FROM dim_document WHERE plan_id = @PlanId AND is_current", new { plan.PlanId }));

        var codes = objectives.ToDictionary(o => o.Id, o => o.Code);
        var now = dialect.Timestamp(_clock.GetUtcNow());
        var periods = new Dictionary<string, IReadOnlyList<AchievementNode>>();
        // targets define the periods to score; a period with actuals only (a checkpoint without a target) has nothing to compare
        foreach (var period in values.Where(v => v.TargetRaw is not null).Select(v => v.Period).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            var rows = values.Where(v => v.Period == period).ToList();
            var scores = rows.ToDictionary(r => r.KpiId, r => r.Score(policy));
            var nodes = objectives.Select(o => new RollupNode(Id(o.Id), o.Parent is { } p ? Id(p) : null,
                ObjectiveLevels.TryParse(o.Level, out var level) ? level : ObjectiveLevel.Operational, objectiveWeights.GetValueOrDefault(o.Id), o.Code ?? o.Title)).ToList();
            var kpis = rows.Where(r => r.ObjectiveId is not null)
                .Select(r => new RollupKpi(Id(r.ObjectiveId!.Value), scores[r.KpiId], r.TargetWeight ?? kpiWeights.GetValueOrDefault(r.KpiId), r.Name)).ToList();
            var result = ObjectiveRollup.Compute(nodes, kpis, policy);

            var periodId = await PeriodAsync(connection, tx, period, ct);
            await ClearAsync(connection, tx, plan.PlanId, periodId, ct);

            foreach (var row in rows)
            {
                var score = scores[row.KpiId];
                var documentId = row.ActualDocument ?? row.TargetDocument ?? latestDocument!.Value;
                var lineageId = await RuleLineageAsync(connection, tx, documentId, "achievement", score.Value, score.Rule, ct);
                await connection.ExecuteAsync(Q(
                    """
                    INSERT INTO fact_kpi_achievement (document_id, kpi_id, period_id, basis, achievement, status, lineage_id, policy, rule)
                    VALUES (@documentId, @KpiId, @periodId, 'computed', @value, @status, @lineageId, @policy, @rule)
                    """, new { documentId, row.KpiId, periodId, value = dialect.Number(score.Value), status = Status(score.Status), lineageId, policy = policy.Name, rule = score.Rule }));
            }

            // an objective's figure belongs to the latest document whose values made it
            var documentOf = DocumentsOfSubtrees(objectives, rows);
            var tree = new List<AchievementNode>();
            foreach (var o in objectives)
            {
                var figure = result.Objectives[Id(o.Id)];
                var documentId = documentOf.GetValueOrDefault(o.Id) ?? latestDocument!.Value;
                var lineageId = await RuleLineageAsync(connection, tx, documentId, "objective achievement", figure.Value, figure.Rule, ct);
                await connection.ExecuteAsync(Q(
                    """
                    INSERT INTO fact_objective_achievement (document_id, objective_id, period_id, basis, achievement, status, lineage_id, policy, rule, kpis, kpis_measured)
                    VALUES (@documentId, @objectiveId, @periodId, 'computed', @value, @status, @lineageId, @policy, @rule, @Kpis, @KpisMeasured)
                    """, new
                    {
                        documentId, objectiveId = o.Id, periodId, value = dialect.Number(figure.Value), status = figure.Value is null ? "missing" : "measured",
                        lineageId, policy = policy.Name, rule = figure.Rule, figure.Kpis, figure.KpisMeasured,
                    }));
                tree.Add(new AchievementNode(o.Level, o.Id, o.Code, o.Title, o.Parent, o.Parent is { } p ? codes.GetValueOrDefault(p) : null,
                    figure.Value, reported.TryGetValue((o.Id, period), out var r) ? r : null, figure.Kpis, figure.KpisMeasured, figure.Rule));
            }
            var chamber = result.Chamber;
            await connection.ExecuteAsync(Q(
                """
                INSERT INTO fact_chamber_achievement (plan_id, period_id, basis, policy, achievement, kpis, kpis_measured, rule, computed_at)
                VALUES (@PlanId, @periodId, 'computed', @policy, @value, @Kpis, @KpisMeasured, @Rule, @now)
                """, new { plan.PlanId, periodId, policy = policy.Name, value = dialect.Number(chamber.Value), chamber.Kpis, chamber.KpisMeasured, chamber.Rule, now }));
            tree.Insert(0, new AchievementNode("chamber", null, chamberCode, $"Camera di commercio di {plan.Chamber}", null, null, chamber.Value, null, chamber.Kpis, chamber.KpisMeasured, chamber.Rule));
            periods[period] = tree;
        }
        await tx.CommitAsync(ct);
        return new AchievementTree(chamberCode, year, plan.From, plan.To, policy.Name, periods);
    }

    private static string Id(long objectiveId) => objectiveId.ToString(CultureInfo.InvariantCulture);

    private static string Status(AchievementStatus status) => status switch
    {
        AchievementStatus.Measured => "measured",
        AchievementStatus.Missing => "missing",
        _ => "not_measurable",
    };

    /// <summary>For each objective, the latest document among the values of its KPIs and of every objective under it.</summary>
    private static Dictionary<long, long?> DocumentsOfSubtrees(List<(long Id, long? Parent, string Level, string? Code, string Title)> objectives, List<KpiRow> rows)
    {
        var parentOf = objectives.ToDictionary(o => o.Id, o => o.Parent);
        var result = new Dictionary<long, long?>();
        foreach (var row in rows)
        {
            if ((row.ActualDocument ?? row.TargetDocument) is not { } doc) continue;
            var seen = new HashSet<long>();
            for (var o = row.ObjectiveId; o is { } id && seen.Add(id); o = parentOf.GetValueOrDefault(id))
                if (result.GetValueOrDefault(id) is not { } known || doc > known) result[id] = doc;
        }
        return result;
    }

    private static async Task<Dictionary<long, decimal>> LatestWeightsAsync(DbConnection connection, DbTransaction tx, string sql, long planId, CancellationToken ct)
    {
        var weights = new Dictionary<long, decimal>();
        foreach (var row in await connection.QueryAsync<(long Id, double Weight)>(new CommandDefinition(sql, new { PlanId = planId }, tx, cancellationToken: ct)))
            weights[row.Id] = (decimal)row.Weight;
        return weights;
    }

    private static async Task<long> PeriodAsync(DbConnection connection, DbTransaction tx, string code, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT period_id FROM dim_period WHERE code = @code", new { code }, tx, cancellationToken: ct));

    /// <summary>
    /// The previous computation of this plan and period goes, with its rule lineage rows: those the plan's computed
    /// facts of the period point at, found through them (indexed), never by a scan of every chamber's lineage.
    /// </summary>
    /// <summary>A plan's computed KPI facts of a period (<c>@planId</c>, <c>@periodId</c>), after FROM.</summary>
    public const string ComputedKpiFacts =
        "FROM fact_kpi_achievement WHERE basis = 'computed' AND period_id = @periodId AND kpi_id IN (SELECT kpi_id FROM dim_kpi WHERE plan_id = @planId)";

    /// <summary>A plan's computed objective facts of a period (<c>@planId</c>, <c>@periodId</c>), after FROM.</summary>
    public const string ComputedObjectiveFacts =
        "FROM fact_objective_achievement WHERE basis = 'computed' AND period_id = @periodId AND objective_id IN (SELECT objective_id FROM dim_objective WHERE plan_id = @planId)";

    /// <summary>Deletes the rule lineage rows of <c>@chunk</c> (an array of ids) that no computed fact points at any more.</summary>
    public static string UnusedRuleLineage(SqlDialect dialect) =>
        $"""
        DELETE FROM lineage WHERE lineage_id {dialect.AnyOf("@chunk")} AND kind = 'rule'
          AND NOT EXISTS (SELECT 1 FROM fact_kpi_achievement f WHERE f.lineage_id = lineage.lineage_id)
          AND NOT EXISTS (SELECT 1 FROM fact_objective_achievement f WHERE f.lineage_id = lineage.lineage_id)
        """;

    private async Task ClearAsync(DbConnection connection, DbTransaction tx, long planId, long periodId, CancellationToken ct)
    {
        CommandDefinition Q(string sql) => new(sql, new { planId, periodId }, tx, cancellationToken: ct);
        var lineage = (await connection.QueryAsync<long>(Q($"SELECT lineage_id {ComputedKpiFacts} UNION SELECT lineage_id {ComputedObjectiveFacts}"))).ToList();
        await connection.ExecuteAsync(Q("DELETE " + ComputedKpiFacts));
        await connection.ExecuteAsync(Q("DELETE " + ComputedObjectiveFacts));
        await connection.ExecuteAsync(Q("DELETE FROM fact_chamber_achievement WHERE basis = 'computed' AND period_id = @periodId AND plan_id = @planId"));
        foreach (var chunk in lineage.Chunk(500))
            await connection.ExecuteAsync(new CommandDefinition(UnusedRuleLineage(dialect), new { chunk }, tx, cancellationToken: ct));
    }

    private async Task<long> RuleLineageAsync(DbConnection connection, DbTransaction tx, long documentId, string field, decimal? value, string rule, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO lineage (document_id, field, kind, raw_text, detail) VALUES (@documentId, @field, 'rule', @raw, @rule)
            RETURNING lineage_id
            """, new { documentId, field, raw = value?.ToString(CultureInfo.InvariantCulture), rule }, tx, cancellationToken: ct));

    /// <summary>A KPI's current target and actual for one period, as the warehouse holds them.</summary>
    private sealed record KpiRow(
        long KpiId, long? ObjectiveId, string Name, string Period, string? Operator, decimal? TargetNumber, bool? TargetFlag, DateOnly? TargetDate,
        string? TargetRaw, decimal? TargetWeight, long? TargetDocument, decimal? ActualNumber, bool? ActualFlag, DateOnly? ActualDate, string? ActualRaw,
        long? ActualDocument)
    {
        public static KpiRow From(dynamic row)
        {
            var d = (IDictionary<string, object?>)row;
            return new KpiRow(Long(d["kpi_id"])!.Value, Long(d["objective_id"]), (string)d["name"]!, (string)d["period"]!, d["operator"] as string,
                Number(d["target_num"]), Flag(d["target_flag"]), Date(d["target_date"]), d["target_raw"] as string, Number(d["target_weight"]),
                Long(d["target_document"]), Number(d["actual_num"]), Flag(d["actual_flag"]), Date(d["actual_date"]), d["actual_raw"] as string,
                Long(d["actual_document"]));
        }

        public KpiScore Score(AchievementPolicy policy)
        {
            if (TargetRaw is null || Operator is null)
                return new KpiScore(null, AchievementStatus.NotMeasurable, "no target for the period");
            var target = new TargetValue(Period, TargetOperators.FromSymbol(Operator), TargetRaw, TargetNumber, TargetFlag, TargetDate);
            var actual = ActualRaw is null ? null : new ActualValue(ActualRaw, ActualNumber, ActualFlag, ActualDate);
            return KpiAchievement.Score(target, actual, policy);
        }

        private static long? Long(object? v) => v is null or DBNull ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
        private static decimal? Number(object? v) => v is null or DBNull ? null : Convert.ToDecimal(v, CultureInfo.InvariantCulture);
        private static bool? Flag(object? v) => v is null or DBNull ? null : v is bool b ? b : Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0;
        private static DateOnly? Date(object? v) => v switch
        {
            null or DBNull => null,
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            string s => DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
