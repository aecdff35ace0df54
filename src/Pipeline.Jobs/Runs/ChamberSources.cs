using Pipeline.Core.Configuration;
using Pipeline.Core.Feeds;

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

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the entry.</exception>
    public static ChamberSources Parse(string json, string origin, string baseDirectory)
    {
        var root = ConfigSetting.Root(origin);
        var entries = root["chambers"].Required(ConfigFile.Parse<ChambersFile>(json, origin).Chambers, "the list of chambers");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return new ChamberSources(entries.Select((c, i) =>
        {
            var at = root["chambers"][i];
            var info = at["code"].Chamber(c.Code);
            if (!seen.TryAdd(info.Code, i)) throw at["code"].Error($"{info.Code} is listed twice (also chambers[{seen[info.Code]}])");
            if (c.Patron is not null) at["patron"].Parsed(() => MonthDay.Parse(c.Patron));
            var sources = (c.Sources ?? []).SelectMany(kind => kind.Value.Select((path, j) =>
                at["sources"][kind.Key][j].Required(path, "a folder or a glob") is var text && Path.IsPathRooted(text)
                    ? text : Path.GetFullPath(Path.Combine(baseDirectory, text))));
            return new ChamberSource(info.Code, c.Name ?? info.Name, c.Region ?? info.Region, c.Patron,
                (c.Recipients ?? []).OfType<string>().Where(x => x.Contains('@')).ToList(), sources.ToList());
        }).ToList());
    }

    private sealed record ChambersFile(List<ChamberEntry>? Chambers);

    private sealed record ChamberEntry(string? Code, string? Name, string? Region, string? Patron, List<string?>? Recipients, Dictionary<string, List<string?>>? Sources);

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
