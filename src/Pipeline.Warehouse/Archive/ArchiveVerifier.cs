using System.Buffers;
using Dapper;

namespace Pipeline.Warehouse.Archive;

/// <summary>An entry that is not what it should be: <see cref="Kind"/> "missing" or "corrupt", and why, on one line.</summary>
public sealed record ArchiveProblem(string Kind, string Sha256, string Reason);

/// <summary>
/// What <c>pipeline archive verify</c> found: the entries re-hashed and their bytes, the documents checked, the problems
/// (one each), and the orphan files of a folder store (not problems: the next run removes them after an hour).
/// </summary>
public sealed record ArchiveVerification(string Store, int Entries, long Bytes, int Documents, IReadOnlyList<ArchiveProblem> Problems, int Orphans)
{
    public int Missing => Problems.Count(p => p.Kind == "missing");
    public int Corrupt => Problems.Count(p => p.Kind == "corrupt");
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Re-hashes every archived entry (its bytes, streamed, against its sha256 and recorded size) and checks that every
/// <c>dim_document</c> sha256 has an entry: an entry whose bytes are gone, or a document loaded without one (before
/// the archive existed, or its row lost), is missing; bytes that hash to another sha256 or size, or cannot be read
/// whole, are corrupt.
/// </summary>
public sealed class ArchiveVerifier(SourceArchive archive)
{
    private const int BufferBytes = 1 << 20;

    public async Task<ArchiveVerification> VerifyAsync(CancellationToken ct)
    {
        var problems = new List<ArchiveProblem>();
        IReadOnlyList<ArchiveRow> rows;
        List<(string Sha256, string FileName, long Documents, long FirstId)> unarchived;
        long documents;
        await using (var connection = await archive.Dialect.OpenAsync(ct))
        {
            rows = await ArchiveRows.AllAsync(connection, ct);
            documents = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(DISTINCT sha256) FROM dim_document", cancellationToken: ct));
            unarchived = (await connection.QueryAsync<(string, string, long, long)>(new CommandDefinition(
                """
                SELECT d.sha256, MIN(d.file_name), CAST(COUNT(*) AS BIGINT), CAST(MIN(d.document_id) AS BIGINT) FROM dim_document d
                WHERE NOT EXISTS (SELECT 1 FROM source_archive a WHERE a.sha256 = d.sha256)
                GROUP BY d.sha256 ORDER BY MIN(d.document_id)
                """, cancellationToken: ct))).ToList();
        }

        long bytes = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            foreach (var row in rows)
            {
                if (await CheckAsync(row, buffer.AsMemory(0, BufferBytes), ct) is { } problem) problems.Add(problem);
                else bytes += row.SizeBytes;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        foreach (var (sha256, fileName, count, firstId) in unarchived)
            problems.Add(new ArchiveProblem("missing", sha256,
                $"document {firstId} ({fileName}{(count > 1 ? $", and {count - 1} more with these bytes" : "")}) has no archive entry: loaded before the archive, or its entry was removed"));

        var orphans = archive.FolderStore is { } folder
            ? (await ArchiveOrphans.FindAsync(archive.Dialect, folder, DateTimeOffset.MaxValue, ct)).Count
            : 0;
        return new ArchiveVerification(archive.Describe(), rows.Count, bytes, (int)documents, problems, orphans);
    }

    private async Task<ArchiveProblem?> CheckAsync(ArchiveRow row, Memory<byte> buffer, CancellationToken ct)
    {
        if (archive.StoreOf(row) is not { } store)
            return new ArchiveProblem("missing", row.Sha256, $"{row.FileName}: recorded in the {row.Store} store, which this configuration does not have");
        try
        {
            await using var stream = await store.OpenAsync(row, ct);
            if (stream is null) return new ArchiveProblem("missing", row.Sha256, $"{row.FileName}: no bytes at {store.Location(row.Sha256)}");
            var (sha256, size) = await ArchiveHashing.HashAsync(stream, buffer, ct);
            if (sha256 != row.Sha256 || size != row.SizeBytes)
                return new ArchiveProblem("corrupt", row.Sha256,
                    $"{row.FileName}: the bytes at {store.Location(row.Sha256)} hash to {sha256[..12]}…, {size} bytes (recorded {row.SizeBytes})");
            return null;
        }
        catch (IOException ex)
        {
            return new ArchiveProblem("corrupt", row.Sha256, $"{row.FileName}: cannot be read whole at {store.Location(row.Sha256)}: {ex.Message}");
        }
    }
}
