using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// The source archive (docs/operations.md "Archive"): the bytes of every document and feed file loaded, by sha256,
/// identical bytes once, so a page an old figure came from can be shown after the chamber replaced the file. An entry
/// is a row of <c>source_archive</c>, written in the load's transaction, and its bytes in a store: on SQLite a folder
/// (<c>archive/</c> beside the warehouse file), on PostgreSQL the database itself, or the folder of
/// <c>config/archive.json</c> on either. Entries are read from the store their row names, whatever the configured one.
/// An entry that is not there (a warehouse loaded before the archive, a file removed by hand) is null, never an error.
/// </summary>
public sealed class SourceArchive
{
    private readonly SqlDialect _dialect;
    private readonly ArchiveStore _writes;
    private readonly FolderStore? _folder;
    private readonly DatabaseStore? _database;
    private readonly TimeProvider _clock;

    private SourceArchive(SqlDialect dialect, ArchiveStore writes, FolderStore? folder, DatabaseStore? database, TimeProvider clock)
    {
        _dialect = dialect;
        _writes = writes;
        _folder = folder;
        _database = database;
        _clock = clock;
    }

    /// <summary>The archive of a warehouse: the folder of <paramref name="settings"/> if it gives one, else the warehouse's default store.</summary>
    public static SourceArchive For(SqlDialect dialect, ArchiveSettings? settings = null) => For(dialect, settings, TimeProvider.System);

    /// <summary>As <see cref="For(SqlDialect, ArchiveSettings?)"/>, stamping entries and judging orphans' age by <paramref name="clock"/>.</summary>
    public static SourceArchive For(SqlDialect dialect, ArchiveSettings? settings, TimeProvider clock)
    {
        var database = dialect is PostgresDialect postgres ? new DatabaseStore(postgres) : null;
        var folder = settings?.Folder is { } configured ? new FolderStore(configured)
            : dialect is SqliteDialect sqlite ? new FolderStore(DefaultFolder(sqlite))
            : null;
        return new SourceArchive(dialect, (ArchiveStore?)folder ?? database!, folder, database, clock);
    }

