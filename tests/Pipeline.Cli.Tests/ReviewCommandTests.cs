using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline ingest</c> of a damaged re-send says it was held (exit 0: held is not a failure of the run) and raises
/// version-held; <c>pipeline review [--json]</c> lists it; <c>review accept|reject DOC --by</c> decides; a DOC that
/// names no held version is a usage error (exit 2). Real child processes, on both dialects.
/// </summary>
public abstract class ReviewCommandTests(string dialect) : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public void Dispose() => _cli.Dispose();

    private string Write(string relative, byte[] bytes)
    {
        var path = _cli.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_held_version_is_listed_and_accepted_by_someone_at_some_time()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        Directory.CreateDirectory(_cli.PathOf("config"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository(), "config"), "*.json"))
            File.Copy(file, Path.Combine(_cli.PathOf("config"), Path.GetFileName(file)));
        var pdfs = SampleGenerator.RenderPdfs().ToDictionary(p => p.FileName, p => p.Bytes);
        var workbook = SampleGenerator.RenderAll().Single(w => w.FileName == SampleGenerator.FirstHalfXlsx).Bytes;
        Write("v1/piano-2021-2023.pdf", pdfs[SampleGenerator.PlanPdf]);
        Write("v1/monitoraggio-2021-semestre1.xlsx", workbook);
        var first = await _cli.RunAsync("ingest", _cli.PathOf("v1"), "--chamber", "CBIS");
        Assert.True(first.ExitCode == 0, first.ToString());

        var damaged = Write("v2/monitoraggio-2021-semestre1.xlsx", DamagedCopies.WithoutSheet(workbook, SampleRegion.Molise().StrategicObjectives[0].SheetName));
        var held = await _cli.RunAsync("ingest", damaged, "--chamber", "CBIS");
        Assert.True(held.ExitCode == 0, held.ToString());
        var line = Assert.Single(held.Stdout.Split('\n'), l => l.Contains("held for review", StringComparison.Ordinal));
        Assert.Contains("monitoraggio-2021-semestre1.xlsx", line);
        Assert.Contains("KPIs 20 → ", line);
        Assert.Contains("1 held", held.Stdout);
        Assert.Equal(1, await wh.CountAsync("alert", "rule = 'version-held' AND status = 'open'"));

        var listed = await _cli.RunAsync("review", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var version = Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray());
        Assert.Equal("held", version.GetProperty("status").GetString());
        Assert.Equal("CBIS", version.GetProperty("chamber").GetString());
        Assert.Contains(version.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("KPIs 20 → ", StringComparison.Ordinal));
        var id = version.GetProperty("id").GetInt64();
        var current = version.GetProperty("current_id").GetInt64();

        var unknown = await _cli.RunAsync("review", "accept", "999999");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Single(unknown.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var accepted = await _cli.RunAsync("review", "accept", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", "m.rossi");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("accepted by m.rossi", accepted.Stdout);
        Assert.Equal(id, await wh.ScalarAsync<long>("SELECT document_id FROM dim_document WHERE doc_type = 'monitoraggio' AND is_current"));
        Assert.Equal(id, await wh.ScalarAsync<long>($"SELECT superseded_by_id FROM dim_document WHERE document_id = {current}"));
        Assert.Equal(0, await wh.CountAsync("alert", "rule = 'version-held' AND status <> 'resolved'"));

        var none = await _cli.RunAsync("review");
        Assert.Contains("No version held for review.", none.Stdout);
        var history = await _cli.RunAsync("review", "--all", "--json");
        var decided = Assert.Single(JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray());
        Assert.Equal(("accepted", "m.rossi"), (decided.GetProperty("status").GetString(), decided.GetProperty("reviewed_by").GetString()));
        Assert.False(string.IsNullOrEmpty(decided.GetProperty("reviewed_at").GetString()));
        Assert.Equal(2, (await _cli.RunAsync("review", "reject", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
    }
}

public sealed class SqliteReviewCommandTests() : ReviewCommandTests("sqlite");

public sealed class PostgresReviewCommandTests() : ReviewCommandTests("postgres");
