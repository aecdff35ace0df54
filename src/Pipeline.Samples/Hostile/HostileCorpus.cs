namespace Pipeline.Samples.Hostile;

/// <summary>
/// The hostile-input corpus: malformed inputs made from the sample region's files (<see cref="HostileSources"/>), every
/// kind of <see cref="HostileKinds"/>, deterministic (fixed seeds and cut points: the same bytes on every run).
/// <see cref="Write"/> puts them under a folder by kind; <see cref="WriteGood"/> writes the good files beside which a
/// test ingests them.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Every malformed input, in a stable order.</summary>
    public static IReadOnlyList<HostileFile> Files() => Files(HostileSources.All());

    public static IReadOnlyList<HostileFile> Files(IReadOnlyList<SampleSource> sources) =>
    [
        .. Truncations.Make(sources), .. ByteFlips.Make(sources), .. ZeroedRanges.Make(sources), .. BrokenZipEntries.Make(sources),
        .. WrongExtensions.Make(sources), .. BadCsvs.Make(sources), .. CsvExtremes.Make(sources), .. BrokenPdfs.Make(sources),
        .. OddNames.Make(sources), .. ZipBombs.Make(sources),
    ];

    /// <summary>Writes <paramref name="files"/> under <paramref name="folder"/> (created) and returns their full paths, in order.</summary>
    public static IReadOnlyList<string> Write(string folder, IEnumerable<HostileFile> files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(folder, Path.Combine(file.Path.Split('/')));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                file.Write(stream);
            written.Add(path);
        }
        return written;
    }

    /// <summary>Writes the good files (<see cref="HostileSources.All"/>) into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> WriteGood(string folder)
    {
        Directory.CreateDirectory(folder);
        return HostileSources.All().Select(s =>
        {
            var path = Path.Combine(folder, s.Name);
            File.WriteAllBytes(path, s.Bytes);
            return path;
        }).ToList();
    }
}
