using System.Security.Cryptography;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Archive;
using Xunit.Abstractions;

namespace Pipeline.Warehouse.Tests.Archive;

/// <summary>Tests that measure the process's allocations: run alone, or other tests' allocations count too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArchiveMemoryMeasured
{
    public const string Name = "archive memory measured";
}

/// <summary>
/// A generated practices feed of over 100 MB archived and read back on both dialects (SQLite's folder store,
/// PostgreSQL's 4 MiB chunks) with the bytes allocated by the process measured around each: a few MB, not the file.
/// </summary>
[Collection(ArchiveMemoryMeasured.Name)]
public abstract class LargeFileArchiveTests(string dialect, ITestOutputHelper output) : IDisposable
{
    private const long Size = 100L << 20;
    private const long Allowed = 16L << 20;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-archive-large-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_feed_of_over_100_MB_is_archived_and_read_back_with_a_few_MB_allocated()
    {
        var path = Path.Combine(_dir.FullName, "pratiche.csv");
        await using (var file = File.Create(path))
            PracticeFeed.Write(file, PracticeFeed.Rows(1_500_000, 14, 2021, 2).TakeWhile(_ => file.Length < Size), FeedCsvStyle.Priamo);
        string sha;
        await using (var file = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
        var length = new FileInfo(path).Length;
        Assert.True(length >= Size, $"the feed is {length} bytes");

        await using var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var archive = SourceArchive.For(wh.Dialect);
        long stored;
        await using (await wh.Dialect.Writes.EnterAsync())
        await using (var connection = await wh.Dialect.OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await archive.StoreAsync(connection, tx, ArchiveSource.FromFile(path, sha), CancellationToken.None);
            stored = GC.GetTotalAllocatedBytes(precise: true) - before;
            await tx.CommitAsync();
        }

        long read;
        string readBack;
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await using var stream = await archive.OpenReadAsync(sha, CancellationToken.None) ?? throw new FileNotFoundException(sha);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, n);
            readBack = Convert.ToHexStringLower(hash.GetHashAndReset());
            read = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        output.WriteLine($"{dialect}: {length} bytes archived with {stored} bytes allocated, read back with {read} bytes allocated");
        Assert.Equal(sha, readBack);
        Assert.True(stored < Allowed, $"archiving {length} bytes allocated {stored} bytes");
        Assert.True(read < Allowed, $"reading {length} bytes back allocated {read} bytes");
        Assert.Equal(length, (await archive.FindAsync(sha, CancellationToken.None))!.SizeBytes);
    }
}

public sealed class SqliteLargeFileArchiveTests(ITestOutputHelper output) : LargeFileArchiveTests("sqlite", output);

public sealed class PostgresLargeFileArchiveTests(ITestOutputHelper output) : LargeFileArchiveTests("postgres", output);
