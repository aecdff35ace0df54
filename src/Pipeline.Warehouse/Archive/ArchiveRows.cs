using System.Data.Common;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Archive;

/// <summary>A row of <c>source_archive</c>: what is archived under a sha256, and in which store.</summary>
internal sealed class ArchiveRow
{
    public string Sha256 { get; init; } = "";
    public long SizeBytes { get; init; }
    public string MediaType { get; init; } = "";
    public string FileName { get; init; } = "";
    public string Store { get; init; } = "";
    public long? ChunkBytes { get; init; }
    public object StoredAtValue { get; init; } = "";
    public DateTimeOffset StoredAt => DbTimestamp.Read(StoredAtValue);

    public ArchiveEntry ToEntry(string location) => new(Sha256, SizeBytes, MediaType, FileName, StoredAt, Store, location);
}

/// <summary>The SQL of <c>source_archive</c> (sql/*/0014_source_archive.sql), in one place for both dialects.</summary>
internal static class ArchiveRows
{
    private const string Select =
        """
        SELECT sha256 AS Sha256, size_bytes AS SizeBytes, media_type AS MediaType, file_name AS FileName, store AS Store,
               CAST(chunk_bytes AS BIGINT) AS ChunkBytes, stored_at AS StoredAtValue
        FROM source_archive
        """;

    public static Task<ArchiveRow?> FindAsync(DbConnection connection, DbTransaction? tx, string sha256, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ArchiveRow>(new CommandDefinition(Select + " WHERE sha256 = @sha256", new { sha256 }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<ArchiveRow>> AllAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<ArchiveRow>(new CommandDefinition(Select + " ORDER BY sha256", cancellationToken: ct))).ToList();

    /// <summary>Records an entry unless one is there; true when this call recorded it (on PostgreSQL it waits for a concurrent load of the same bytes to end).</summary>
    public static async Task<bool> InsertAsync(
        DbConnection connection, DbTransaction tx, SqlDialect dialect, ArchiveSource source, string store, int? chunkBytes, DateTimeOffset at, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_archive (sha256, size_bytes, media_type, file_name, store, chunk_bytes, stored_at)
            VALUES (@Sha256, @Length, @MediaType, @FileName, @store, @chunkBytes, @at)
            ON CONFLICT (sha256) DO NOTHING
            """,
            new { source.Sha256, source.Length, source.MediaType, source.FileName, store, chunkBytes, at = dialect.Timestamp(at) }, tx, cancellationToken: ct)) == 1;
}
