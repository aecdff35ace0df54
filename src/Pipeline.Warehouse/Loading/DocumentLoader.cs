using System.Data.Common;
using Dapper;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Identity;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Validation;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// Loads one <see cref="ExtractedDocument"/> into the star schema: dimensions, facts and lineage in one
/// transaction. The same bytes twice change nothing; a new version of the same logical document (same chamber,
/// document type, years and reported period) supersedes the current one, whose facts stay as history.
/// </summary>
public sealed class DocumentLoader(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Test seam: called after each stage of a load inside the transaction ("document", "objectives",
    /// "kpi:N", "facts"). An exception thrown here aborts the load like any other failure.
    /// </summary>
    public Action<string>? AfterStep { get; init; }

    /// <summary>True when a document with these bytes is already in the warehouse.</summary>
    public async Task<bool> IsLoadedAsync(string sha256, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dim_document WHERE sha256 = @sha256", new { sha256 }, cancellationToken: ct)) > 0;
    }

    public async Task<LoadResult> LoadAsync(LoadRequest request, CancellationToken ct = default)
    {
        var validation = DocumentValidator.Validate(request.Document);
        var document = validation.Accepted;
        var info = document.Document;

        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = new Session(connection, tx, dialect, ct);

        var existing = await session.ScalarAsync<long?>("SELECT document_id FROM dim_document WHERE sha256 = @sha", new { sha = request.Sha256 });
        if (existing is { } existingId)
        {
            await tx.RollbackAsync(ct);
            var code = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT c.code FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id WHERE d.document_id = @existingId",
                new { existingId }, cancellationToken: ct));
            return new LoadResult(LoadOutcome.Unchanged, existingId, code ?? "", 0, 0, 0, 0, 0, 0, null, []);
        }

        var chamber = ResolveChamber(info, request.ChamberCode);
        var chamberId = await session.ScalarAsync<long?>("SELECT chamber_id FROM dim_chamber WHERE code = @Code", new { chamber.Code })
            ?? throw new LoadException($"chamber {chamber.Code} is not in dim_chamber; run 'pipeline init' first");

        var (cycleFrom, cycleTo) = PlanCycle(document);
        // Conform: a document of one year (a Relazione 2021) reports on the plan whose cycle holds that year; when
        // plans overlap (rolling cycles), the one that starts latest, i.e. the plan adopted for that year.
        var planId = (cycleFrom == cycleTo
                ? await session.ScalarAsync<long?>(
                    """
                    SELECT plan_id FROM dim_plan
                    WHERE chamber_id = @chamberId AND cycle_from <= @cycleFrom AND cycle_to >= @cycleFrom AND cycle_to > cycle_from
                    ORDER BY cycle_from DESC, cycle_to DESC LIMIT 1
                    """, new { chamberId, cycleFrom })
                : null)
            ?? await session.ScalarAsync<long>(
                """
                INSERT INTO dim_plan (chamber_id, cycle_from, cycle_to) VALUES (@chamberId, @cycleFrom, @cycleTo)
                ON CONFLICT (chamber_id, cycle_from, cycle_to) DO UPDATE SET cycle_to = excluded.cycle_to
                RETURNING plan_id
                """, new { chamberId, cycleFrom, cycleTo });

        var reportedPeriod = ReportedPeriod(document);
        var docType = DocumentTypes.Parse(info.DocType).ToCode();
        var logicalKey = $"{chamber.Code}|{docType}|{cycleFrom}-{cycleTo}|{reportedPeriod}";
        var previous = await session.ScalarAsync<long?>(
            "SELECT document_id FROM dim_document WHERE logical_key = @logicalKey AND is_current", new { logicalKey });
        if (previous is not null)
            await session.ExecuteAsync("UPDATE dim_document SET is_current = FALSE WHERE document_id = @previous", new { previous });

        var documentId = await session.ScalarAsync<long>(
            """
            INSERT INTO dim_document (sha256, source_sha256, chamber_id, plan_id, file_name, file_path, format, family, doc_type,
                                      period_from, period_to, reported_period, logical_key, pages, supersedes_id, is_current, loaded_at, run_id)
            VALUES (@Sha256, @SourceSha256, @chamberId, @planId, @FileName, @FilePath, @Format, @Family, @docType,
                    @PeriodFrom, @PeriodTo, @reportedPeriod, @logicalKey, @Pages, @previous, TRUE, @loadedAt, @RunId)
            RETURNING document_id
            """,
            new
            {
                request.Sha256, request.SourceSha256, chamberId, planId,
                FileName = Path.GetFileName(request.FilePath), FilePath = request.FilePath,
                info.Format, info.Family, docType, info.PeriodFrom, info.PeriodTo, reportedPeriod, logicalKey, info.Pages,
                previous, loadedAt = dialect.Timestamp(_clock.GetUtcNow()), request.RunId,
            });
        if (previous is not null)
            await session.ExecuteAsync("UPDATE dim_document SET superseded_by_id = @documentId WHERE document_id = @previous", new { documentId, previous });
        AfterStep?.Invoke("document");

        var writer = new FactWriter(session, documentId, request, dialect);
        var objectiveIds = await writer.WriteObjectivesAsync(document.Objectives, planId, chamberId);
        AfterStep?.Invoke("objectives");

        var counts = new Counts();
        var kpiNumber = 0;
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        var conform = new Conform(await writer.KnownKpisAsync(planId), docType,
            request.KpiMatches.Where(m => string.Equals(m.Chamber, chamber.Code, StringComparison.OrdinalIgnoreCase)
                                          && (m.PlanFrom is null || m.PlanFrom == cycleFrom) && (m.PlanTo is null || m.PlanTo == cycleTo)).ToList());
        foreach (var kpi in document.Kpis)
        {
            await writer.WriteKpiAsync(kpi, planId, objectiveIds, reportedPeriod, info.PeriodTo, usedKeys, counts, conform);
            AfterStep?.Invoke($"kpi:{++kpiNumber}");
        }
        counts.Reported += await writer.WriteObjectiveAchievementsAsync(document.Objectives, objectiveIds, reportedPeriod, info.PeriodTo);

        foreach (var record in validation.Quarantined)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO quarantine (run_id, document_id, file_path, location, record_kind, reason, raw, created_at)
                VALUES (@RunId, @documentId, @FilePath, @Location, @Kind, @Reason, @Raw, @at)
                """,
                new { request.RunId, documentId, request.FilePath, record.Location, record.Kind, record.Reason, record.Raw, at = dialect.Timestamp(_clock.GetUtcNow()) });
        }
        AfterStep?.Invoke("facts");
        await tx.CommitAsync(ct);

        return new LoadResult(
            previous is null ? LoadOutcome.Loaded : LoadOutcome.Superseding, documentId, chamber.Code,
            objectiveIds.Count, counts.Kpis, counts.Targets, counts.Actuals, counts.Reported, validation.Quarantined.Count,
            previous, document.Warnings);
    }

    private static ChamberInfo ResolveChamber(DocumentInfo info, string? chamberCode)
    {
        var named = string.IsNullOrWhiteSpace(info.Chamber)
            ? null
            : ChamberResolver.Lookup(info.Chamber) ?? ChamberResolver.FindInText(info.Chamber);
        if (chamberCode is null)
        {
            return named ?? throw new LoadException(info.Chamber is null
                ? "the document does not name its chamber; pass --chamber CODE"
                : $"chamber '{info.Chamber}' named by the document is not a known chamber of commerce; pass --chamber CODE");
        }
        var given = ChamberResolver.Lookup(chamberCode)
            ?? throw new LoadException($"--chamber '{chamberCode}' is not a known chamber code or name");
        if (named is not null && named.Code != given.Code)
            throw new LoadException($"the document names chamber {named.Name} ({named.Code}) but --chamber says {given.Code}");
        return given;
    }

    private static (int From, int To) PlanCycle(ExtractedDocument document)
    {
        var info = document.Document;
        if (info.PeriodFrom is { } from && info.PeriodTo is { } to) return (Math.Min(from, to), Math.Max(from, to));
        var years = document.Kpis.SelectMany(k => k.Targets.Select(t => t.Period).Concat(k.Actuals.Select(a => a.Period)))
            .Select(p => Period.TryParse(p, out var period) ? period!.Year : (int?)null)
            .OfType<int>()
            .ToList();
        if (info.PeriodFrom is { } onlyFrom) years.Add(onlyFrom);
        if (info.PeriodTo is { } onlyTo) years.Add(onlyTo);
        if (years.Count == 0)
            throw new LoadException("the document states no years (period_from/period_to) and none of its values has a period");
        return (years.Min(), years.Max());
    }

    /// <summary>The latest period the document reports actuals for ("" for a plan with no actuals).</summary>
    private static string ReportedPeriod(ExtractedDocument document) =>
        document.Kpis.SelectMany(k => k.Actuals)
            .Select(a => Period.TryParse(a.Period, out var p) ? p : null)
            .OfType<Period>()
            .OrderBy(p => p.End).ThenBy(p => p.End.DayNumber - p.Start.DayNumber)
            .LastOrDefault()?.Code ?? "";

    private sealed class Counts
    {
        public int Kpis;
        public int Targets;
        public int Actuals;
        public int Reported;
    }

    /// <summary>The open connection and transaction of one load.</summary>
    private sealed class Session(DbConnection connection, DbTransaction tx, SqlDialect dialect, CancellationToken ct)
    {
        public SqlDialect Dialect => dialect;

        public CancellationToken CancellationToken => ct;

        public Task<T?> ScalarAsync<T>(string sql, object? args) =>
            connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));

        public Task<int> ExecuteAsync(string sql, object? args) =>
            connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

        public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args) =>
            connection.QueryAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }

    /// <summary>A KPI of the plan as it was before the document being loaded.</summary>
    private sealed record KnownKpi(long Id, long? ObjectiveId, string ScopeKey, string KpiKey, string? Code, string Name);

    /// <summary>
    /// KPI identity for one document (<see cref="KpiIdentity"/>): each of its KPIs against the plan's KPIs under the
    /// same objective, a manual match first; which outcomes are recorded in <c>conform_match</c>.
    /// </summary>
    private sealed class Conform(IReadOnlyList<KnownKpi> known, string docType, IReadOnlyList<KpiManualMatch> manual)
    {
        public IReadOnlyList<KnownKpi> Known { get; } = known;

        public KpiMatch Match(ExtractedKpi kpi, string scopeKey)
        {
            var key = KpiIdentity.Key(kpi.Name);
            KpiCandidate? chosen = null;
            if (manual.FirstOrDefault(m => KpiIdentity.Key(m.Name) == key) is { } m)
            {
                var target = Known.FirstOrDefault(k => k.Code is not null && string.Equals(k.Code.Trim(), m.Kpi.Trim(), StringComparison.OrdinalIgnoreCase))
                             ?? Known.FirstOrDefault(k => KpiIdentity.Key(k.Name) == KpiIdentity.Key(m.Kpi));
                if (target is not null) chosen = new KpiCandidate(target.Id, target.Code, target.Name);
            }
            var candidates = Known.Where(k => k.ScopeKey == scopeKey).Select(k => new KpiCandidate(k.Id, k.Code, k.Name)).ToList();
            return KpiIdentity.Match(kpi.Code, kpi.Name, candidates, chosen);
        }

        /// <summary>What is worth recording: a manual or similar match taken, an uncertain one, a report's KPI no plan defines.</summary>
        public string? Record(KpiMatch match, bool taken) => match.Kind switch
        {
            KpiMatchKind.Manual when taken => "manual",
            KpiMatchKind.Similar when taken => "similar",
            KpiMatchKind.Uncertain => "uncertain",
            KpiMatchKind.None when docType != "piano" => "unmatched",
            _ => null,
        };
    }

    /// <summary>Writes the dimensions, facts and lineage of one document inside its load transaction.</summary>
    private sealed class FactWriter(Session session, long documentId, LoadRequest request, SqlDialect dialect)
    {
        private readonly Dictionary<string, long> _periods = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _scopeKeys = new(StringComparer.Ordinal);
        private readonly HashSet<long> _writtenObjectives = [];

        public async Task<Dictionary<string, long>> WriteObjectivesAsync(IReadOnlyList<ExtractedObjective> objectives, long planId, long chamberId)
        {
            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            var byId = objectives.ToDictionary(o => o.Id, StringComparer.Ordinal);
            var keys = new ObjectiveKeys((await session.QueryAsync<ObjectiveKeys.Known>(ObjectiveKeys.Sql, new { planId })).ToList());
            foreach (var objective in TopologicalOrder(objectives, byId))
            {
                var level = ObjectiveLevels.Parse(objective.Level).ToCode();
                var key = keys.KeyOf(objective, level);
                _scopeKeys[objective.Id] = $"{level}:{key}";
                long? parentId = objective.Parent is { } parent && ids.TryGetValue(parent, out var pid) ? pid : null;
                var objectiveId = await session.ScalarAsync<long>(
                    """
                    INSERT INTO dim_objective (plan_id, level, objective_key, code, title, parent_objective_id, mission, programme)
                    VALUES (@planId, @level, @key, @Code, @Title, @parentId, @Mission, @Programme)
                    ON CONFLICT (plan_id, level, objective_key) DO UPDATE SET
                        code = COALESCE(excluded.code, dim_objective.code),
                        title = CASE WHEN excluded.code IS NULL AND dim_objective.code IS NOT NULL THEN dim_objective.title ELSE excluded.title END,
                        parent_objective_id = COALESCE(excluded.parent_objective_id, dim_objective.parent_objective_id),
                        mission = COALESCE(excluded.mission, dim_objective.mission),
                        programme = COALESCE(excluded.programme, dim_objective.programme)
                    RETURNING objective_id
                    """,
                    new { planId, level, key, Code = Trimmed(objective.Code), Title = TextKey.Clean(objective.Title), parentId, objective.Mission, objective.Programme });
                ids[objective.Id] = objectiveId;
                keys.Stored(objective, objectiveId, level, key);
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

        /// <summary>The KPIs of the plan before this document: what its KPIs are matched against.</summary>
        public async Task<IReadOnlyList<KnownKpi>> KnownKpisAsync(long planId) =>
            (await session.QueryAsync<KnownKpi>(
                "SELECT kpi_id AS Id, objective_id AS ObjectiveId, scope_key AS ScopeKey, kpi_key AS KpiKey, code AS Code, name AS Name FROM dim_kpi WHERE plan_id = @planId ORDER BY kpi_id",
                new { planId })).ToList();

        public async Task WriteKpiAsync(
            ExtractedKpi kpi, long planId, Dictionary<string, long> objectiveIds, string reportedPeriod, int? documentYear,
            HashSet<string> usedKeys, Counts counts, Conform conform)
        {
            long? objectiveId = kpi.Objective is { } o && objectiveIds.TryGetValue(o, out var oid) ? oid : null;
            var scopeKey = kpi.Objective is { } s && _scopeKeys.TryGetValue(s, out var sk) ? sk : "";
            var kpiKey = TextKey.Normalize(kpi.Name);
            var name = TextKey.Clean(kpi.Name);
            // KPI identity: the same KPI as one already in the plan, by manual match, code, name or a similar name
            var match = conform.Match(kpi, scopeKey);
            var matched = match.IsMatch ? conform.Known.First(k => k.Id == match.Candidate!.Id) : null;
            if (matched is not null && usedKeys.Add($"{matched.ScopeKey}#{matched.KpiKey}"))
            {
                (scopeKey, kpiKey, name) = (matched.ScopeKey, matched.KpiKey, matched.Name);
                objectiveId = match.Kind == KpiMatchKind.Manual ? matched.ObjectiveId : objectiveId;
            }
            else if (!usedKeys.Add($"{scopeKey}#{kpiKey}"))
            {
                // Two KPIs with the same name under one objective, told apart by their codes (or, failing that,
                // by their order in the document).
                var baseKey = $"{kpiKey}#{TextKey.Normalize(kpi.Code)}";
                kpiKey = baseKey;
                for (var n = 2; !usedKeys.Add($"{scopeKey}#{kpiKey}"); n++) kpiKey = $"{baseKey}#{n}";
            }
            var kpiId = await session.ScalarAsync<long>(
                """
                INSERT INTO dim_kpi (plan_id, objective_id, scope_key, kpi_key, code, name, kpi_type, algorithm, unit, source_system, frequency)
                VALUES (@planId, @objectiveId, @scopeKey, @kpiKey, @Code, @Name, @KpiType, @Algorithm, @Unit, @SourceSystem, @Frequency)
                ON CONFLICT (plan_id, scope_key, kpi_key) DO UPDATE SET
                    objective_id = excluded.objective_id,
                    code = COALESCE(excluded.code, dim_kpi.code), name = excluded.name,
                    kpi_type = COALESCE(excluded.kpi_type, dim_kpi.kpi_type),
                    algorithm = COALESCE(excluded.algorithm, dim_kpi.algorithm),
                    unit = COALESCE(excluded.unit, dim_kpi.unit),
                    source_system = COALESCE(excluded.source_system, dim_kpi.source_system),
                    frequency = COALESCE(excluded.frequency, dim_kpi.frequency)
                RETURNING kpi_id
                """,
                new
                {
                    planId, objectiveId, scopeKey, kpiKey, Code = Trimmed(kpi.Code), Name = name,
                    kpi.KpiType, kpi.Algorithm, kpi.Unit, kpi.SourceSystem, kpi.Frequency,
                });
            counts.Kpis++;
            if (conform.Record(match, matched is not null && kpiKey == matched.KpiKey) is { } kind)
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
}