    /// <summary>archive/ beside the SQLite file; for an in-memory warehouse, under the data folder ($PIPELINE_DATA_DIR, else ./data).</summary>
    private static string DefaultFolder(SqliteDialect sqlite)
    {
        var inMemory = sqlite.DataSource == ":memory:" || new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.Memory;
        if (!inMemory) return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource))!, "archive");
        var data = Environment.GetEnvironmentVariable("PIPELINE_DATA_DIR") is { Length: > 0 } d ? d : "data";
        return Path.Combine(Path.GetFullPath(data), "archive");
    }

    /// <summary>"folder" or "database": where new entries go.</summary>
    public string Store => _writes.Name;

    /// <summary>The folder of the folder store (null when entries go to the database).</summary>
    public string? Folder => _folder?.Root;

    /// <summary>For people: "folder /srv/pipeline/archive", "database PostgreSQL db/pipeline (source_chunk)".</summary>
    public string Describe() => _writes.Describe();

    /// <summary>The entry of <paramref name="sha256"/> when its bytes are there (size, media type, stored at, where); null otherwise.</summary>
    public async Task<ArchiveEntry?> FindAsync(string sha256, CancellationToken ct)
    {
        if (await RowAsync(sha256, ct) is not { } row || StoreOf(row) is not { } store) return null;
        await using var bytes = await store.OpenAsync(row, ct);
        return bytes is null ? null : row.ToEntry(store.Location(row.Sha256));
    }

    /// <summary>The archived bytes of <paramref name="sha256"/> (read-only, seekable; dispose it), or null when they are not archived.</summary>
    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        if (await RowAsync(sha256, ct) is not { } row || StoreOf(row) is not { } store) return null;
        return await store.OpenAsync(row, ct);
    }

    /// <summary>
    /// What a load does before it enters the dialect's write gate: the folder store's file written now (or touched when
    /// it is there), so that <see cref="StoreAsync"/> in the load's transaction only finds it and records its row. On
    /// SQLite the copy of a large file then no longer holds the one writer's turn. Nothing for the database store,
    /// whose bytes go in the transaction. A load that fails after this leaves a file no row names, removed as any
    /// orphan (<see cref="RemoveOrphansAsync"/>).
    /// </summary>
    /// <exception cref="Loading.LoadException">The source cannot be read again, or its bytes are not those of its sha256.</exception>
    public Task PrepareAsync(ArchiveSource? source, CancellationToken ct) =>
        source is not null && _writes is FolderStore folder ? folder.WriteFileAsync(source, ct) : Task.CompletedTask;

    /// <summary>
    /// Archives <paramref name="source"/> as part of the load whose transaction is <paramref name="tx"/> (entered
    /// through the dialect's write gate, as every load is): its row in the transaction, its bytes in the database in
    /// the transaction or in the folder before the load commits. Identical bytes already archived are not written
    /// again. Nothing is archived when the load rolls back (database), or an orphan file is left that
    /// <see cref="RemoveOrphansAsync"/> removes after an hour (folder).
    /// </summary>
    /// <exception cref="Loading.LoadException">The source cannot be read again, or its bytes changed since the load read them.</exception>
    public async Task StoreAsync(DbConnection connection, DbTransaction tx, ArchiveSource source, CancellationToken ct)
    {
        var existing = await ArchiveRows.FindAsync(connection, tx, source.Sha256, ct);
        // bytes recorded in another store (the configuration changed) stay where they are
        if (existing is not null && existing.Store != _writes.Name) return;
        // the folder is written first: a file that cannot be written fails the load before its row is recorded
        if (_writes is FolderStore)
        {
            await _writes.WriteAsync(connection, tx, source, recorded: existing is null, ct);
            if (existing is null) await ArchiveRows.InsertAsync(connection, tx, _dialect, source, _writes.Name, null, _clock.GetUtcNow(), ct);
            return;
        }
        var recorded = existing is null && await ArchiveRows.InsertAsync(connection, tx, _dialect, source, _writes.Name, _writes.ChunkBytes, _clock.GetUtcNow(), ct);
        await _writes.WriteAsync(connection, tx, source, recorded, ct);
    }

    /// <summary>
    /// The folder store's orphans: files that no committed <c>dim_document</c> row references and temporary files, last
    /// written over an hour before now (a load still running touches or writes its file less than an hour ago), removed.
    /// The end of every ingest run calls it (<c>IngestRunner</c>); the database store has none.
    /// </summary>
    public Task<OrphansRemoved> RemoveOrphansAsync(CancellationToken ct) =>
        _folder is null ? Task.FromResult(OrphansRemoved.None) : ArchiveOrphans.RemoveAsync(_dialect, _folder, _clock.GetUtcNow() - ArchiveOrphans.MinimumAge, ct);

    /// <summary>The entries, the bytes they hold, and the space the store takes for them (compressed by PostgreSQL's TOAST).</summary>
    public async Task<ArchiveSize> SizeAsync(CancellationToken ct)
    {
        (long Entries, long Bytes) totals;
        await using (var connection = await _dialect.OpenAsync(ct))
            totals = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
                "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM source_archive", cancellationToken: ct));
        return new ArchiveSize(totals.Entries, totals.Bytes, await _writes.StoredBytesAsync(ct));
    }

    internal async Task<ArchiveRow?> RowAsync(string sha256, CancellationToken ct)
    {
        if (!ArchiveKey.TryNormalize(sha256, out var key)) return null;
        await using var connection = await _dialect.OpenAsync(ct);
        return await ArchiveRows.FindAsync(connection, null, key, ct);
    }

    internal ArchiveStore? StoreOf(ArchiveRow row) => row.Store switch
    {
        "folder" => _folder,
        "database" => _database,
        _ => null,
    };

    internal FolderStore? FolderStore => _folder;

    internal SqlDialect Dialect => _dialect;
}

/// <summary>The archive's entries, the bytes they hold, and the space its store takes on disk.</summary>
public sealed record ArchiveSize(long Entries, long Bytes, long StoredBytes);
