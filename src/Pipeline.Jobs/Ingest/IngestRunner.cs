using Pipeline.Jobs.Indicators;
using Pipeline.Warehouse.Indicators;
using System.Diagnostics;
using Pipeline.Core.Review;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Feeds;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Runs;
using Serilog;

namespace Pipeline.Jobs.Ingest;

public enum FileStatus
{
    New,
    Superseding,
    /// <summary>A suspect new version, stored but not current until reviewed (<see cref="LoadResult.HeldReasons"/>).</summary>
    Held,
    Unchanged,
    Failed,
}

/// <summary>What happened to one input file; <see cref="Feed"/> is set for a registry feed.</summary>
public sealed record FileOutcome(string Path, FileStatus Status, LoadResult? Load, string? Error)
{
    public FeedIngestResult? Feed { get; init; }
}

public sealed record IngestSummary(long RunId, string Status, IReadOnlyList<FileOutcome> Files, TimeSpan Duration)
{
    /// <summary>What the folder scan left out (links not followed, hidden files, unknown kinds), each with its reason.</summary>
    public IReadOnlyList<SkippedPath> Skipped { get; init; } = [];

    /// <summary>The superseded feeds whose staged rows the run removed after the retention (none when nothing was due).</summary>
    public StagedRowsPurgeResult? Purged { get; init; }

    /// <summary>The orphan files of the archive's folder the run removed (loads rolled back over an hour ago).</summary>
    public OrphansRemoved ArchiveOrphans { get; init; } = OrphansRemoved.None;

    public int Count(FileStatus status) => Files.Count(f => f.Status == status);

    /// <summary>", 2 held" when versions were held for review, "" otherwise (for the run's summary line).</summary>
    public string HeldNote => Count(FileStatus.Held) is > 0 and var n ? $", {n} held" : "";
    public int FactsWritten => Files.Sum(f => f.Load?.FactsWritten ?? 0);
    public int Quarantined => Files.Sum(f => f.Load?.Quarantined ?? 0);

    /// <summary>The counts recorded on the run's <c>etl_run</c> row.</summary>
    public EtlRunCounts Counts => new(Files.Count, Count(FileStatus.New), Count(FileStatus.Superseding), Count(FileStatus.Unchanged),
        Count(FileStatus.Failed), FactsWritten, Quarantined);
}

/// <summary>Progress of a run: the number of files, then each file as it is done.</summary>
public interface IIngestProgress
{
    void Started(int files);
    void FileStarting(string path);
    void FileDone(FileOutcome outcome);
}

/// <summary>
/// Extracts and loads a set of files or folders as one recorded run (<c>etl_run</c>). Each file is its own unit:
/// a file that cannot be read or loaded fails alone with a one-line reason, the others go on, and nothing already
/// loaded is touched. Files whose bytes are already loaded for the chamber are skipped without being extracted again.
/// Every file loaded is archived with its load (<see cref="Archive"/>, default the warehouse's own: docs/operations.md
/// "Archive"). After the files, the staged rows of feeds superseded longer ago than <see cref="StagedRowsRetention"/>
/// are removed, and so are the archive folder's orphans (<see cref="SourceArchive.RemoveOrphansAsync"/>).
/// </summary>
public sealed class IngestRunner(SqlDialect dialect, DocumentExtractors extractors, ILogger logger, TimeProvider? clock = null, SourceArchive? archive = null)
{
    private readonly EtlRunStore _runs = new(dialect, clock);

    /// <summary>Where the files loaded are archived (the feeds' own loader archives in <see cref="Feeds"/>' archive).</summary>
    public SourceArchive Archive { get; } = archive ?? SourceArchive.For(dialect, null, clock ?? TimeProvider.System);

    /// <summary>Test seam: the loader used for each file (e.g. one that injects a failure mid-load).</summary>
    public DocumentLoader Loader { get; init; } = new(dialect, clock, archive);

