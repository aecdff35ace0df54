using Pipeline.Core.Text;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Output;

/// <summary>
/// The progress of a night of several chambers (<c>pipeline run</c>), some of them at once. On a terminal: one
/// Spectre bar per chamber on stderr, added as the chamber starts and cleared at the end. Otherwise: one line per
/// file on stderr, prefixed with the chamber's code when there are several chambers. Summary lines that arrive while
/// the bars are shown are held (<see cref="Report"/>) and printed once the bars are gone, so that the two never
/// overwrite each other on the terminal.
/// </summary>
public sealed class RunProgress : IDisposable
{
    private readonly ConsoleMode _mode;
    private readonly bool _prefix;
    private readonly object _lines = new();
    private readonly List<Action> _held = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ProgressContext? _context;
    private readonly Task? _renderer;
    private bool _disposed;

    public RunProgress(ConsoleMode mode, int chambers)
    {
        _mode = mode;
        _prefix = chambers > 1;
        if (!mode.RichProgress || chambers == 0) return;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var ready = new TaskCompletionSource<ProgressContext>();
        _renderer = console.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            ready.SetResult(ctx);
            await _done.Task;
        });
        _context = ready.Task.GetAwaiter().GetResult();
    }

    /// <summary>The progress of one chamber's files.</summary>
    public IIngestProgress For(ChamberSource chamber) => For(chamber.Code);

    /// <summary>The progress of one set of files, its bar labelled <paramref name="label"/>.</summary>
    public IIngestProgress For(string label) => new Chamber(this, label);

    /// <summary>Prints now, or once the bars are gone when they are shown.</summary>
    public void Report(Action print)
    {
        lock (_lines)
        {
            if (_context is not null && !_disposed) _held.Add(print);
            else print();
        }
    }

    public void Dispose()
    {
        lock (_lines)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _done.TrySetResult();
        _renderer?.GetAwaiter().GetResult();
        foreach (var print in _held) print();
        _held.Clear();
    }

    private sealed class Chamber(RunProgress run, string code) : IIngestProgress
    {
        private ProgressTask? _task;
        private int _total;
        private int _count;

        public void Started(int files)
        {
            _total = files;
            if (run._context is not null && files > 0) _task = run._context.AddTask(Markup.Escape(code), maxValue: files);
        }

        public void FileStarting(string path)
        {
            if (_task is not null) _task.Description = Markup.Escape($"{code} {PrintableText.OneLine(Path.GetFileName(path))}");
        }

        public void FileDone(FileOutcome outcome)
        {
            var count = Interlocked.Increment(ref _count);
            if (_task is not null)
            {
                _task.Increment(1);
                if (count == _total) _task.Description = Markup.Escape(code);
                return;
            }
            if (run._mode.Quiet) return;
            var position = run._prefix ? $"{code} {count}/{_total}" : $"{count}/{_total}";
            lock (run._lines)
                Console.Error.WriteLine($"[{position}] {outcome.Status.ToString().ToLowerInvariant()}: {PrintableText.OneLine(outcome.Path)}");
        }
    }
}
