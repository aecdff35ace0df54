using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Pipeline.Core.Text;
using Pipeline.Samples.Hostile;
using Pipeline.Warehouse.Tests;
using Xunit;

namespace Pipeline.Cli.Tests.Hostile;

/// <summary>What happened to one hostile file: its status (failed, skipped, new, superseding, unchanged…) and the lines naming it.</summary>
public sealed record HostileOutcome(HostileFile File, string Path, IReadOnlyList<string> Statuses, IReadOnlyList<string> Skips, IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings, DocumentFacts? Loaded, DocumentFacts? Source)
{
    public string Status => Skips.Count == 1 && Statuses.Count == 0 ? "skipped" : Statuses.Count == 1 ? Statuses[0] : "unaccounted";

    /// <summary>Loaded with fewer KPIs or values than the good file it was made from.</summary>
    public bool Lossy => Loaded is { } loaded && Source is { } source && (loaded.Kpis < source.Kpis || loaded.Values < source.Values);

    /// <summary>A version of a good document (same logical key) that lost facts.</summary>
    public bool LossyResend => Lossy && Loaded!.LogicalKey == Source!.LogicalKey;

    public string Describe => $"{File.Path} ({File.Kind})";
}

/// <summary>
/// One run of the hostile corpus on a dialect, shared by the tests of a class: the good files loaded alone into one
/// warehouse (the reference), then the corpus in <see cref="Batches"/> batches beside copies of the good files into
/// another, each batch a <c>pipeline ingest</c> child process under a 512 MB heap ceiling (DOTNET_GCHeapHardLimit)
/// and a deadline.
/// </summary>
public abstract class HostileCorpusRun(string dialect) : IAsyncLifetime
{
    public const int Batches = 4;
    public static readonly TimeSpan BatchDeadline = TimeSpan.FromSeconds(150);

    private readonly CliRunner _cli = new();
    private TestWarehouse? _clean, _hostile;

    public string Dialect => dialect;
    public IReadOnlyList<HostileFile> Files { get; private set; } = [];
    public int GoodFiles { get; private set; }
    public List<DocumentFacts> CleanFacts { get; private set; } = [];
    public List<DocumentFacts> HostileFacts { get; private set; } = [];
    public List<HostileOutcome> Outcomes { get; } = [];
    public List<(string Name, long Read, long Staged, long Quarantined)> FeedLines { get; } = [];
    public List<string> Crashes { get; } = [];
    public List<string> Hangs { get; } = [];
    public TimeSpan Elapsed { get; private set; }

    private static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _clean = await TestWarehouse.CreateAsync(dialect);
        _hostile = await TestWarehouse.CreateAsync(dialect);
        Directory.CreateDirectory(_cli.PathOf("config"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository(), "config"), "*.json"))
            File.Copy(file, Path.Combine(_cli.PathOf("config"), Path.GetFileName(file)));
        _cli.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";
        _cli.Deadline = BatchDeadline;

        var good = HostileCorpus.WriteGood(_cli.PathOf("good"));
        GoodFiles = good.Count;
        var goodSha = good.ToDictionary(p => Path.GetFileName(p), p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))), StringComparer.Ordinal);
        _cli.Warehouse = _clean.ConnectionString;
        var reference = await _cli.RunAsync("ingest", _cli.PathOf("good"));
        Assert.True(reference.ExitCode == 0, reference.ToString());
        CleanFacts = await DocumentFacts.ReadAsync(_clean);

        Files = HostileCorpus.Files();
        _cli.Warehouse = _hostile.ConnectionString;
        var batches = new List<(IngestTranscript Transcript, List<HostileFile> Files, IReadOnlyList<string> Paths)>();
        for (var b = 0; b < Batches; b++)
        {
            var folder = _cli.PathOf($"batch-{b + 1}");
            Directory.CreateDirectory(Path.Combine(folder, "good"));
            foreach (var file in good) File.Copy(file, Path.Combine(folder, "good", Path.GetFileName(file)));
            var files = Files.Where((_, i) => i % Batches == b).ToList();
            var paths = HostileCorpus.Write(Path.Combine(folder, "hostile"), files);
            try
            {
                var transcript = new IngestTranscript(await _cli.RunAsync("ingest", folder));
                if (transcript.Crash is { } crash) Crashes.Add($"batch {b + 1}: {crash}");
                FeedLines.AddRange(transcript.Feeds);
                batches.Add((transcript, files, paths));
            }
            catch (TimeoutException ex)
            {
                Hangs.Add($"batch {b + 1}: {ex.Message}");
            }
            Directory.Delete(Path.Combine(folder, "hostile"), recursive: true);
        }

        HostileFacts = await DocumentFacts.ReadAsync(_hostile);
        var loaded = HostileFacts.ToDictionary(d => d.FilePath, StringComparer.Ordinal);
        var cleanBySha = CleanFacts.ToDictionary(d => d.Sha256, StringComparer.OrdinalIgnoreCase);
        foreach (var (transcript, files, paths) in batches)
            for (var i = 0; i < files.Count; i++)
            {
                var path = paths[i];
                var shown = PrintableText.OneLine(path); // as printed: a line break in a name is escaped
                var warnings = IngestTranscript.About(transcript.Warnings, shown);
                Outcomes.Add(new HostileOutcome(files[i], path,
                    transcript.Statuses.Where(s => s.Path == shown).Select(s => s.Status).ToList(),
                    warnings.Where(w => w.StartsWith(shown + ": skipped, ", StringComparison.Ordinal)).ToList(),
                    IngestTranscript.About(transcript.Errors, shown), warnings,
                    loaded.GetValueOrDefault(Path.GetFullPath(path)),
                    goodSha.TryGetValue(files[i].Source, out var sha) ? cleanBySha[sha] : null));
            }
        Elapsed = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_clean is not null) await _clean.DisposeAsync();
        if (_hostile is not null) await _hostile.DisposeAsync();
        _cli.Dispose();
    }
}

public sealed class SqliteHostileCorpusRun() : HostileCorpusRun("sqlite");

public sealed class PostgresHostileCorpusRun() : HostileCorpusRun("postgres");
