using System.Buffers;
using System.Data.Common;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// The folder store: one file per content at <c>ab/cd/&lt;sha256&gt;</c> under <see cref="Root"/>, written to a
/// temporary name beside it (<c>.&lt;sha256&gt;.&lt;guid&gt;.tmp</c>), flushed to disk and moved into place, so a reader never
/// sees half a file and two writers of the same bytes end with one. A file already there with the expected size is
/// not written again; its time is touched instead, so the clean-up of orphans (<see cref="ArchiveOrphans"/>) does
/// not take it from a load still running.
/// </summary>
internal sealed class FolderStore(string root) : ArchiveStore
{
    private const int BufferBytes = 1 << 20;

    public string Root { get; } = Path.GetFullPath(root);

    public override string Name => "folder";

    public override string Describe() => $"folder {Root}";

    public override string Location(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    public override Task WriteAsync(DbConnection connection, DbTransaction tx, ArchiveSource source, bool recorded, CancellationToken ct) =>
        WriteFileAsync(source, ct);

    /// <summary>The file of <paramref name="source"/> written and moved into place, or touched when it is there already.</summary>
    /// <exception cref="Loading.LoadException">The source cannot be read again, or its bytes are not those of its sha256.</exception>
    public async Task WriteFileAsync(ArchiveSource source, CancellationToken ct)
    {
        var path = Location(source.Sha256);
        if (Touch(path, source.Length)) return;
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{source.Sha256}.{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            await using (var output = new FileStream(temporary, new FileStreamOptions
                         {
                             Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous,
                         }))
            {
                await ArchiveHashing.CopyVerifiedAsync(source, buffer.AsMemory(0, BufferBytes), block => output.WriteAsync(block, ct).AsTask(), ct);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override Task<long> StoredBytesAsync(CancellationToken ct) => Task.FromResult(
        Directory.Exists(Root) ? new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0L);

    public override Task<Stream?> OpenAsync(ArchiveRow row, CancellationToken ct)
    {
        try
        {
            Stream stream = new FileStream(Location(row.Sha256), new FileStreamOptions
            {
                Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read | FileShare.Delete, Options = FileOptions.Asynchronous,
            });
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>True when the file is there with the expected size: its time is set to now (it is in use again).</summary>
    private static bool Touch(string path, long length)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length != length) return false;
            file.LastWriteTimeUtc = DateTime.UtcNow;
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // removed meanwhile: written again
        }
    }
}
