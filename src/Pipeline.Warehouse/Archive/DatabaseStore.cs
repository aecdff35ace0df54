using System.Buffers;
using System.Data.Common;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// The database store (PostgreSQL): the bytes in <c>source_chunk</c>, <see cref="ChunkBytes"/> (4 MiB) a row, written
/// one chunk at a time through one prepared INSERT inside the load's transaction (a rolled-back load leaves nothing)
/// and read back one chunk at a time (<see cref="ChunkReadStream"/>): memory is one chunk, whatever the file's size.
/// </summary>
internal sealed class DatabaseStore(PostgresDialect dialect) : ArchiveStore
{
    public const int DefaultChunkBytes = 4 << 20;

    public override string Name => "database";

    public override int? ChunkBytes => DefaultChunkBytes;

    public override string Describe() => $"database {dialect.Describe()} (source_chunk)";

    public override string Location(string sha256) => $"database {dialect.Describe()}";

    public override async Task WriteAsync(DbConnection connection, DbTransaction tx, ArchiveSource source, bool recorded, CancellationToken ct)
    {
        if (!recorded) return; // recorded by a load that committed: its chunks are there
        var buffer = ArrayPool<byte>.Shared.Rent(DefaultChunkBytes);
        try
        {
            await using var insert = new NpgsqlCommand("INSERT INTO source_chunk (sha256, seq, bytes) VALUES (@sha256, @seq, @bytes)",
                (NpgsqlConnection)connection, (NpgsqlTransaction)tx);
            var seq = new NpgsqlParameter<int>("seq", NpgsqlDbType.Integer);
            var bytes = new NpgsqlParameter("bytes", NpgsqlDbType.Bytea);
            insert.Parameters.Add(new NpgsqlParameter<string>("sha256", NpgsqlDbType.Text) { TypedValue = source.Sha256 });
            insert.Parameters.Add(seq);
            insert.Parameters.Add(bytes);
            await insert.PrepareAsync(ct);
            var next = 0;
            await ArchiveHashing.CopyVerifiedAsync(source, buffer.AsMemory(0, DefaultChunkBytes), async block =>
            {
                seq.TypedValue = next++;
                bytes.Value = MemoryMarshal.TryGetArray(block, out var segment) ? segment : (object)block.ToArray();
                await insert.ExecuteNonQueryAsync(ct);
            }, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override async Task<long> StoredBytesAsync(CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return Convert.ToInt64(await new NpgsqlCommand("SELECT pg_total_relation_size('source_chunk')", (NpgsqlConnection)connection).ExecuteScalarAsync(ct));
    }

    public override async Task<Stream?> OpenAsync(ArchiveRow row, CancellationToken ct)
    {
        var connection = await dialect.OpenAsync(ct);
        try
        {
            var chunks = await new NpgsqlCommand("SELECT COUNT(*) FROM source_chunk WHERE sha256 = @sha256", (NpgsqlConnection)connection)
            {
                Parameters = { new NpgsqlParameter<string>("sha256", row.Sha256) },
            }.ExecuteScalarAsync(ct);
            if (Convert.ToInt64(chunks) == 0 && row.SizeBytes > 0)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new ChunkReadStream((NpgsqlConnection)connection, row.Sha256, row.SizeBytes, (int)(row.ChunkBytes ?? DefaultChunkBytes));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
