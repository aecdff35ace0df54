using System.IO.Compression;

namespace Pipeline.Samples.Hostile;

/// <summary>Rewrites an .xlsx package part by part (entry order kept, fixed timestamps, so the bytes are the same every time).</summary>
internal static class ZipParts
{
    private static readonly DateTimeOffset Stamp = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The entry names of a package, in order.</summary>
    public static IReadOnlyList<string> Names(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>
    /// The package with each entry passed through <paramref name="rewrite"/>: it gets the entry's name and bytes and
    /// writes the entry's new content to the stream, or returns false to leave the entry out.
    /// </summary>
    public static byte[] Rewrite(byte[] package, Func<string, byte[], Stream, bool> rewrite)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                byte[] bytes;
                using (var read = entry.Open())
                using (var copy = new MemoryStream())
                {
                    read.CopyTo(copy);
                    bytes = copy.ToArray();
                }
                using var content = new MemoryStream();
                if (!rewrite(entry.FullName, bytes, content)) continue;
                var written = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                written.LastWriteTime = Stamp;
                using var stream = written.Open();
                content.Position = 0;
                content.CopyTo(stream);
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// The package with one part replaced by content written straight into the compressed entry (for parts far larger
    /// than the package: a bomb is never held uncompressed).
    /// </summary>
    public static void WriteWithPart(byte[] package, string part, Action<Stream> write, Stream output)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var replaced = false;
        foreach (var entry in source.Entries)
        {
            var written = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            written.LastWriteTime = Stamp;
            using var stream = written.Open();
            if (entry.FullName == part)
            {
                write(stream);
                replaced = true;
            }
            else
            {
                using var read = entry.Open();
                read.CopyTo(stream);
            }
        }
        if (!replaced)
        {
            var added = target.CreateEntry(part, CompressionLevel.Optimal);
            added.LastWriteTime = Stamp;
            using var stream = added.Open();
            write(stream);
        }
    }
}
