using UglyToad.PdfPig.Logging;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// PdfPig's log, kept for the page being read: the errors it reports (it logs and goes on rather than throw) become
/// that page's warnings. Debug and warning messages (unknown operators and the like) are noise and dropped.
/// </summary>
internal sealed class ParserLog : ILog
{
    private readonly List<string> _errors = [];

    /// <summary>The errors logged since the last call, first line of each, duplicates dropped.</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        lock (_errors)
        {
            var errors = _errors.Distinct(StringComparer.Ordinal).ToList();
            _errors.Clear();
            return errors;
        }
    }

    public void Debug(string message) { }

    public void Debug(string message, Exception ex) { }

    public void Warn(string message) { }

    public void Error(string message) => Add(message);

    public void Error(string message, Exception ex) => Add($"{message}: {ex.Message}");

    private void Add(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        lock (_errors) _errors.Add(line);
    }
}
