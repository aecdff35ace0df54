using System.Collections.Concurrent;
using Dapper;
using Pipeline.Core.Text;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Runs;

/// <summary>Where a scheduled run comes from: the scheduler's job, the node, the attempt at the firing (0 on the scheduled fire) and the firing's id.</summary>
public sealed record EtlRunOrigin(string Job, string Node, int Attempt, string? FireId);

public sealed record EtlRunCounts(int FilesTotal, int FilesNew, int FilesSuperseding, int FilesUnchanged, int FilesFailed, int FactsWritten, int Quarantined);

/// <summary>One row of <c>etl_run</c> as read back (Dapper maps columns onto the properties).</summary>
public sealed class EtlRunRow
{
    public long RunId { get; init; }
    public string Kind { get; init; } = "";
    public string? ChamberCode { get; init; }
    public string? Host { get; init; }
    public string StartedAt { get; init; } = "";
    public string? FinishedAt { get; init; }
    public string Status { get; init; } = "";
    public int FilesTotal { get; init; }
    public int FilesNew { get; init; }
    public int FilesSuperseding { get; init; }
    public int FilesUnchanged { get; init; }
    public int FilesFailed { get; init; }
    public int FactsWritten { get; init; }
    public int Quarantined { get; init; }
    public string? Error { get; init; }
    public string? Job { get; init; }
    public string? Node { get; init; }
    public int? Attempt { get; init; }

    /// <summary>How long the run took, in seconds; null while it runs.</summary>
    public double? Seconds =>
        FinishedAt is null ? null
            : (DateTimeOffset.Parse(FinishedAt, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(StartedAt, System.Globalization.CultureInfo.InvariantCulture)).TotalSeconds;
}

/// <summary>The <c>etl_run</c> ledger: every ingest or nightly run, with its status and counts, and failed files.</summary>
public sealed class EtlRunStore(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The leases this process holds, one per running row it started (keyed by warehouse and run), released when the
    /// row is finished (<see cref="FinishAsync"/>, <see cref="SetStatusAsync"/>) or when the process ends.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Warehouse, long RunId), ProcessLock> Leases = new();

    /// <summary>The reason written on a running row found dead.</summary>
    public const string DeadRunReason = "its process stopped before the run finished";

    /// <summary>
    /// Records a run as started ('running') and holds its lease until it is finished; then marks as interrupted every
    /// other running row whose process is gone (see <see cref="InterruptDeadRunsAsync"/>).
    /// </summary>
    public async Task<long> StartAsync(string kind, string? chamberCode, EtlRunOrigin? origin = null, CancellationToken ct = default)
    {
        // the lease is taken before the row exists, so no other run ever sees this row running without its lease held
        var lease = Guid.NewGuid().ToString("N");
        var held = await ProcessLock.TryAcquireAsync(dialect, LeaseLockName(lease), LeaseFile(lease), deleteFile: true, ct)
                   ?? throw new InvalidOperationException($"the new run's lease {lease} is held already");
        long runId;
        try
        {
            await using var writing = await dialect.Writes.EnterAsync(ct);
            await using var connection = await dialect.OpenAsync(ct);
            runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO etl_run (kind, chamber_code, host, started_at, status, job, node, attempt, fire_id, lease)
                VALUES (@kind, @chamberCode, @host, @at, 'running', @job, @node, @attempt, @fireId, @lease)
                RETURNING run_id
                """,
                new
                {
                    kind, chamberCode, host = Environment.MachineName, at = dialect.Timestamp(_clock.GetUtcNow()),
                    job = origin?.Job, node = origin?.Node, attempt = origin?.Attempt, fireId = origin?.FireId, lease,
                }, cancellationToken: ct));
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
        Leases[(dialect.ConnectionString, runId)] = held;
        await InterruptDeadRunsAsync(runId, ct);
        return runId;
    }

    /// <summary>
    /// Marks as interrupted the rows still 'running' whose process is gone: a running row's process holds its lease
    /// (a lock the operating system or the server releases when the process dies), so a lease this run can take
    /// belongs to a dead run. A live run — in this process, another, or on another node (PostgreSQL) — holds its
    /// lease and is left alone. Rows without a lease (written before migration 0010) are left alone. Returns how many
    /// were marked.
    /// </summary>
    public async Task<int> InterruptDeadRunsAsync(long foundBy, CancellationToken ct = default)
    {
        if (dialect is SqliteDialect { DataSource: ":memory:" }) return 0;   // one process: every running row is alive
        List<(long RunId, string Lease)> running;
        await using (var connection = await dialect.OpenAsync(ct))
            running = (await connection.QueryAsync<(long, string)>(new CommandDefinition(
                "SELECT run_id, lease FROM etl_run WHERE status = 'running' AND lease IS NOT NULL AND run_id <> @foundBy ORDER BY run_id",
                new { foundBy }, cancellationToken: ct))).ToList();
        var marked = 0;
        foreach (var (runId, lease) in running)
        {
            if (Leases.ContainsKey((dialect.ConnectionString, runId))) continue;   // a live run of this process
            await using var probe = await ProcessLock.TryAcquireAsync(dialect, LeaseLockName(lease), LeaseFile(lease), deleteFile: true, ct);
            if (probe is null) continue;   // its process holds it: alive
            await using var writing = await dialect.Writes.EnterAsync(ct);
            await using var connection = await dialect.OpenAsync(ct);
            // only while still running: a run that finished between the read and the probe keeps its status
            marked += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE etl_run SET status = 'interrupted', error = @reason, finished_at = @at WHERE run_id = @runId AND status = 'running'",
                new { runId, reason = $"{DeadRunReason} (found by run {foundBy})", at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
        }
        return marked;
    }

    private static string LeaseLockName(string lease) => "pipeline-etl-run:" + lease;

    private static string LeaseFile(string lease) => $"run-lease-{lease}.lock";

    private async Task ReleaseLeaseAsync(long runId)
    {
        if (Leases.TryRemove((dialect.ConnectionString, runId), out var held)) await held.DisposeAsync();
    }

    /// <summary>Records a run's counts while it goes on (it is finished later with <see cref="FinishAsync"/> or <see cref="SetStatusAsync"/>).</summary>
    public async Task UpdateCountsAsync(long runId, EtlRunCounts counts, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE etl_run SET files_total = @FilesTotal, files_new = @FilesNew, files_superseding = @FilesSuperseding, files_unchanged = @FilesUnchanged,
                   files_failed = @FilesFailed, facts_written = @FactsWritten, quarantined = @Quarantined
            WHERE run_id = @runId
            """,
            new { runId, counts.FilesTotal, counts.FilesNew, counts.FilesSuperseding, counts.FilesUnchanged, counts.FilesFailed, counts.FactsWritten, counts.Quarantined },
            cancellationToken: ct));
    }

