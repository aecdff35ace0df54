namespace Pipeline.Extraction;

/// <summary>A file that could not be read at all. <see cref="Exception.Message"/> is one line: "file: reason".</summary>
public sealed class ExtractionException(string file, string reason, Exception? inner = null)
    : Exception($"{Path.GetFileName(file)}: {Pipeline.Core.Text.PrintableText.Of(reason)}", inner)
{
    public string File { get; } = file;

    /// <summary>The reason, one line for a person: a damaged file's control characters quoted in it are dropped.</summary>
    public string Reason { get; } = Pipeline.Core.Text.PrintableText.Of(reason);
}
