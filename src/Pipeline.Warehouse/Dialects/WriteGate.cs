using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pipeline.Warehouse.Dialects;

/// <summary>
/// One writer at a time per SQLite file in this process. SQLite takes one write transaction at a time anyway; a
/// writer that finds the file locked polls it (<c>busy_timeout</c>) and can lose every poll to a stream of other
/// writers until it fails with "database is locked". When chambers run in parallel (<c>pipeline run --parallel</c>,
/// the scheduler's threads), their writers queue here instead, in order, while their reading and extraction go on in
/// parallel. Every statement or transaction that writes enters the gate first:
/// <code>await using var writing = await dialect.Writes.EnterAsync(ct);</code>
/// A writer already inside the gate that enters it again (a loader that records a failed file, a review that
/// recomputes achievement) passes through: the gate belongs to the flow of work that entered it, including the tasks
/// that flow awaits. PostgreSQL needs none: <see cref="Open"/>. Writers in other processes still meet SQLite's lock
/// and <c>busy_timeout</c>.
/// </summary>
public sealed class WriteGate
{
    private static readonly ConcurrentDictionary<string, WriteGate> ByFile = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim? _one;
    private readonly AsyncLocal<Holder?> _holder = new();
    private long _waitedTicks;
    private long _entries;

    private WriteGate(bool serialised) => _one = serialised ? new SemaphoreSlim(1, 1) : null;

    /// <summary>A gate that never waits (a server database that takes concurrent writers).</summary>
    public static WriteGate Open { get; } = new(serialised: false);

    /// <summary>The gate of an SQLite file, shared by every dialect of this process on the same file (by full path).</summary>
    public static WriteGate ForFile(string path) => ByFile.GetOrAdd(Path.GetFullPath(path), _ => new WriteGate(serialised: true));

    /// <summary>A gate of its own (an in-memory database, one per dialect).</summary>
    public static WriteGate Private() => new(serialised: true);

    /// <summary>How long writers have waited at the gate, all together, since the process started.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>How many writers have entered (nested entries not counted).</summary>
    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>
    /// Waits for the gate (at once when open, or when this flow holds it already) and holds it until the lease is
    /// disposed. Not an async method on purpose: the flow's holder must be set in the caller's own context, so that
    /// what the caller awaits while holding the gate sees it held.
    /// </summary>
    public ValueTask<WriteLease> EnterAsync(CancellationToken ct = default)
    {
        if (_one is null) return ValueTask.FromResult(WriteLease.None);
        if (_holder.Value is { Held: true } held)
        {
            held.Depth++;
            return ValueTask.FromResult(new WriteLease(this, held));
        }
        var holder = new Holder();
        _holder.Value = holder;
        return AcquireAsync(holder, ct);
    }

    private async ValueTask<WriteLease> AcquireAsync(Holder holder, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await _one!.WaitAsync(ct);
        Interlocked.Add(ref _waitedTicks, Stopwatch.GetElapsedTime(started).Ticks);
        Interlocked.Increment(ref _entries);
        holder.Held = true;
        holder.Depth = 1;
        return new WriteLease(this, holder);
    }

    internal void Leave(Holder holder)
    {
        if (--holder.Depth > 0) return;
        holder.Held = false;
        _one!.Release();
    }

    /// <summary>The flow that holds the gate; shared by reference with the tasks the flow starts while it holds it.</summary>
    internal sealed class Holder
    {
        public bool Held;
        public int Depth;
    }
}

/// <summary>The gate held by a writer until disposed (once).</summary>
public sealed class WriteLease : IAsyncDisposable, IDisposable
{
    private readonly WriteGate? _gate;
    private readonly WriteGate.Holder? _holder;
    private int _disposed;

    internal static WriteLease None { get; } = new(null, null);

    internal WriteLease(WriteGate? gate, WriteGate.Holder? holder)
    {
        _gate = gate;
        _holder = holder;
    }

    public void Dispose()
    {
        if (_gate is null || Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _gate.Leave(_holder!);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