    /// <summary>
    /// Sets the status of a run whose files were loaded but whose later step (achievement, alerts) failed or was
    /// interrupted; the counts stay.
    /// </summary>
    public async Task SetStatusAsync(long runId, string status, string error, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE etl_run SET status = @status, error = @error, finished_at = @at WHERE run_id = @runId",
            new { runId, status, error, at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
        await ReleaseLeaseAsync(runId);
    }

    /// <summary>Records a run that failed before it could start loading (e.g. its chamber was busy): one finished row.</summary>
    public async Task<long> RecordFailedAsync(string kind, string? chamberCode, string error, EtlRunOrigin? origin = null, CancellationToken ct = default)
    {
        var runId = await StartAsync(kind, chamberCode, origin, ct);
        await FinishAsync(runId, "failed", new EtlRunCounts(0, 0, 0, 0, 0, 0, 0), error, ct);
        return runId;
    }

    /// <summary>
    /// Marks as interrupted the runs of a chamber (of the given kinds) still recorded as running: called by a run that
    /// holds the chamber's run lock, which proves that no such run is alive (its process stopped without finishing).
    /// Returns how many were marked.
    /// </summary>
    public async Task<int> AbandonRunningAsync(string chamberCode, IReadOnlyList<string> kinds, string reason, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        var count = 0;
        foreach (var kind in kinds)
            count += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE etl_run SET status = 'interrupted', error = @reason, finished_at = @at WHERE chamber_code = @chamberCode AND kind = @kind AND status = 'running'",
                new { chamberCode, kind, reason, at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
        return count;
    }

    public async Task FinishAsync(long runId, string status, EtlRunCounts counts, string? error, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE etl_run SET finished_at = @at, status = @status, files_total = @FilesTotal, files_new = @FilesNew,
                   files_superseding = @FilesSuperseding, files_unchanged = @FilesUnchanged, files_failed = @FilesFailed,
                   facts_written = @FactsWritten, quarantined = @Quarantined, error = @error
            WHERE run_id = @runId
            """,
            new
            {
                runId, status, error = error is null ? null : PrintableText.Of(error), at = dialect.Timestamp(_clock.GetUtcNow()),
                counts.FilesTotal, counts.FilesNew, counts.FilesSuperseding, counts.FilesUnchanged, counts.FilesFailed, counts.FactsWritten, counts.Quarantined,
            }, cancellationToken: ct));
        await ReleaseLeaseAsync(runId);
    }

    /// <summary>Records a file that could not be read or loaded at all, so it is visible in the quarantine table.</summary>
    public async Task RecordFailedFileAsync(long runId, string filePath, string reason, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO quarantine (run_id, document_id, file_path, location, record_kind, reason, raw, created_at)
            VALUES (@runId, NULL, @filePath, NULL, 'file', @reason, NULL, @at)
            """,
            new { runId, filePath, reason = PrintableText.Of(reason), at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
    }

    /// <summary>The latest runs, newest first; optionally of one kind, of one chamber, of one scheduled job, or only the scheduler's.</summary>
    public async Task<IReadOnlyList<EtlRunRow>> RecentAsync(int limit, string? kind = null, string? chamber = null, bool scheduledOnly = false, string? job = null, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<EtlRunRow>(new CommandDefinition(
            """
            SELECT run_id AS RunId, kind AS Kind, chamber_code AS ChamberCode, host AS Host,
                   CAST(started_at AS TEXT) AS StartedAt, CAST(finished_at AS TEXT) AS FinishedAt, status AS Status,
                   files_total AS FilesTotal, files_new AS FilesNew, files_superseding AS FilesSuperseding,
                   files_unchanged AS FilesUnchanged, files_failed AS FilesFailed, facts_written AS FactsWritten,
                   quarantined AS Quarantined, error AS Error, job AS Job, node AS Node, attempt AS Attempt
            FROM etl_run
            WHERE (@kind IS NULL OR kind = @kind) AND (@chamber IS NULL OR chamber_code = @chamber) AND (@scheduled = 0 OR job IS NOT NULL) AND (@job IS NULL OR job = @job)
            ORDER BY run_id DESC LIMIT @limit
            """, new { limit, kind, chamber, scheduled = scheduledOnly ? 1 : 0, job }, cancellationToken: ct));
        return rows.ToList();
    }
}
