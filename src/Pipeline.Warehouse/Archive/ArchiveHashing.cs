using System.Security.Cryptography;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// Bytes pumped block by block through one buffer and hashed as they pass: how both stores write (checking the sha256
/// the load recorded) and how <see cref="ArchiveVerifier"/> re-hashes an entry. Memory: the buffer, whatever the size.
/// </summary>
internal static class ArchiveHashing
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="write"/> in blocks of the buffer's size; returns the bytes copied.</summary>
    /// <exception cref="LoadException">The source cannot be read, or its bytes are not those of its sha256 any more.</exception>
    public static async Task<long> CopyVerifiedAsync(ArchiveSource source, Memory<byte> buffer, Func<ReadOnlyMemory<byte>, Task> write, CancellationToken ct)
    {
        Stream input;
        try
        {
            input = source.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LoadException($"{source.FileName}: cannot be archived, it cannot be read again: {ex.Message}; nothing of it is loaded", ex);
        }
        await using (input)
        {
            var (sha256, size) = await PumpAsync(input, buffer, write, ct);
            if (sha256 != source.Sha256)
                throw new LoadException($"{source.FileName}: its bytes changed while it was loaded (sha256 {source.Sha256[..12]}… when read, " +
                                        $"{sha256[..12]}… when archived); nothing of it is loaded, the next run reads it again");
            return size;
        }
    }

    /// <summary>The sha256 (lower-case hex) and the length of what <paramref name="stream"/> gives to its end.</summary>
    public static Task<(string Sha256, long Size)> HashAsync(Stream stream, Memory<byte> buffer, CancellationToken ct) =>
        PumpAsync(stream, buffer, null, ct);

    private static async Task<(string Sha256, long Size)> PumpAsync(Stream input, Memory<byte> buffer, Func<ReadOnlyMemory<byte>, Task>? write, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        while (true)
        {
            var read = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (read == 0) break;
            hash.AppendData(buffer.Span[..read]);
            if (write is not null) await write(buffer[..read]);
            size += read;
            if (read < buffer.Length) break;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
