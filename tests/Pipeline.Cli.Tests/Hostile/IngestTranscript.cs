using System.Text.RegularExpressions;

namespace Pipeline.Cli.Tests.Hostile;

/// <summary>
/// What one <c>pipeline ingest</c> printed, read back: each file's status line (<c>[i/n] status: path</c>), the error
/// lines (<c>ERR path: reason</c>), the warning lines (<c>WRN path: …</c>, skips included) and each feed's counts
/// (<c>name: kind feed, R rows read, S staged, Q quarantined, …</c>).
/// </summary>
public sealed partial class IngestTranscript
{
    public IngestTranscript(CliResult result)
    {
        Result = result;
        Lines = [.. (result.Stderr + "\n" + result.Stdout).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
        foreach (var line in Lines)
        {
            if (Progress().Match(line) is { Success: true } p) Statuses.Add((p.Groups["path"].Value, p.Groups["status"].Value));
            else if (line.StartsWith("ERR ", StringComparison.Ordinal)) Errors.Add(line[4..]);
            else if (line.StartsWith("WRN ", StringComparison.Ordinal)) Warnings.Add(line[4..]);
            if (FeedCounts().Match(line) is { Success: true } f)
                Feeds.Add((f.Groups["name"].Value, Count(f, "read"), Count(f, "staged"), Count(f, "quarantined")));
        }
    }

    /// <summary>A count as printed for people ("3.000").</summary>
    private static long Count(Match match, string group) => long.Parse(match.Groups[group].Value.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);

    public CliResult Result { get; }
    public IReadOnlyList<string> Lines { get; }
    public List<(string Path, string Status)> Statuses { get; } = [];
    public List<string> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<(string Name, long Read, long Staged, long Quarantined)> Feeds { get; } = [];

    /// <summary>A crash rather than a handled failure: an exit code other than 0 or 1, an unhandled exception, a stack trace.</summary>
    public string? Crash =>
        Result.ExitCode is not (0 or 1) ? $"exit {Result.ExitCode}"
        : Lines.FirstOrDefault(l => l.Contains("Unhandled exception", StringComparison.Ordinal) || StackFrame().IsMatch(l)) is { } line ? line
        : null;

    /// <summary>The lines, of <paramref name="lines"/>, about <paramref name="path"/> ("path: …").</summary>
    public static List<string> About(IEnumerable<string> lines, string path) =>
        lines.Where(l => l.StartsWith(path + ": ", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"^\[\d+/\d+\] (?<status>[a-z]+): (?<path>.+)$")]
    private static partial Regex Progress();

    [GeneratedRegex(@"^(?<name>.+): (practices|companies) feed, (?<read>[\d.]+) rows read, (?<staged>[\d.]+) staged, (?<quarantined>[\d.]+) quarantined")]
    private static partial Regex FeedCounts();

    [GeneratedRegex(@"^\s+at \S+\(.*\)")]
    private static partial Regex StackFrame();
}
