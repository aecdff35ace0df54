using Pipeline.Core.Extraction;
using Pipeline.Core.Identity;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Loading;

/// <summary>What one load wrote.</summary>
internal sealed class LoadCounts
{
    public int Kpis;
    public int Targets;
    public int Actuals;
    public int Reported;
}

/// <summary>
/// Writes the dimensions, facts and lineage of one document inside its load transaction. A version held for review
/// (<paramref name="held"/>) adds the objectives and KPIs the plan does not have but changes none it has: the current
/// version's tree and names stay as they are until the held version is accepted.
/// </summary>
internal sealed class FactWriter(LoadSession session, long documentId, LoadRequest request, SqlDialect dialect, bool held)
{
    // an objective or KPI the plan has: updated from the document, or (a held version) kept as it is
    private const string UpdateObjective =
        """
         code = COALESCE(excluded.code, dim_objective.code),
            title = CASE WHEN excluded.code IS NULL AND dim_objective.code IS NOT NULL THEN dim_objective.title ELSE excluded.title END,
            parent_objective_id = COALESCE(excluded.parent_objective_id, dim_objective.parent_objective_id),
            mission = COALESCE(excluded.mission, dim_objective.mission),
            programme = COALESCE(excluded.programme, dim_objective.programme)
        """;
    private const string KeepObjective = " level = dim_objective.level";
    private const string UpdateKpi =
        """
         objective_id = excluded.objective_id,
            code = COALESCE(excluded.code, dim_kpi.code), name = excluded.name,
            kpi_type = COALESCE(excluded.kpi_type, dim_kpi.kpi_type),
            algorithm = COALESCE(excluded.algorithm, dim_kpi.algorithm),
            unit = COALESCE(excluded.unit, dim_kpi.unit),
            source_system = COALESCE(excluded.source_system, dim_kpi.source_system),
            frequency = COALESCE(excluded.frequency, dim_kpi.frequency)
        """;
    private const string KeepKpi = " kpi_key = dim_kpi.kpi_key";

    private readonly Dictionary<string, long> _periods = new(StringComparer.Ordinal);
    private readonly HashSet<long> _writtenObjectives = [];

