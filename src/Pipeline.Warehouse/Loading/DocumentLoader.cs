using Dapper;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Review;
using Pipeline.Core.Validation;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// Loads one <see cref="ExtractedDocument"/> into the star schema: dimensions, facts and lineage in one
/// transaction. The same bytes twice for a chamber change nothing (for another chamber they are that chamber's own
/// document, with its own row, facts and lineage); a new version of the same logical document (same chamber,
/// document type, years and reported period) supersedes the current one, whose facts stay as history — unless
/// <see cref="VersionGuard"/> finds it suspect: then it is stored with its facts and lineage but <em>held</em> (not
/// current, <c>review_status</c> 'held', the reasons kept) and the current version stays current until a decision
/// (<see cref="Review.VersionReview"/>). The bytes of the request's <see cref="LoadRequest.Source"/> are archived in the
/// same transaction (<see cref="SourceArchive.StoreAsync"/>); bytes already loaded for the chamber are not archived again.
/// </summary>
public sealed class DocumentLoader(SqlDialect dialect, TimeProvider? clock = null, SourceArchive? archive = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SourceArchive _archive = archive ?? SourceArchive.For(dialect, null, clock ?? TimeProvider.System);

    /// <summary>
    /// Test seam: called after each stage of a load inside the transaction ("document", "archive", "objectives",
    /// "kpi:N", "facts"). An exception thrown here aborts the load like any other failure.
    /// </summary>
    public Action<string>? AfterStep { get; init; }

    /// <summary>
    /// True when a document with these bytes is already loaded for <paramref name="chamberCode"/> (a code or name; the
    /// same bytes for another chamber are a new document of that chamber). Without a chamber, true when they are
    /// loaded for any: such a load resolves the chamber the document names, and a document naming one is never
    /// loaded for another (<see cref="DocumentKeys.ResolveChamber"/>), so its bytes are already loaded for it.
    /// </summary>
    public async Task<bool> IsLoadedAsync(string sha256, string? chamberCode = null, CancellationToken ct = default)
    {
        string? code = null;
        if (chamberCode is not null)
        {
            // an unknown chamber is not loaded: the load says why it cannot be
            if (Pipeline.Core.Chambers.ChamberResolver.Lookup(chamberCode) is not { } chamber) return false;
            code = chamber.Code;
        }
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE d.sha256 = @sha256 AND (@code IS NULL OR c.code = @code)
            """, new { sha256, code }, cancellationToken: ct)) > 0;
    }

    public async Task<LoadResult> LoadAsync(LoadRequest request, CancellationToken ct = default)
    {
        if (request.Source is { } archived && !string.Equals(archived.Sha256, request.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"the bytes to archive ({archived.Sha256}) are not those loaded ({request.Sha256})", nameof(request));
        var validation = DocumentValidator.Validate(request.Document);
        var document = validation.Accepted;
        var info = document.Document;

        // the archive's folder file is written before the write gate: the copy does not hold SQLite's one writer
        await _archive.PrepareAsync(request.Source, ct);
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = new LoadSession(connection, tx, dialect, ct);

        var chamber = DocumentKeys.ResolveChamber(info, request.ChamberCode);
        var chamberId = await session.ScalarAsync<long?>("SELECT chamber_id FROM dim_chamber WHERE code = @Code", new { chamber.Code })
            ?? throw new LoadException($"chamber {chamber.Code} is not in dim_chamber; run 'pipeline init' first");

        // the same bytes for the same chamber change nothing; for another chamber they are a document of that chamber
        var existing = await session.ScalarAsync<long?>(
            "SELECT document_id FROM dim_document WHERE sha256 = @sha AND chamber_id = @chamberId", new { sha = request.Sha256, chamberId });
        if (existing is { } existingId)
        {
            await tx.RollbackAsync(ct);
            return new LoadResult(LoadOutcome.Unchanged, existingId, chamber.Code, 0, 0, 0, 0, 0, 0, null, []);
        }

        var (cycleFrom, cycleTo) = DocumentKeys.PlanCycle(document);
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

        var reportedPeriod = DocumentKeys.ReportedPeriod(document);
        var docType = DocumentTypes.Parse(info.DocType).ToCode();
        var logicalKey = $"{chamber.Code}|{docType}|{cycleFrom}-{cycleTo}|{reportedPeriod}";
        var known = await KnownKpisAsync(session, planId);
        var conform = new KpiConform(known, docType,
            request.KpiMatches.Where(m => string.Equals(m.Chamber, chamber.Code, StringComparison.OrdinalIgnoreCase)
                                          && (m.PlanFrom is null || m.PlanFrom == cycleFrom) && (m.PlanTo is null || m.PlanTo == cycleTo)).ToList());
        var objectiveKeys = await ObjectiveKeys.ResolveAsync(session, planId, document.Objectives);
        var placements = KpiPlacement.Place(document.Kpis, KpiPlacement.ScopeKeys(document.Objectives, objectiveKeys), conform);

        // a new version that loses much of the current one, brings KPIs the plan does not have or new warnings is held
        var current = await CurrentVersion.ReadAsync(session, logicalKey, planId);
        var previous = current?.DocumentId;
        var candidate = new VersionCounts(document.Kpis.Count, document.Kpis.Sum(k => k.Targets.Count), document.Kpis.Sum(k => k.Actuals.Count), document.Warnings);
        var reasons = VersionGuard.Reasons(current?.Counts, candidate, current?.Unmatched(placements) ?? 0, request.Review);
        var held = reasons.Count > 0;
        if (previous is not null && !held)
            await session.ExecuteAsync("UPDATE dim_document SET is_current = FALSE WHERE document_id = @previous", new { previous });

        var documentId = await session.ScalarAsync<long>(
            """
            INSERT INTO dim_document (sha256, source_sha256, chamber_id, plan_id, file_name, file_path, format, family, doc_type,
                                      period_from, period_to, reported_period, logical_key, pages, supersedes_id, is_current, loaded_at, run_id,
                                      review_status, review_reasons, warnings)
            VALUES (@Sha256, @SourceSha256, @chamberId, @planId, @FileName, @FilePath, @Format, @Family, @docType,
                    @PeriodFrom, @PeriodTo, @reportedPeriod, @logicalKey, @Pages, @previous, @isCurrent, @loadedAt, @RunId,
                    @reviewStatus, @reviewReasons, @warnings)
            RETURNING document_id
            """,
            new
            {
                request.Sha256, request.SourceSha256, chamberId, planId,
                FileName = Path.GetFileName(request.FilePath), FilePath = request.FilePath,
                info.Format, info.Family, docType, info.PeriodFrom, info.PeriodTo, reportedPeriod, logicalKey, info.Pages,
                previous, isCurrent = !held, loadedAt = dialect.Timestamp(_clock.GetUtcNow()), request.RunId,
                reviewStatus = held ? "held" : null, reviewReasons = held ? string.Join("\n", reasons) : null,
                warnings = WarningLines.Join(document.Warnings),
            });
        if (previous is not null && !held)
            await session.ExecuteAsync("UPDATE dim_document SET superseded_by_id = @documentId WHERE document_id = @previous", new { documentId, previous });
        AfterStep?.Invoke("document");
        if (request.Source is { } source)
        {
            await _archive.StoreAsync(connection, tx, source, ct);
            AfterStep?.Invoke("archive");
        }

        var writer = new FactWriter(session, documentId, request, dialect, held);
        var objectiveIds = await writer.WriteObjectivesAsync(document.Objectives, objectiveKeys, planId, chamberId);
        AfterStep?.Invoke("objectives");

        var counts = new LoadCounts();
        var kpiNumber = 0;
        foreach (var placement in placements)
        {
            await writer.WriteKpiAsync(placement, planId, objectiveIds, reportedPeriod, info.PeriodTo, counts, conform);
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
            held ? LoadOutcome.Held : previous is null ? LoadOutcome.Loaded : LoadOutcome.Superseding, documentId, chamber.Code,
            objectiveIds.Count, counts.Kpis, counts.Targets, counts.Actuals, counts.Reported, validation.Quarantined.Count,
            held ? null : previous, document.Warnings) { HeldReasons = reasons, CurrentDocumentId = previous };
    }

    /// <summary>The KPIs of the plan before this document: what its KPIs are matched against.</summary>
    private static async Task<IReadOnlyList<KnownKpi>> KnownKpisAsync(LoadSession session, long planId) =>
        (await session.QueryAsync<KnownKpi>(
            "SELECT kpi_id AS Id, objective_id AS ObjectiveId, scope_key AS ScopeKey, kpi_key AS KpiKey, code AS Code, name AS Name FROM dim_kpi WHERE plan_id = @planId ORDER BY kpi_id",
            new { planId })).ToList();
}
