namespace Pipeline.Extraction;

/// <summary>A file that could not be read at all. <see cref="Exception.Message"/> is one line: "file: reason".</summary>
public sealed class ExtractionException(string file, string reason, Exception? inner = null)
    : Exception($"{Path.GetFileName(file)}: {reason}", inner)
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
}
