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
    private readonly ProcessLock _lock;

    private ChamberRunLock(ProcessLock held) => _lock = held;

    /// <summary>Takes the lock of <paramref name="chamberCode"/>, or returns null at once when another run holds it.</summary>
    public static async Task<ChamberRunLock?> TryAcquireAsync(SqlDialect dialect, string chamberCode, CancellationToken ct = default)
    {
        var code = chamberCode.Trim().ToUpperInvariant();
        // a stable 64-bit advisory-lock key per chamber, in its own namespace ("pipeline-run:" + code)
        var held = await ProcessLock.TryAcquireAsync(dialect, "pipeline-run:" + code, $"run-{code}.lock", deleteFile: false, ct);
        return held is null ? null : new ChamberRunLock(held);
    }

    public ValueTask DisposeAsync() => _lock.DisposeAsync();
}
