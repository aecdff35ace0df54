using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Runs;

/// <summary>
/// "Never two runs of the same chamber at once", across processes and nodes: a nightly run (scheduled or
/// <c>pipeline run</c>) holds its chamber's lock while it loads. On PostgreSQL it is a session advisory lock, on
/// SQLite an exclusive lock on a file next to the warehouse; both are released by the operating system or the server
/// when the process holding them dies, so a killed node never leaves a chamber locked.
/// </summary>
public sealed class ChamberRunLock : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly long _key;
    private readonly FileStream? _file;

    private ChamberRunLock(DbConnection? connection, long key, FileStream? file)
    {
        _connection = connection;
        _key = key;
        _file = file;
    }

    /// <summary>Takes the lock of <paramref name="chamberCode"/>, or returns null at once when another run holds it.</summary>
    public static async Task<ChamberRunLock?> TryAcquireAsync(SqlDialect dialect, string chamberCode, CancellationToken ct = default)
    {
        var code = chamberCode.Trim().ToUpperInvariant();
        if (dialect is SqliteDialect sqlite) return TryLockFile(sqlite, code);

        var key = KeyOf(code);
        var connection = await dialect.OpenAsync(ct);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: ct)))
                return new ChamberRunLock(connection, key, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private static ChamberRunLock? TryLockFile(SqliteDialect sqlite, string code)
    {
        if (sqlite.DataSource == ":memory:") return new ChamberRunLock(null, 0, null);
        var path = $"{Path.GetFullPath(sqlite.DataSource)}.run-{code}.lock";
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new ChamberRunLock(null, 0, file);
        }
        catch (IOException)
        {
            return null;   // held by another process (or another run in this one)
        }
    }

    /// <summary>A stable 64-bit advisory-lock key per chamber, in its own namespace ("run:" + code).</summary>
    private static long KeyOf(string code) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("pipeline-run:" + code)), 0);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await _connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = _key });
            }
            catch (DbException)
            {
                // the session ends just below, which releases the lock anyway
            }
            await _connection.DisposeAsync();
        }
        _file?.Dispose();
    }
}