    /// <summary>Manual KPI matches (config/kpi-matches.json), handed to every document load.</summary>
    public IReadOnlyList<KpiManualMatch> KpiMatches { get; init; } = [];

    /// <summary>When a new version of a document is held for review instead of superseding (config/review.json).</summary>
    public ReviewThresholds Review { get; init; } = ReviewThresholds.Default;

    /// <summary>Registry feeds (.csv, .tsv, .txt); without it such a file fails as an unsupported type.</summary>
    public FeedIngestor? Feeds { get; init; }

    /// <summary>How long the staged rows of a superseded feed are kept (config/retention.json); removed at the end of a run.</summary>
    public TimeSpan StagedRowsRetention { get; init; } = StagedRowsPurge.DefaultRetention;

    /// <summary>The union's indicators and link decisions (config/indicators.json); KPIs are linked at the end of a run.</summary>
    public IndicatorSettings Indicators { get; init; } = IndicatorSettings.None;

    private readonly StagedRowsPurge _purge = new(dialect, clock);
    private readonly IndicatorLinkStep _indicators = new(dialect);

    public async Task<IngestSummary> RunAsync(
        IReadOnlyList<string> paths, string? chamberCode, IIngestProgress? progress = null, string kind = "ingest",
        EtlRunOrigin? origin = null, bool keepOpen = false, CancellationToken ct = default)
    {
        var clockStart = Stopwatch.StartNew();
        var (found, missing, skipped) = FileDiscovery.Expand(paths, feeds: Feeds is not null);
        // feeds last: their metrics measure KPIs that the plans and reports of the same run define
        var files = found.Where(f => Feeds is null || !FeedReader.LooksLikeFeed(f)).Concat(found.Where(f => Feeds is not null && FeedReader.LooksLikeFeed(f))).ToList();
        var runId = await _runs.StartAsync(kind, chamberCode, origin, ct);
        var log = logger.ForContext("RunId", runId);
        log.Information("Run {RunId} ({Kind}) started: {Files} files on {Warehouse}", runId, kind, files.Count, dialect.Describe());
        foreach (var skip in skipped) log.Warning("{Path}: skipped, {Reason}", skip.Path, skip.Reason);
        progress?.Started(files.Count + missing.Count);

        var outcomes = new List<FileOutcome>();
        foreach (var path in missing)
        {
            var outcome = new FileOutcome(path, FileStatus.Failed, null, $"{path}: no such file or folder");
            outcomes.Add(outcome);
            await _runs.RecordFailedFileAsync(runId, path, "no such file or folder", ct);
            log.Error("{Document}: {Reason}", path, "no such file or folder");
            progress?.FileDone(outcome);
        }

        string status;
        string? error = null;
        try
        {
            foreach (var path in files)
            {
                ct.ThrowIfCancellationRequested();
                progress?.FileStarting(path);
                var outcome = await IngestFileAsync(path, chamberCode, runId, log, ct);
                outcomes.Add(outcome);
                progress?.FileDone(outcome);
            }
            var failed = outcomes.Count(o => o.Status == FileStatus.Failed);
            status = failed == 0 ? "succeeded" : failed == outcomes.Count ? "failed" : "partial";
        }
        catch (OperationCanceledException)
        {
            status = "interrupted";
            error = "cancelled before all files were processed";
            log.Warning("Run {RunId} interrupted after {Done} of {Total} files", runId, outcomes.Count, files.Count + missing.Count);
        }

        if (status != "interrupted") await LinkIndicatorsAsync(log);
        var purged = status == "interrupted" ? null : await PurgeAsync(chamberCode, log);
        var orphans = status == "interrupted" ? OrphansRemoved.None : await RemoveArchiveOrphansAsync(log);
        var summary = new IngestSummary(runId, status, outcomes, clockStart.Elapsed) { Skipped = skipped, Purged = purged, ArchiveOrphans = orphans };
        // a run that goes on after its files (keepOpen: the nightly run computes and alerts next) is finished by its caller
        if (keepOpen && status != "interrupted") await _runs.UpdateCountsAsync(runId, summary.Counts, CancellationToken.None);
        else await _runs.FinishAsync(runId, status, summary.Counts, error, CancellationToken.None);
        log.Information("Run {RunId} {Status}: {New} new, {Superseding} superseding, {Held} held, {Unchanged} unchanged, {Failed} failed, {Facts} facts, {Quarantined} quarantined in {Seconds:0.0}s",
            runId, status, summary.Count(FileStatus.New), summary.Count(FileStatus.Superseding), summary.Count(FileStatus.Held), summary.Count(FileStatus.Unchanged),
            summary.Count(FileStatus.Failed), summary.FactsWritten, summary.Quarantined, summary.Duration.TotalSeconds);
        return summary;
    }

