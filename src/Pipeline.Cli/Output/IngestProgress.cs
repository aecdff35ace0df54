using Pipeline.Jobs.Ingest;

namespace Pipeline.Cli.Output;

/// <summary>
/// Progress of one ingest (<c>pipeline ingest</c>, the demo): a night of one chamber as <see cref="RunProgress"/>
/// shows it, labelled "ingesting": a Spectre progress bar on stderr when it is a terminal; otherwise one line per
/// file on stderr (<c>[3/7] new: path</c>).
/// </summary>
public sealed class IngestProgress : IIngestProgress, IDisposable
{
    private readonly RunProgress _run;
    private readonly IIngestProgress _files;

    public IngestProgress(ConsoleMode mode)
    {
        _run = new RunProgress(mode, chambers: 1);
        _files = _run.For("ingesting");
    }

    public void Started(int files) => _files.Started(files);

    public void FileStarting(string path) => _files.FileStarting(path);

    public void FileDone(FileOutcome outcome) => _files.FileDone(outcome);

    public void Dispose() => _run.Dispose();
}
