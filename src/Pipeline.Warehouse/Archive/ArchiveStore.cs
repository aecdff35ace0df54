using System.Data.Common;

namespace Pipeline.Warehouse.Archive;

/// <summary>Where the bytes of archived entries live: a folder (<see cref="FolderStore"/>) or the database (<see cref="DatabaseStore"/>).</summary>
internal abstract class ArchiveStore
{
    /// <summary>"folder" or "database", as <c>source_archive.store</c> records it.</summary>
    public abstract string Name { get; }

    /// <summary>For people: "folder /srv/archive", "database PostgreSQL db/pipeline".</summary>
    public abstract string Describe();

    /// <summary>Where the bytes of <paramref name="sha256"/> are (a file's path, or the database).</summary>
    public abstract string Location(string sha256);

    /// <summary>The chunk size recorded with an entry (database store), else null.</summary>
    public virtual int? ChunkBytes => null;

    /// <summary>
    /// Writes the bytes of <paramref name="source"/> as part of the load in <paramref name="tx"/> (the database store
    /// writes inside it; the folder store writes its file before the load commits); <paramref name="recorded"/>: its
    /// row was just inserted by this load (the database store then writes, else the bytes are there already).
    /// </summary>
    /// <exception cref="Loading.LoadException">The source cannot be read again, or its bytes are not those of its sha256.</exception>
    public abstract Task WriteAsync(DbConnection connection, DbTransaction tx, ArchiveSource source, bool recorded, CancellationToken ct);

    /// <summary>The space the store takes on disk: the folder's files; PostgreSQL's <c>source_chunk</c> with its TOAST and index.</summary>
    public abstract Task<long> StoredBytesAsync(CancellationToken ct);

    /// <summary>The bytes of an entry, positioned at 0 and seekable; null when they are not there.</summary>
    public abstract Task<Stream?> OpenAsync(ArchiveRow row, CancellationToken ct);
}
