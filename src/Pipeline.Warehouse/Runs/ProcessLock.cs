using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Runs;

/// <summary>
/// A named lock held by a process, across processes and nodes, and released by the operating system or the server
/// when that process dies: on PostgreSQL a session advisory lock (key from the name), on SQLite an exclusive lock on
/// a file next to the warehouse. Under it: <see cref="ChamberRunLock"/> (one run of a chamber at once) and the lease
/// of each running <c>etl_run</c> row (<see cref="EtlRunStore"/>).
/// </summary>
internal sealed class ProcessLock : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly long _key;
    private readonly FileStream? _file;
    private readonly bool _deleteFile;

    private ProcessLock(DbConnection? connection, long key, FileStream? file, bool deleteFile)
    {
        _connection = connection;
        _key = key;
        _file = file;
        _deleteFile = deleteFile;
    }

    /// <summary>
    /// Takes the lock <paramref name="name"/>, or returns null at once when another holder has it (another process,
    /// or another holder in this one). On SQLite the lock file is <c>WAREHOUSE.FILESUFFIX</c>, removed on release
    /// when <paramref name="deleteFile"/>. An in-memory SQLite warehouse has one process: the lock is always taken.
    /// </summary>
    public static async Task<ProcessLock?> TryAcquireAsync(SqlDialect dialect, string name, string fileSuffix, bool deleteFile, CancellationToken ct = default)
    {
        if (dialect is SqliteDialect sqlite) return TryLockFile(sqlite, fileSuffix, deleteFile);

        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
        var connection = await dialect.OpenAsync(ct);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: ct)))
                return new ProcessLock(connection, key, null, false);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private static ProcessLock? TryLockFile(SqliteDialect sqlite, string fileSuffix, bool deleteFile)
    {
        if (sqlite.DataSource == ":memory:") return new ProcessLock(null, 0, null, false);
        var path = $"{Path.GetFullPath(sqlite.DataSource)}.{fileSuffix}";
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new ProcessLock(null, 0, file, deleteFile);
        }
        catch (IOException)
        {
            return null;   // held by another process (or another holder in this one)
        }
    }

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
        if (_file is not null)
        {
            // removed while still held: whoever opens the name next gets a fresh file (and the row it guarded is finished by then)
            if (_deleteFile)
                try { File.Delete(_file.Name); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _file.Dispose();
        }
    }
}
