using System.Security.Cryptography;
using System.Text;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Loading;

namespace Pipeline.Warehouse.Tests.Archive;

/// <summary>
/// <c>archive verify</c>'s checks on both dialects: every entry re-hashed, every document's sha256 looked for; an entry
/// damaged in its store (a file overwritten, a chunk changed) is corrupt, bytes removed or a document loaded without
/// an entry are missing.
/// </summary>
public abstract class ArchiveVerifierTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("pipeline-verify-in-");

    public void Dispose() => _input.Delete(recursive: true);

    private async Task<string> LoadAsync(TestWarehouse wh, string name, string content, decimal actual)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var path = Path.Combine(_input.FullName, name);
        await File.WriteAllBytesAsync(path, bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var document = Documents.FoggiaMonitoring("unused", actual);
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(document, path, sha) { Source = ArchiveSource.FromFile(path, sha) });
        return sha;
    }

    [Fact]
    public async Task Finds_a_corrupt_entry_a_missing_one_and_a_document_loaded_before_the_archive()
    {
        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var archive = SourceArchive.For(wh.Dialect);
        var intact = await LoadAsync(wh, "v1.xlsx", "version one", 21m);
        var corrupted = await LoadAsync(wh, "v2.xlsx", "version two", 22m);
        var removed = await LoadAsync(wh, "v3.xlsx", "version three", 23m);
        // a warehouse loaded before the archive existed: a document row with no entry
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(Documents.FoggiaMonitoring("old", 24m), "/in/v0.xlsx", new string('0', 64)));

        var clean = await new ArchiveVerifier(archive).VerifyAsync(CancellationToken.None);
        Assert.Equal((3, 4, "version one".Length + "version two".Length + "version three".Length),
            (clean.Entries, clean.Documents, (int)clean.Bytes));
        var old = Assert.Single(clean.Problems);
        Assert.Equal(("missing", new string('0', 64)), (old.Kind, old.Sha256));
        Assert.StartsWith("document 4 (v0.xlsx) has no archive entry", old.Reason);

        if (dialect == "sqlite")
        {
            await File.WriteAllTextAsync(Path.Combine(archive.Folder!, corrupted[..2], corrupted[2..4], corrupted), "version 2!!");
            File.Delete(Path.Combine(archive.Folder!, removed[..2], removed[2..4], removed));
        }
        else
        {
            await wh.ScalarAsync<int>("UPDATE source_chunk SET bytes = convert_to('version 2!!', 'UTF8') WHERE sha256 = @corrupted", new { corrupted });
            await wh.ScalarAsync<int>("DELETE FROM source_chunk WHERE sha256 = @removed", new { removed });
        }

        var result = await new ArchiveVerifier(archive).VerifyAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal((2, 1, 3), (result.Missing, result.Corrupt, result.Entries));
        Assert.Equal("version one".Length, result.Bytes);
        var corrupt = Assert.Single(result.Problems, p => p.Kind == "corrupt");
        Assert.Equal(corrupted, corrupt.Sha256);
        Assert.StartsWith("v2.xlsx: the bytes at ", corrupt.Reason);
        Assert.Contains(" hash to ", corrupt.Reason);
        var gone = Assert.Single(result.Problems, p => p.Kind == "missing" && p.Sha256 == removed);
        Assert.StartsWith("v3.xlsx: no bytes at ", gone.Reason);
        Assert.DoesNotContain(result.Problems, p => p.Sha256 == intact);
        Assert.All(result.Problems, p => Assert.DoesNotContain('\n', p.Reason));
    }
}

public sealed class SqliteArchiveVerifierTests() : ArchiveVerifierTests("sqlite");

public sealed class PostgresArchiveVerifierTests() : ArchiveVerifierTests("postgres");
