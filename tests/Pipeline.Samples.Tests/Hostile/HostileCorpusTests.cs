using System.Security.Cryptography;
using Pipeline.Samples.Hostile;

namespace Pipeline.Samples.Tests.Hostile;

public class HostileCorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_300_files_of_every_kind_with_distinct_paths()
    {
        var files = HostileCorpus.Files();

        Assert.True(files.Count >= 300, $"{files.Count} files");
        Assert.Equal(HostileKinds.All.Order(), files.Select(f => f.Kind).Distinct().Order());
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count());
        foreach (var kind in HostileKinds.All) Assert.Contains(files, f => f.Kind == kind);
        Assert.Contains(files, f => f.Path.Split('/').Length > 100);
        Assert.Contains(files, f => f.Path.Contains('"') && f.Path.Contains(';'));
        Assert.Contains(files, f => f.Path.Any(c => c > 127));
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes_and_the_large_files_their_size()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        var files = HostileCorpus.Files();
        var a = HostileCorpus.Write(first.Path, files);
        var b = HostileCorpus.Write(second.Path, files);

        Assert.Equal(a.Select(p => Path.GetRelativePath(first.Path, p)), b.Select(p => Path.GetRelativePath(second.Path, p)));
        for (var i = 0; i < a.Count; i++)
            Assert.True(Hash(a[i]) == Hash(b[i]), $"{files[i].Path} differs between two runs");
        var longLine = a[files.ToList().FindIndex(f => f.Kind == HostileKinds.LongLineCsv)];
        Assert.Equal(CsvExtremes.LongLineBytes, new FileInfo(longLine).Length);
        Assert.DoesNotContain((byte)'\n', File.ReadAllBytes(longLine));
        foreach (var bomb in a.Where((_, i) => files[i].Kind is HostileKinds.ZipBomb or HostileKinds.HugeSharedStrings))
            Assert.True(new FileInfo(bomb).Length < 10_000_000, $"{bomb}: {new FileInfo(bomb).Length} bytes");
    }

    [Fact]
    public void Every_damaged_file_differs_from_its_source_or_has_another_name()
    {
        var sources = HostileSources.All();
        using var folder = new TempDir();
        var files = HostileCorpus.Files(sources).Where(f => f.Kind is not (HostileKinds.LongLineCsv or HostileKinds.ZipBomb or HostileKinds.HugeSharedStrings)).ToList();
        var paths = HostileCorpus.Write(folder.Path, files);
        var bySource = sources.ToDictionary(s => s.Name, s => Convert.ToHexString(SHA256.HashData(s.Bytes)));
        for (var i = 0; i < files.Count; i++)
        {
            var same = bySource.TryGetValue(files[i].Source, out var sha) && sha == Hash(paths[i]);
            Assert.True(!same || files[i].Kind == HostileKinds.WrongExtension, $"{files[i].Path} is its source unchanged");
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
