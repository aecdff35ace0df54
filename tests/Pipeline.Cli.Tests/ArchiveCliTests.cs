using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Samples;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline archive verify [--json]</c> and the archive in <c>pipeline trace</c>, through real child processes on both
/// dialects: an intact archive verifies (exit 0); an entry damaged in its store and one whose bytes are gone are one
/// line each, counted, exit 1.
/// </summary>
public abstract class ArchiveCliTests(string dialect) : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Write(string relative, byte[] bytes)
    {
        var path = _cli.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Verify_finds_a_corrupt_and_a_missing_entry_one_line_each_and_exits_1()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        var workbook = SampleGenerator.RenderAll().Single(w => w.FileName == SampleGenerator.FirstHalfXlsx).Bytes;
        var year = SampleGenerator.RenderAll().Single(w => w.FileName != SampleGenerator.FirstHalfXlsx).Bytes;
        using var csv = new MemoryStream();
        PracticeFeed.Write(csv, PracticeFeed.Rows(300, 3, 2021, 1), FeedCsvStyle.Priamo);
        Write("in/monitoraggio.xlsx", workbook);
        Write("in/consuntivo.xlsx", year);
        Write("in/pratiche.csv", csv.ToArray());

        Assert.Equal(0, (await _cli.RunAsync("init")).ExitCode);
        var ingest = await _cli.RunAsync("ingest", _cli.PathOf("in"), "--chamber", "CBIS");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var clean = await _cli.RunAsync("archive", "verify");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("): 3 entries re-hashed (", clean.Stdout);
        Assert.Contains(", 3 document sha256; 0 missing, 0 corrupt", clean.Stdout);

        var trace = await _cli.RunAsync("trace", "1");
        Assert.True(trace.ExitCode == 0, trace.ToString());
        Assert.Contains(dialect == "sqlite" ? "): archived in folder, " : "): archived in database PostgreSQL ", trace.Stdout);

        // one entry damaged in its store (same size, other bytes), one entry's bytes removed
        var (damaged, removed) = (Sha(workbook), Sha(csv.ToArray()));
        if (dialect == "sqlite")
        {
            // archive/ beside the warehouse file
            var folder = Path.Combine(Path.GetDirectoryName(((Pipeline.Warehouse.Dialects.SqliteDialect)wh.Dialect).DataSource)!, "archive");
            var file = Path.Combine(folder, damaged[..2], damaged[2..4], damaged);
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes);
            File.Delete(Path.Combine(folder, removed[..2], removed[2..4], removed));
        }
        else
        {
            await wh.ScalarAsync<int>("UPDATE source_chunk SET bytes = set_byte(bytes, 100, 255 - get_byte(bytes, 100)) WHERE sha256 = @damaged", new { damaged });
            await wh.ScalarAsync<int>("DELETE FROM source_chunk WHERE sha256 = @removed", new { removed });
        }

        var result = await _cli.RunAsync("archive", "verify");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"corrupt {damaged}: monitoraggio.xlsx: the bytes at ", Assert.Single(lines, l => l.StartsWith("corrupt ")));
        Assert.StartsWith($"missing {removed}: pratiche.csv: no bytes at ", Assert.Single(lines, l => l.StartsWith("missing ")));
        Assert.Contains(", 3 document sha256; 1 missing, 1 corrupt", lines[^1]);

        var json = await _cli.RunAsync("archive", "verify", "--json");
        Assert.Equal(1, json.ExitCode);
        using var parsed = JsonDocument.Parse(json.Stdout);
        var root = parsed.RootElement;
        Assert.Equal((3, 1, 1, false), (root.GetProperty("entries").GetInt32(), root.GetProperty("missing").GetInt32(),
            root.GetProperty("corrupt").GetInt32(), root.GetProperty("ok").GetBoolean()));
        Assert.Equal(2, root.GetProperty("problems").GetArrayLength());
    }
}

public sealed class SqliteArchiveCliTests() : ArchiveCliTests("sqlite");

public sealed class PostgresArchiveCliTests() : ArchiveCliTests("postgres");
