using Pipeline.Core.Text;
using Pipeline.Jobs.Ingest;
using Spectre.Console;

namespace Pipeline.Cli.Output;

/// <summary>
/// Progress of an ingest: a Spectre progress bar on stderr when it is a terminal; otherwise one line per file
/// on stderr. Outcomes are kept for the summary printed afterwards.
/// </summary>
public sealed class IngestProgress : IIngestProgress, IDisposable
{
    private readonly ConsoleMode _mode;
    private readonly IAnsiConsole? _console;
    private ProgressTask? _task;
    private TaskCompletionSource? _done;
    private Task? _renderer;
    private int _total;
    private int _count;

    public IngestProgress(ConsoleMode mode)
    {
        _mode = mode;
        if (mode.RichProgress)
            _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    }

    public void Started(int files)
    {
        _total = files;
        if (_console is null || files == 0) return;
        var ready = new TaskCompletionSource();
        _done = new TaskCompletionSource();
        _renderer = _console.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            _task = ctx.AddTask("ingesting", maxValue: files);
            ready.SetResult();
            await _done.Task;
        });
        ready.Task.Wait();
    }

    public void FileStarting(string path)
    {
        if (_task is not null) _task.Description = Markup.Escape(PrintableText.OneLine(Path.GetFileName(path)));
    }

    public void FileDone(FileOutcome outcome)
    {
        _count++;
        if (_task is not null)
        {
            _task.Increment(1);
            return;
        }
        if (!_mode.Quiet)
            Console.Error.WriteLine($"[{_count}/{_total}] {outcome.Status.ToString().ToLowerInvariant()}: {PrintableText.OneLine(outcome.Path)}");
    }

    public void Dispose()
    {
        _done?.TrySetResult();
        _renderer?.Wait();
    }
}