    public async Task<Dictionary<string, long>> WriteObjectivesAsync(
        IReadOnlyList<ExtractedObjective> objectives, IReadOnlyDictionary<string, string> objectiveKeys, long planId, long chamberId)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var byId = objectives.ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var objective in TopologicalOrder(objectives, byId))
        {
            var level = ObjectiveLevels.Parse(objective.Level).ToCode();
            var key = objectiveKeys[objective.Id];
            long? parentId = objective.Parent is { } parent && ids.TryGetValue(parent, out var pid) ? pid : null;
            var objectiveId = await session.ScalarAsync<long>(
                """
                INSERT INTO dim_objective (plan_id, level, objective_key, code, title, parent_objective_id, mission, programme)
                VALUES (@planId, @level, @key, @Code, @Title, @parentId, @Mission, @Programme)
                ON CONFLICT (plan_id, level, objective_key) DO UPDATE SET
                """ + (held ? KeepObjective : UpdateObjective) + " RETURNING objective_id",
                new { planId, level, key, Code = Trimmed(objective.Code), Title = TextKey.Clean(objective.Title), parentId, objective.Mission, objective.Programme });
            ids[objective.Id] = objectiveId;
            if (!_writtenObjectives.Add(objectiveId)) continue; // the same objective printed twice in one document

            foreach (var unit in objective.OrgUnits.Select(TextKey.Clean).Where(u => u.Length > 0).Distinct())
            {
                await session.ExecuteAsync(
                    "INSERT INTO dim_org_unit (chamber_id, name) VALUES (@chamberId, @unit) ON CONFLICT (chamber_id, name) DO NOTHING",
                    new { chamberId, unit });
            }
            var lineageId = await LineageAsync("objective", objective.Source, objective.Title, null);
            await session.ExecuteAsync(
                """
                INSERT INTO doc_objective (document_id, objective_id, weight, org_units, lineage_id)
                VALUES (@documentId, @objectiveId, @weight, @orgUnits, @lineageId)
                """,
                new { documentId, objectiveId, weight = dialect.Number(objective.Weight), orgUnits = OrgUnits(objective), lineageId });
        }
        return ids;
    }

    public async Task WriteKpiAsync(
        KpiPlacement placement, long planId, Dictionary<string, long> objectiveIds, string reportedPeriod, int? documentYear, LoadCounts counts, KpiConform conform)
    {
        var kpi = placement.Kpi;
        long? objectiveId = kpi.Objective is { } o && objectiveIds.TryGetValue(o, out var oid) ? oid : null;
        if (placement.FromMatch && placement.Match.Kind == KpiMatchKind.Manual) objectiveId = placement.Matched!.ObjectiveId;
        var (scopeKey, kpiKey, name, match) = (placement.ScopeKey, placement.KpiKey, placement.Name, placement.Match);
        var kpiId = await session.ScalarAsync<long>(
            """
            INSERT INTO dim_kpi (plan_id, objective_id, scope_key, kpi_key, code, name, kpi_type, algorithm, unit, source_system, frequency)
            VALUES (@planId, @objectiveId, @scopeKey, @kpiKey, @Code, @Name, @KpiType, @Algorithm, @Unit, @SourceSystem, @Frequency)
            ON CONFLICT (plan_id, scope_key, kpi_key) DO UPDATE SET
            """ + (held ? KeepKpi : UpdateKpi) + " RETURNING kpi_id",
            new
            {
                planId, objectiveId, scopeKey, kpiKey, Code = Trimmed(kpi.Code), Name = name,
                kpi.KpiType, kpi.Algorithm, kpi.Unit, kpi.SourceSystem, kpi.Frequency,
            });
        counts.Kpis++;
        if (conform.Record(match, placement.Taken) is { } kind)
            await session.ExecuteAsync(
                """
                INSERT INTO conform_match (document_id, kpi_id, candidate_kpi_id, kind, score, name, code)
                VALUES (@documentId, @kpiId, @candidate, @kind, @score, @name, @code)
                """,
                new
                {
                    documentId, kpiId, candidate = kind is "uncertain" or "unmatched" ? match.Candidate?.Id : null, kind,
                    score = match.Candidate is null ? null : dialect.Number((decimal)Math.Round(match.Score, 4)), name = TextKey.Clean(kpi.Name), code = Trimmed(kpi.Code),
                });

        var kpiLineage = await LineageAsync("kpi", kpi.Source, kpi.Name, null);
        await session.ExecuteAsync(
            """
            INSERT INTO doc_kpi (document_id, kpi_id, weight, unit, kpi_type, algorithm, source_system, responsible, baseline_raw, baseline_value, lineage_id)
            VALUES (@documentId, @kpiId, @weight, @Unit, @KpiType, @Algorithm, @SourceSystem, @Responsible, @baselineRaw, @baselineValue, @kpiLineage)
            """,
            new
            {
                documentId, kpiId, weight = dialect.Number(kpi.Weight), kpi.Unit, kpi.KpiType, kpi.Algorithm, kpi.SourceSystem,
                kpi.Responsible, baselineRaw = kpi.Baseline?.Raw, baselineValue = dialect.Number(kpi.Baseline?.Value), kpiLineage,
            });

        foreach (var target in kpi.Targets)
        {
            var periodId = await PeriodAsync(target.Period);
            var lineageId = await LineageAsync("target", target.Source ?? kpi.Source, target.Raw, null);
            var value = target.Value;
            await session.ExecuteAsync(
                """
                INSERT INTO fact_kpi_target (document_id, kpi_id, period_id, operator, value_num, value_flag, value_date, unit, raw, weight, lineage_id)
                VALUES (@documentId, @kpiId, @periodId, @op, @num, @Flag, @date, @unit, @Raw, @weight, @lineageId)
                """,
                new
                {
                    documentId, kpiId, periodId, op = value.Operator.ToSymbol(), num = dialect.Number(value.Number), value.Flag,
                    date = value.Date is { } d ? dialect.Date(d) : null, unit = value.Unit ?? kpi.Unit, value.Raw,
                    weight = dialect.Number(target.Weight), lineageId,
                });
            counts.Targets++;
        }

        foreach (var actual in kpi.Actuals)
        {
            var periodId = await PeriodAsync(actual.Period);
            var lineageId = await LineageAsync("actual", actual.Source ?? kpi.Source, actual.Raw, null);
            await session.ExecuteAsync(
                """
                INSERT INTO fact_kpi_measurement (document_id, kpi_id, period_id, value_num, value_flag, value_date, raw, lineage_id)
                VALUES (@documentId, @kpiId, @periodId, @num, @Flag, @date, @Raw, @lineageId)
                """,
                new
                {
                    documentId, kpiId, periodId, num = dialect.Number(actual.Value), actual.Flag,
                    date = actual.Date is { } d ? dialect.Date(d) : null, actual.Raw, lineageId,
                });
            counts.Actuals++;
        }

        if (kpi.ReportedAchievement is { } achievement && ReportPeriod(reportedPeriod, documentYear) is { } period)
        {
            var periodId = await PeriodAsync(period);
            var lineageId = await LineageAsync("reported", kpi.Source, achievement.ToString(System.Globalization.CultureInfo.InvariantCulture), "achievement printed for the KPI");
            await session.ExecuteAsync(
                """
                INSERT INTO fact_kpi_achievement (document_id, kpi_id, period_id, basis, achievement, status, lineage_id)
                VALUES (@documentId, @kpiId, @periodId, 'reported', @value, 'reported', @lineageId)
                """,
                new { documentId, kpiId, periodId, value = dialect.Number(achievement), lineageId });
            counts.Reported++;
        }
    }

    public async Task<int> WriteObjectiveAchievementsAsync(
        IReadOnlyList<ExtractedObjective> objectives, Dictionary<string, long> objectiveIds, string reportedPeriod, int? documentYear)
    {
        var written = 0;
        if (ReportPeriod(reportedPeriod, documentYear) is not { } period) return 0;
        foreach (var objective in objectives.Where(o => o.ReportedAchievement is not null))
        {
            var periodId = await PeriodAsync(period);
            var lineageId = await LineageAsync("reported", objective.Source,
                objective.ReportedAchievement!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "achievement printed for the objective");
            await session.ExecuteAsync(
                """
                INSERT INTO fact_objective_achievement (document_id, objective_id, period_id, basis, achievement, status, lineage_id)
                VALUES (@documentId, @objectiveId, @periodId, 'reported', @value, 'reported', @lineageId)
                """,
                new { documentId, objectiveId = objectiveIds[objective.Id], periodId, value = dialect.Number(objective.ReportedAchievement), lineageId });
            written++;
        }
        return written;
    }

    private static string? ReportPeriod(string reportedPeriod, int? documentYear) =>
        reportedPeriod.Length > 0 ? reportedPeriod : documentYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> PeriodAsync(string code)
    {
        if (_periods.TryGetValue(code, out var cached)) return cached;
        var id = await PeriodRows.IdAsync(dialect, Period.Parse(code), (sql, args) => session.ScalarAsync<long?>(sql, args), session.CancellationToken);
        _periods[code] = id;
        return id;
    }

    private Task<long> LineageAsync(string field, SourceRef? source, string? raw, string? detail)
    {
        var kind = source switch
        {
            { Sheet: not null } => "cell",
            { Page: not null } => "page",
            { Row: not null } => "rows",
            _ => "none",
        };
        var bbox = source?.Bbox is { Count: 4 } b
            ? string.Join(",", b.Select(v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        var via = request.SourceSha256 is null ? null : $"via reviewed extraction {Path.GetFileName(request.FilePath)} of document sha256 {request.SourceSha256}";
        return session.ScalarAsync<long>(
            """
            INSERT INTO lineage (document_id, field, kind, page, bbox, sheet, cell, row_from, row_to, raw_text, detail)
            VALUES (@documentId, @field, @kind, @Page, @bbox, @Sheet, @Cell, @Row, @RowTo, @raw, @detail)
            RETURNING lineage_id
            """,
            new
            {
                documentId, field, kind, source?.Page, bbox, source?.Sheet, source?.Cell, source?.Row,
                RowTo = source?.RowTo, raw, detail = Join(detail, via),
            });
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private static string? Trimmed(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    private static string? OrgUnits(ExtractedObjective objective) =>
        objective.OrgUnits.Count == 0 ? null : string.Join(" | ", objective.OrgUnits.Select(TextKey.Clean));

    private static IEnumerable<ExtractedObjective> TopologicalOrder(
        IReadOnlyList<ExtractedObjective> objectives, Dictionary<string, ExtractedObjective> byId)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ExtractedObjective>();
        void Visit(ExtractedObjective objective)
        {
            if (!done.Add(objective.Id)) return;
            if (objective.Parent is { } parent && byId.TryGetValue(parent, out var p)) Visit(p);
            ordered.Add(objective);
        }
        foreach (var objective in objectives) Visit(objective);
        return ordered;
    }
}
