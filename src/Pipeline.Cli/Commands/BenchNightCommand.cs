using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Runs;
using Pipeline.Core.Values;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Samples.Region;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline bench night</c>: a synthetic region's first night, a night where nothing changed and a night where one
/// chamber's workbook changed, each run as <c>pipeline run</c> runs it, timed per step and per chamber.
/// </summary>
public static class BenchNightCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var region = new RegionSampleOptions();
        var folder = new Option<string?>("--region") { Description = "the region's folder: reused when it holds one ('samples generate --chambers N'), else written there (default: a temporary folder, removed)" };
        var given = new Option<bool>("--use-warehouse") { Description = "run on the --warehouse given as it is (default: a new database on a --warehouse PostgreSQL server, dropped at the end; a --warehouse SQLite file that must not exist yet, kept; without --warehouse a temporary SQLite file, removed)" };
        var parallel = new Option<int>("--parallel") { Description = "chambers run at once, as 'pipeline run --parallel' (default: the processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("night", "a region's first night, a no-change night and a one-chamber-change night, per step and per chamber; last line: 'night: chambers N first F s, no-change U s, one-change C s, trend T x'") { folder, given, parallel };
        region.AddTo(command);
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var options = region.Read(parse);
            var atOnce = parse.GetValue(parallel);
            if (atOnce < 1) throw new UsageException($"--parallel {atOnce}: give 1 or more chambers at once");
            var printer = new Printer(cli.Mode);
            var regionDir = parse.GetValue(folder);
            var temporary = regionDir is null ? Directory.CreateTempSubdirectory("pipeline-region-").FullName : null;
            try
            {
                var synthetic = Open(regionDir ?? temporary!, options, parse.GetResult(region.Chambers) is { Implicit: false }, printer);
                await using var warehouse = await WarehouseAsync(parse.GetValue(globals.Warehouse), parse.GetValue(given), token);
                printer.Line($"warehouse: {warehouse.Dialect.Describe()}; {atOnce} chamber{(atOnce == 1 ? "" : "s")} at once on {Environment.ProcessorCount} cores");
                await new WarehouseInitializer(warehouse.Dialect).InitAsync(token);
                var environment = RunEnvironment.Load(warehouse.Dialect, synthetic.ConfigDirectory, cli.Logger, TimeProvider.System);
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                var channels = environment.Alerts.CreateChannels(cli.Logger, http);
                var night = new RegionNight(() => environment.CreateNightlyRun(channels), cli.Logger) { Parallel = atOnce };
                var gate = warehouse.Dialect.Writes;

                var first = await RunAsync(night, "first", environment.Chambers.All, gate, printer, token);
                var noChange = await RunAsync(night, "no-change", environment.Chambers.All, gate, printer, token);
                printer.Line("changed: " + synthetic.ChangeOneValue(0));
                var oneChange = await RunAsync(night, "one-change", environment.Chambers.All, gate, printer, token);

                var archive = await SourceArchive.For(warehouse.Dialect, ArchiveSettings.FromDirectory(synthetic.ConfigDirectory)).SizeAsync(token);
                printer.Line($"archive: {ItalianFormat.Number(archive.Entries)} files, {ItalianFormat.Number(archive.Bytes)} bytes, " +
                             $"{ItalianFormat.Number(archive.StoredBytes)} bytes stored");
                var trend = NightTrend.Of(first.Chambers.Select(c => c.Times.Total).ToList());
                printer.Line($"night: chambers {synthetic.Chambers.Count} first {S(first.Elapsed)} s, no-change {S(noChange.Elapsed)} s, " +
                             $"one-change {S(oneChange.Elapsed)} s, trend {ItalianFormat.Fixed(trend, 2)} x");
                // a chamber that did not run makes the figures meaningless: said above, and the exit code says it too
                return first.Failed.Count + noChange.Failed.Count + oneChange.Failed.Count > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
            }
            finally
            {
                if (temporary is not null) Directory.Delete(temporary, recursive: true);
            }
        }, ct));
        return command;
    }

    private static string S(TimeSpan time) => ItalianFormat.Fixed(time.TotalSeconds, 1);

    /// <summary>The region in <paramref name="folder"/> if one was written there (its own options win), else one written now.</summary>
    private static SyntheticRegion Open(string folder, RegionOptions options, bool chambersGiven, Printer printer)
    {
        SyntheticRegion? existing;
        try { existing = SyntheticRegion.Open(folder); }
        catch (InvalidDataException ex) { throw new UsageException(ex.Message); }
        if (existing is not null)
        {
            if (chambersGiven && existing.Options != options)
                printer.Line($"region: {existing.Root} was written with {existing.Options.Chambers} chambers, {existing.Options.Kpis} KPIs, {existing.Options.Practices} practices; using it as it is");
            existing.RestoreWorkbook(0);   // an earlier bench on the folder changed it: the first night reads the region as written
            printer.Line($"region: {existing.Root} (reused)");
            return existing;
        }
        var region = SyntheticRegion.Write(folder, options);
        printer.Line($"region: {region.Root}: {options.Chambers} chambers, {options.Kpis} KPIs per plan, {ItalianFormat.Number(options.Practices)} practices and {ItalianFormat.Number(options.Companies)} companies per chamber");
        return region;
    }

    private static async Task<ScratchWarehouse> WarehouseAsync(string? warehouse, bool useGiven, CancellationToken ct)
    {
        if (useGiven)
        {
            if (string.IsNullOrWhiteSpace(warehouse)) throw new UsageException("--use-warehouse needs --warehouse");
            return ScratchWarehouse.Given(Dialect(warehouse));
        }
        if (string.IsNullOrWhiteSpace(warehouse)) return ScratchWarehouse.Sqlite();
        var dialect = Dialect(warehouse);
        if (dialect is PostgresDialect) return await ScratchWarehouse.PostgresAsync(warehouse, ct);
        if (dialect is SqliteDialect { DataSource: var file } && File.Exists(file))
            throw new UsageException($"--warehouse: {file} exists; the first night needs an empty warehouse: give a new file, or --use-warehouse to run on this one as it is");
        return ScratchWarehouse.Given(dialect);   // a new SQLite file, kept for a look afterwards
    }

    private static SqlDialect Dialect(string warehouse)
    {
        try { return SqlDialect.FromConnectionString(warehouse); }
        catch (ArgumentException ex) { throw new UsageException($"--warehouse: {ex.Message}"); }
    }

    private static async Task<RegionNightResult> RunAsync(RegionNight night, string name, IReadOnlyList<ChamberSource> chambers, WriteGate gate, Printer printer, CancellationToken ct)
    {
        var waited = gate.Waited;
        var result = await night.RunAsync(name, chambers, ct: ct);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Summary is not { } c)
            {
                rows.Add([outcome.Chamber.Code, "not run", "", "", "", "", S(outcome.Ended - outcome.Started)]);
                continue;
            }
            var i = c.Ingest;
            rows.Add([c.Chamber, $"{i.Count(FileStatus.New)}/{i.Count(FileStatus.Superseding)}/{i.Count(FileStatus.Unchanged)}/{i.Count(FileStatus.Failed)}",
                ItalianFormat.Number(i.FactsWritten), S(c.Times.Ingest), S(c.Times.Achievement), S(c.Times.Alerts), S(c.Times.Total)]);
        }
        printer.Heading($"night {name}");
        printer.Table(["chamber", "files new/superseding/unchanged/failed", "facts", "ingest s", "achievement s", "alerts s", "total s"], rows);
        foreach (var failed in result.Failed) Console.Error.WriteLine($"error: {failed.Error}");
        var stages = result.Stages;
        var queued = gate == WriteGate.Open ? "" : $"; writers queued {S(gate.Waited - waited)} s at the SQLite write gate";
        printer.Line($"{name}: ingest {S(stages.Ingest)} s, achievement {S(stages.Achievement)} s, alerts {S(stages.Alerts)} s; " +
                     $"{result.Chambers.Count} chambers in {S(result.Elapsed)} s, {result.Parallel} at once{queued}");
        return result;
    }
}
