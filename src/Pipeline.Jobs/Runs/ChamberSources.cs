using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Chambers;

namespace Pipeline.Jobs.Runs;

/// <summary>One chamber of <c>config/chambers.json</c>: who it is, who is told, where its files are.</summary>
public sealed record ChamberSource(string Code, string Name, string Region, string? Patron, IReadOnlyList<string> Recipients, IReadOnlyList<string> Sources);

/// <summary>
/// The chambers a nightly run loads (<c>config/chambers.json</c>, docs/operations.md): code, name, region, patron
/// saint's day, alert recipients and sources — folders or globs (<c>*</c> and <c>?</c> in the last part) of PDFs,
/// workbooks and feeds, relative to the folder that holds <c>config/</c> (the repository, for the committed sample
/// region) unless absolute.
/// </summary>
public sealed class ChamberSources
{
    public const string FileName = "chambers.json";

    private ChamberSources(IReadOnlyList<ChamberSource> chambers) => All = chambers;

    public IReadOnlyList<ChamberSource> All { get; }

    /// <summary>Chambers given in code rather than read from a file (the demo's sample chamber, tests).</summary>
    public static ChamberSources Of(params ChamberSource[] chambers) => new(chambers);

    /// <exception cref="ConfigException">The file is missing or not valid; the message names the file and the entry.</exception>
    public static ChamberSources FromDirectory(string configDirectory)
    {
        var path = Path.Combine(configDirectory, FileName);
        if (!File.Exists(path)) throw new ConfigException($"{path}: not found (it lists the chambers and their sources; see docs/operations.md)");
        var root = Path.GetDirectoryName(Path.GetFullPath(configDirectory.TrimEnd('/', '\\'))) ?? ".";
        return Parse(File.ReadAllText(path), path, root);
    }

    public static ChamberSources Parse(string json, string origin, string baseDirectory)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var list = new List<ChamberSource>();
            var i = 0;
            foreach (var c in doc.RootElement.GetProperty("chambers").EnumerateArray())
            {
                var where = $"{origin}: chambers[{i++}]";
                var code = c.TryGetProperty("code", out var cv) ? cv.GetString() ?? "" : "";
                var info = ChamberResolver.Lookup(code) ?? throw new ConfigException($"{where}: unknown chamber '{code}'");
                string? patron = c.TryGetProperty("patron", out var p) ? p.GetString() : null;
                if (patron is not null) Pipeline.Core.Feeds.MonthDay.Parse(patron);
                var recipients = c.TryGetProperty("recipients", out var r) ? r.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Contains('@')).ToList() : [];
                var sources = new List<string>();
                if (c.TryGetProperty("sources", out var s))
                    foreach (var kind in s.EnumerateObject())
                        foreach (var pattern in kind.Value.EnumerateArray())
                        {
                            var text = pattern.GetString() ?? throw new ConfigException($"{where}: sources.{kind.Name}: a path is expected");
                            sources.Add(Path.IsPathRooted(text) ? text : Path.GetFullPath(Path.Combine(baseDirectory, text)));
                        }
                list.Add(new ChamberSource(info.Code, c.TryGetProperty("name", out var n) ? n.GetString() ?? info.Name : info.Name,
                    c.TryGetProperty("region", out var reg) ? reg.GetString() ?? info.Region : info.Region, patron, recipients, sources));
            }
            return new ChamberSources(list);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ConfigException($"{origin}: not valid ({ex.Message})", ex);
        }
    }

    /// <summary>The files of a chamber's sources: a folder (recursively, as ingest does) or a glob in its last part.</summary>
    public static IReadOnlyList<string> Discover(ChamberSource chamber)
    {
        var files = new List<string>();
        foreach (var source in chamber.Sources)
        {
            var name = Path.GetFileName(source);
            if (name.IndexOfAny(['*', '?']) >= 0)
            {
                var dir = Path.GetDirectoryName(source) ?? ".";
                if (Directory.Exists(dir)) files.AddRange(Directory.EnumerateFiles(dir, name).Order(StringComparer.Ordinal));
            }
            else files.Add(source);   // a folder or a file: expanded (or reported missing) by the ingest run
        }
        return files.Distinct().ToList();
    }
}
