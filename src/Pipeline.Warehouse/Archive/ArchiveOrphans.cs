using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Archive;

/// <summary>What a clean-up of the folder store removed: files and their bytes.</summary>
public sealed record OrphansRemoved(int Files, long Bytes)
{
    public static OrphansRemoved None { get; } = new(0, 0);
}

/// <summary>
/// The orphans of a folder store: a file written by a load that then rolled back (no committed <c>dim_document</c> or
/// <c>source_archive</c> row names its sha256), or a temporary file a crash left. Only those last written more than
/// <see cref="MinimumAge"/> ago are orphans: a load still running wrote or touched its file since it began.
/// </summary>
internal static class ArchiveOrphans
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    /// <summary>Files of the folder that are orphans (see the type) and were last written before <paramref name="writtenBefore"/>.</summary>
    public static async Task<IReadOnlyList<FileInfo>> FindAsync(SqlDialect dialect, FolderStore folder, DateTimeOffset writtenBefore, CancellationToken ct)
    {
        if (!Directory.Exists(folder.Root)) return [];
        HashSet<string> referenced;
        await using (var connection = await dialect.OpenAsync(ct))
            referenced = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT sha256 FROM dim_document UNION SELECT sha256 FROM source_archive", cancellationToken: ct))).Select(s => s.ToLowerInvariant()).ToHashSet();
        var orphans = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(folder.Root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc >= writtenBefore.UtcDateTime) continue;
            var temporary = file.Name.StartsWith('.') && file.Name.EndsWith(".tmp", StringComparison.Ordinal);
            var entry = ArchiveKey.TryNormalize(file.Name, out var key) && file.FullName == folder.Location(key);
            if (temporary || (entry && !referenced.Contains(key))) orphans.Add(file);
        }
        return orphans;
    }

    public static async Task<OrphansRemoved> RemoveAsync(SqlDialect dialect, FolderStore folder, DateTimeOffset writtenBefore, CancellationToken ct)
    {
        int files = 0;
        long bytes = 0;
        foreach (var orphan in await FindAsync(dialect, folder, writtenBefore, ct))
        {
            try
            {
                var length = orphan.Length;
                orphan.Delete();
                files++;
                bytes += length;
            }
            catch (FileNotFoundException)
            {
                // removed meanwhile by another run
            }
        }
        return new OrphansRemoved(files, bytes);
    }
}
