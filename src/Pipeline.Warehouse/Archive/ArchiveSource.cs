namespace Pipeline.Warehouse.Archive;

/// <summary>
/// The bytes a load archives, with the sha256 the load recorded for them: a file streamed from disk (a feed, never
/// held whole) or bytes already read (a document, which the extractors read whole; for a reviewed extraction, its
/// JSON). The archive hashes them again as it copies them, so a file changed between its reading and its archiving
/// fails its load instead of archiving other bytes under its sha256.
/// </summary>
public sealed class ArchiveSource
{
    private readonly Func<Stream> _open;

    private ArchiveSource(string sha256, string path, long length, Func<Stream> open)
    {
        Sha256 = ArchiveKey.Normalize(sha256);
        Path = path;
        Length = length;
        _open = open;
    }

    public string Sha256 { get; }

    /// <summary>The path it was read from (its name is recorded; the path names it in messages).</summary>
    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public string MediaType => ArchiveMediaTypes.Of(Path);

    /// <summary>Its size when it was read.</summary>
    public long Length { get; }

    /// <summary>A file read as a stream when it is archived.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ArchiveSource FromFile(string path, string sha256) =>
        new(sha256, path, new FileInfo(path).Length, () => new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        }));

    /// <summary>Bytes already in memory, read from <paramref name="path"/>.</summary>
    public static ArchiveSource FromBytes(byte[] bytes, string path, string sha256) =>
        new(sha256, path, bytes.Length, () => new MemoryStream(bytes, writable: false));

    internal Stream Open() => _open();
}
