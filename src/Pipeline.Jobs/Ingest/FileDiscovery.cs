using Pipeline.Extraction;

namespace Pipeline.Jobs.Ingest;

/// <summary>A file or folder a scan did not take, and why (one line each, printed once).</summary>
public sealed record SkippedPath(string Path, string Reason)
{
    public override string ToString() => $"{Path}: skipped, {Reason}";
}

/// <summary>What a scan found: the files to read (each once, in a stable order), the paths that do not exist, and what it skipped.</summary>
public sealed record DiscoveredFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Missing, IReadOnlyList<SkippedPath> Skipped);

/// <summary>
/// Expands the paths of an ingest or of a chamber's sources into files: a file named is taken as it is; a folder is
/// searched recursively for the known kinds (PDFs, workbooks, extraction JSON and, with feeds, .csv/.tsv). A scan
/// never descends into a directory that is a symbolic link (or any reparse point): it cannot loop through a link to
/// the folder itself or to a parent, nor wander into a sibling; each such link is named as not followed. Each file
/// is listed once (by full path), and every file or folder the scan leaves out is named with the reason: hidden,
/// an Office lock file, an unknown extension or none, a .txt not named, a feed without feed configuration, not
/// readable. The one place files are discovered: <c>pipeline ingest</c>, <c>pipeline run</c> and the nightly job.
/// </summary>
public static class FileDiscovery
{
    /// <summary>Feed files a folder scan picks up (a .txt is taken only when named: too many .txt files are not feeds).</summary>
    public static readonly IReadOnlySet<string> FeedFolderExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".csv", ".tsv" };

    public static DiscoveredFiles Expand(IReadOnlyList<string> paths, bool feeds = true)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var skipped = new List<SkippedPath>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skippedSeen = new HashSet<string>(StringComparer.Ordinal);

        void Skip(string path, string reason)
        {
            if (skippedSeen.Add(Path.GetFullPath(path))) skipped.Add(new SkippedPath(path, reason));
        }

        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, feeds, found, Skip);
                foreach (var file in found.Order(StringComparer.Ordinal))
                    if (seen.Add(Path.GetFullPath(file))) files.Add(file);
            }
            else missing.Add(path);
        }
        return new DiscoveredFiles(files, missing, skipped);
    }

    private static void Walk(string root, bool feeds, List<string> found, Action<string, string> skip)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false })
                    .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                skip(dir, $"folder not readable ({ex.Message.Split('\n')[0]})");
                continue;
            }
            foreach (var entry in entries)
            {
                var path = Path.Combine(dir, entry.Name);
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is { } target || sub.Attributes.HasFlag(FileAttributes.ReparsePoint))
                        skip(path, $"a link to a folder ({sub.LinkTarget ?? "reparse point"}), not followed");
                    else if (entry.Name.StartsWith('.'))
                        skip(path, "hidden folder, not searched");
                    else pending.Push(path);
                }
                else if (ReasonToSkip(entry, feeds) is { } reason) skip(path, reason);
                else found.Add(path);
            }
        }
    }

    /// <summary>Why a file found in a folder is not taken, or null when it is.</summary>
    private static string? ReasonToSkip(FileSystemInfo file, bool feeds)
    {
        var name = file.Name;
        if (name.StartsWith("~$", StringComparison.Ordinal)) return "an Office lock file";
        if (name.StartsWith('.')) return "hidden file";
        var extension = Path.GetExtension(name);
        if (extension.Length == 0) return "no extension (PDFs, workbooks, extraction JSON and .csv/.tsv feeds are read)";
        if (FeedFolderExtensions.Contains(extension) && !feeds) return "a feed, and no feed configuration is loaded";
        if (string.Equals(extension, ".txt", StringComparison.OrdinalIgnoreCase))
            return "a .txt file is read as a feed only when named, not from a folder";
        if (!DocumentExtractors.KnownExtensions.Contains(extension) && !FeedFolderExtensions.Contains(extension))
            return $"unknown extension '{extension}' (PDFs, workbooks, extraction JSON and .csv/.tsv feeds are read)";
        try
        {
            using var handle = File.OpenHandle(file.FullName, FileMode.Open, FileAccess.Read);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"not readable ({ex.Message.Split('\n')[0]})";
        }
        return null;
    }
}