    /// <summary>
    /// Links the KPIs to standard indicators by code or configured decision (docs/indicators.md). A failure is
    /// logged and the next run tries again; the files of this run stay loaded.
    /// </summary>
    private async Task LinkIndicatorsAsync(ILogger log)
    {
        try
        {
            var linking = await _indicators.RunAsync(Indicators.Indicators, Indicators.Decisions, CancellationToken.None);
            log.Information("Indicators: {Links} KPIs linked, {Conflicts} left unlinked (unit or polarity differ); 'pipeline conform indicators' lists the links proposed",
                linking.Links.Count, linking.Conflicts.Count);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            log.Error(ex, "KPIs not linked to indicators: {Reason}; the next run tries again", ex.Message);
        }
    }

    /// <summary>
    /// The staged rows of the chamber's feeds (every chamber's without one) superseded longer ago than the retention.
    /// A failure is logged and leaves the rows for the next run; the files of this run stay loaded.
    /// </summary>
    private async Task<StagedRowsPurgeResult?> PurgeAsync(string? chamberCode, ILogger log)
    {
        try
        {
            var purged = await _purge.PurgeAsync(StagedRowsRetention, chamberCode, CancellationToken.None);
            if (purged.Documents.Count > 0)
                log.Information("Staged rows of {Feeds} feeds superseded over {Days} days ago removed ({Rows} rows; documents {Documents}); their measurements and lineage stay",
                    purged.Documents.Count, StagedRowsRetention.TotalDays, purged.Rows, string.Join(", ", purged.Documents));
            return purged;
        }
        catch (System.Data.Common.DbException ex)
        {
            log.Error(ex, "Staged rows of superseded feeds not removed: {Reason}; the next run tries again", ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The archive folder's orphans: files of loads that rolled back, and temporary files, last written over an hour ago.
    /// A failure is logged and leaves them for the next run.
    /// </summary>
    private async Task<OrphansRemoved> RemoveArchiveOrphansAsync(ILogger log)
    {
        try
        {
            var removed = await Archive.RemoveOrphansAsync(CancellationToken.None);
            if (removed.Files > 0)
                log.Information("Archive: {Files} orphan files removed ({Bytes} bytes), left by loads that did not commit", removed.Files, removed.Bytes);
            return removed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            log.Error(ex, "Archive orphans not removed: {Reason}; the next run tries again", ex.Message);
            return OrphansRemoved.None;
        }
    }

    private async Task<FileOutcome> IngestFileAsync(string path, string? chamberCode, long runId, ILogger log, CancellationToken ct)
    {
        try
        {
            if (Feeds is not null && FeedReader.LooksLikeFeed(path)) return await IngestFeedAsync(path, chamberCode, runId, log, ct);
            var input = DocumentExtractors.Read(path);
            var sha = input.Sha256;
            if (await Loader.IsLoadedAsync(sha, chamberCode, ct))
            {
                log.Information("{Document}: unchanged (sha256 {Sha}), skipped", path, sha[..12]);
                return new FileOutcome(path, FileStatus.Unchanged, null, null);
            }
            var document = extractors.Extract(input, ct);
            foreach (var warning in document.Warnings)
                log.Warning("{Document}: {Warning}", path, warning);
            var viaJson = !string.Equals(document.Document.Sha256, sha, StringComparison.OrdinalIgnoreCase);
            var result = await Loader.LoadAsync(new LoadRequest(document, Path.GetFullPath(path), sha)
            {
                ChamberCode = chamberCode,
                RunId = runId,
                SourceSha256 = viaJson ? document.Document.Sha256 : null,
                KpiMatches = KpiMatches,
                Review = Review,
                Source = ArchiveSource.FromBytes(input.Bytes, Path.GetFullPath(path), sha),
            }, ct);
            var status = result.Outcome switch
            {
                LoadOutcome.Loaded => FileStatus.New,
                LoadOutcome.Superseding => FileStatus.Superseding,
                LoadOutcome.Held => FileStatus.Held,
                _ => FileStatus.Unchanged,
            };
            // the command prints the held line once (stdout); the log keeps it, and the version-held alert tells the recipients
            if (status == FileStatus.Held)
                log.Information("{Document}: held for review as document {DocumentId}, not made current ({Reasons}); document {Current} stays current",
                    path, result.DocumentId, string.Join("; ", result.HeldReasons), result.CurrentDocumentId);
            log.Information("{Document}: {Status} for {Chamber}: {Kpis} KPIs, {Facts} facts, {Quarantined} quarantined",
                path, status, result.ChamberCode, result.Kpis, result.FactsWritten, result.Quarantined);
            return new FileOutcome(path, status, result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex switch
            {
                ExtractionException e => e.Reason,
                LoadException e => e.Message,
                System.Data.Common.DbException e => $"warehouse error: {e.Message}",
                _ => $"{ex.GetType().Name}: {ex.Message}",
            };
            var line = $"{Path.GetFileName(path)}: {reason.Split('\n')[0]}";
            if (ex is ExtractionException or LoadException) log.Error("{Document}: {Reason}", path, reason);
            else log.Error(ex, "{Document}: {Reason}", path, reason);
            await _runs.RecordFailedFileAsync(runId, Path.GetFullPath(path), reason, CancellationToken.None);
            return new FileOutcome(path, FileStatus.Failed, null, line);
        }
    }

    /// <summary>A feed file: read, staged and computed in one pass (its bytes hashed as a stream, never held whole).</summary>
    private async Task<FileOutcome> IngestFeedAsync(string path, string? chamberCode, long runId, ILogger log, CancellationToken ct)
    {
        var feed = await Feeds!.IngestAsync(path, chamberCode, runId, ct);
        foreach (var warning in feed.Warnings) log.Warning("{Document}: {Warning}", path, warning);
        foreach (var error in feed.Errors) log.Error("{Document}: {Error}", path, error);
        var load = feed.Load;
        var status = load.Outcome switch
        {
            LoadOutcome.Loaded => FileStatus.New,
            LoadOutcome.Superseding => FileStatus.Superseding,
            _ => FileStatus.Unchanged,
        };
        if (status == FileStatus.Unchanged)
            log.Information("{Document}: unchanged, skipped", path);
        else
            log.Information("{Document}: {Status} {Kind} feed for {Chamber}: {Rows} rows staged, {Quarantined} quarantined, {Measurements} measurements",
                path, status, feed.Kind, feed.ChamberCode, load.RowsStaged, load.RowsQuarantined, load.Measurements);
        var summary = new LoadResult(load.Outcome, load.DocumentId, feed.ChamberCode, 0, load.Measurements, 0, load.Measurements, 0,
            (int)Math.Min(int.MaxValue, load.RowsQuarantined), load.SupersededDocumentId, feed.Warnings);
        return new FileOutcome(path, status, summary, null) { Feed = feed };
    }
}
