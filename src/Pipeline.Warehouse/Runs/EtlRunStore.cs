using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Runs;

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
}

/// <summary>The <c>etl_run</c> ledger: every ingest or nightly run, with its status and counts, and failed files.</summary>
public sealed class EtlRunStore(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<long> StartAsync(string kind, string? chamberCode, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO etl_run (kind, chamber_code, host, started_at, status) VALUES (@kind, @chamberCode, @host, @at, 'running')
            RETURNING run_id
            """,
            new { kind, chamberCode, host = Environment.MachineName, at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
    }

    public async Task FinishAsync(long runId, string status, EtlRunCounts counts, string? error, CancellationToken ct = default)
    {
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
                runId, status, error, at = dialect.Timestamp(_clock.GetUtcNow()),
                counts.FilesTotal, counts.FilesNew, counts.FilesSuperseding, counts.FilesUnchanged, counts.FilesFailed, counts.FactsWritten, counts.Quarantined,
            }, cancellationToken: ct));
    }

    /// <summary>Records a file that could not be read or loaded at all, so it is visible in the quarantine table.</summary>
    public async Task RecordFailedFileAsync(long runId, string filePath, string reason, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO quarantine (run_id, document_id, file_path, location, record_kind, reason, raw, created_at)
            VALUES (@runId, NULL, @filePath, NULL, 'file', @reason, NULL, @at)
            """,
            new { runId, filePath, reason, at = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<EtlRunRow>> RecentAsync(int limit, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<EtlRunRow>(new CommandDefinition(
            """
            SELECT run_id AS RunId, kind AS Kind, chamber_code AS ChamberCode, host AS Host,
                   CAST(started_at AS TEXT) AS StartedAt, CAST(finished_at AS TEXT) AS FinishedAt, status AS Status,
                   files_total AS FilesTotal, files_new AS FilesNew, files_superseding AS FilesSuperseding,
                   files_unchanged AS FilesUnchanged, files_failed AS FilesFailed, facts_written AS FactsWritten,
                   quarantined AS Quarantined, error AS Error
            FROM etl_run ORDER BY run_id DESC LIMIT @limit
            """, new { limit }, cancellationToken: ct));
        return rows.ToList();
    }
}
