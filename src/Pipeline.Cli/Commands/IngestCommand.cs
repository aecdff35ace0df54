using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Alerts;
using Pipeline.Core.Feeds;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Commands;

public static class IngestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var paths = new Argument<string[]>("PATH") { Description = "files or folders (PDFs, workbooks, extraction JSON, registry feeds .csv/.tsv)", Arity = ArgumentArity.OneOrMore };
        var chamber = new Option<string?>("--chamber") { Description = "chamber code or name, when the documents do not name it" };
        var command = new Command("ingest", "extract and load files or folders into the warehouse") { paths, chamber };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            // a path given that does not exist is a usage error: one line, exit 2, and no run recorded
            var given = parse.GetValue(paths)!;
            var missing = given.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0)
                throw new UsageException($"no such file or folder: {string.Join(", ", missing)}");
            var summary = await IngestAsync(cli, given, CliContext.ChamberCode(parse.GetValue(chamber)), "ingest", token);
            return summary.Count(FileStatus.Failed) > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>An ingest runner with everything the configuration gives: extractors, feeds and their bindings, manual KPI matches.</summary>
    public static IngestRunner Runner(CliContext cli)
    {
        return RunEnvironment.CreateIngestRunner(cli.Dialect, cli.ConfigDirectory, cli.Logger);
    }

    /// <summary>Initialises the warehouse if needed, ingests, and prints the per-file outcome and the totals.</summary>
    public static async Task<IngestSummary> IngestAsync(CliContext cli, IReadOnlyList<string> paths, string? chamberCode, string kind, CancellationToken ct)
    {
        await new WarehouseInitializer(cli.Dialect).InitAsync(ct);
        var runner = Runner(cli);
        IngestSummary summary;
        using (var progress = new IngestProgress(cli.Mode))
            summary = await runner.RunAsync(paths, chamberCode, progress, kind, ct: ct);

        Print(new Printer(cli.Mode), summary);
        await RaiseHeldAlertsAsync(cli, summary, ct);
        return summary;
    }

    /// <summary>
    /// A version held for review raises its version-held alert now, to the chamber's recipients (config/alerts.json,
    /// config/chambers.json); the other rules wait for their evaluation (the nightly run, 'alerts evaluate').
    /// </summary>
    private static async Task RaiseHeldAlertsAsync(CliContext cli, IngestSummary summary, CancellationToken ct)
    {
        var chambers = summary.Files.Where(f => f.Status == FileStatus.Held).Select(f => f.Load!.ChamberCode).Distinct().ToList();
        if (chambers.Count == 0) return;
        var config = AlertsCommand.Config(cli);
        foreach (var chamber in chambers)
            foreach (var result in await AlertsCommand.EvaluateAsync(cli, config, chamber, TimeProvider.System, ct, new HashSet<string> { VersionHeldRule.Id }))
                foreach (var (channel, delivery) in result.Deliveries.Where(d => !d.Result.Delivered))
                    Console.Error.WriteLine($"alerts of {chamber} not delivered by {channel}: {delivery.Error}");
    }

    /// <summary>
    /// The per-file table, each new feed's counts and the run's totals on stdout. A failed file's reason is on stderr
    /// once, from the run's log as it happened (an ERR line naming file and reason); the table marks it failed.
    /// </summary>
    public static void Print(Printer printer, IngestSummary summary)
    {
        printer.Table(
            ["File", "Status", "Chamber", "KPIs", "Facts", "Quarantined"],
            summary.Files.Select(f => (IReadOnlyList<string?>)
            [
                PrintableText.OneLine(Path.GetFileName(f.Path)), f.Status.ToString().ToLowerInvariant(), f.Load?.ChamberCode,
                f.Load?.Kpis.ToString(), f.Load?.FactsWritten.ToString(), f.Load?.Quarantined.ToString(),
            ]));
        foreach (var feed in summary.Files.Where(f => f.Feed is { Load.Outcome: not Pipeline.Warehouse.Loading.LoadOutcome.Unchanged }))
            printer.Line($"{PrintableText.OneLine(Path.GetFileName(feed.Path))}: {feed.Feed!.Kind.ToCode()} feed, {ItalianFormat.Number(feed.Feed.RowsRead)} rows read, {ItalianFormat.Number(feed.Feed.Load.RowsStaged)} staged, " +
                         $"{ItalianFormat.Number(feed.Feed.Load.RowsQuarantined)} quarantined, {feed.Feed.Load.Measurements} measurements");
        PrintHeld(printer, summary);
        if (summary.Purged is { Documents.Count: > 0 } purged)
            printer.Line($"staged rows of {purged.Documents.Count} superseded feed{(purged.Documents.Count == 1 ? "" : "s")} removed after the retention: {ItalianFormat.Number(purged.Rows)} rows " +
                         "(their measurements and lineage stay)");
        if (summary.ArchiveOrphans.Files > 0)
            printer.Line($"archive: {ItalianFormat.Number(summary.ArchiveOrphans.Files)} orphan files removed ({ItalianFormat.Number(summary.ArchiveOrphans.Bytes)} bytes), " +
                         "left by loads that did not commit over an hour ago");
        printer.Line($"Run {summary.RunId} {summary.Status}: {summary.Count(FileStatus.New)} new, {summary.Count(FileStatus.Superseding)} superseding{summary.HeldNote}, " +
                     $"{summary.Count(FileStatus.Unchanged)} unchanged, {summary.Count(FileStatus.Failed)} failed; {ItalianFormat.Number(summary.FactsWritten)} facts, " +
                     $"{ItalianFormat.Number(summary.Quarantined)} quarantined, {ItalianFormat.Fixed(summary.Duration.TotalSeconds, 1)} s");
    }

    /// <summary>One line per version held for review: the file, why, and how to decide.</summary>
    public static void PrintHeld(Printer printer, IngestSummary summary)
    {
        foreach (var f in summary.Files.Where(f => f.Status == FileStatus.Held))
            printer.Line($"{PrintableText.OneLine(Path.GetFileName(f.Path))}: held for review as document {f.Load!.DocumentId}, not made current: {string.Join("; ", f.Load.HeldReasons)} " +
                         $"(document {f.Load.CurrentDocumentId} stays current; 'pipeline review accept|reject {f.Load.DocumentId}' decides)");
    }
}
