using System.Data;
using Npgsql;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// The bytes of a database-store entry as a read-only, seekable stream: each read fetches the one chunk its position
/// falls in (<c>seq = position / chunkBytes</c>) into one buffer, so a download, a range request or a re-hash of a
/// 200 MB feed holds one chunk. It owns its connection and closes it when disposed. A chunk missing or of the wrong
/// size (every chunk but the last is <c>chunkBytes</c>) is an <see cref="IOException"/>: the entry is damaged.
/// </summary>
internal sealed class ChunkReadStream(NpgsqlConnection connection, string sha256, long length, int chunkBytes) : Stream
{
    private readonly byte[] _chunk = new byte[Math.Min(chunkBytes, Math.Max(length, 1))];
    private long _chunkSeq = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.IsEmpty) return 0;
        var seq = _position / chunkBytes;
        if (seq != _chunkSeq) Fetch(seq, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= length || buffer.IsEmpty) return 0;
        var seq = _position / chunkBytes;
        if (seq != _chunkSeq) await Fetch(seq, async: true, ct);
        return CopyOut(buffer.Span);
    }

    private int CopyOut(Span<byte> buffer)
    {
        var offset = (int)(_position - _chunkSeq * chunkBytes);
        var count = (int)Math.Min(buffer.Length, ExpectedSize(_chunkSeq) - offset);
        _chunk.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    private int ExpectedSize(long seq) => (int)Math.Min(chunkBytes, length - seq * chunkBytes);

    private async Task Fetch(long seq, bool async, CancellationToken ct)
    {
        _chunkSeq = -1;
        await using var select = new NpgsqlCommand("SELECT octet_length(bytes), bytes FROM source_chunk WHERE sha256 = @sha256 AND seq = @seq", connection)
        {
            Parameters = { new NpgsqlParameter<string>("sha256", sha256), new NpgsqlParameter<int>("seq", (int)seq) },
        };
        await using var reader = async ? await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct) : select.ExecuteReader(CommandBehavior.SequentialAccess);
        if (!(async ? await reader.ReadAsync(ct) : reader.Read()))
            throw new IOException($"archive entry {sha256}: chunk {seq} is missing");
        var expected = ExpectedSize(seq);
        var size = reader.GetInt32(0);
        if (size != expected)
            throw new IOException($"archive entry {sha256}: chunk {seq} holds {size} bytes, not {expected}");
        reader.GetBytes(1, 0, _chunk, 0, expected);
        _chunkSeq = seq;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) connection.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }
}
