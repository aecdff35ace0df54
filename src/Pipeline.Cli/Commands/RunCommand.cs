using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Commands;

public static class RunCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var chamber = new Option<string?>("--chamber") { Description = "one chamber of config/chambers.json (default: all of them)" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "chambers run at once (default: the processor count); on SQLite their extraction runs in parallel and their writes one at a time",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("run", "one nightly run now for the chambers of config/chambers.json: discover, extract, load, compute, alert") { chamber, parallel };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var atOnce = parse.GetValue(parallel);
            if (atOnce < 1) throw new UsageException($"--parallel {atOnce}: give 1 or more chambers at once");
            var environment = RunEnvironment.Load(cli.Dialect, cli.ConfigDirectory, cli.Logger, TimeProvider.System);
            var code = CliContext.ChamberCode(parse.GetValue(chamber));
            var chambers = environment.Chambers.All.Where(c => code is null || c.Code == code).ToList();
            if (chambers.Count == 0) throw new UsageException(code is null ? "config/chambers.json lists no chamber" : $"--chamber {code} is not in config/chambers.json");

            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var printer = new Printer(cli.Mode);
            var failed = 0;
            RegionNightResult night;
            using (var progress = new RunProgress(cli.Mode, chambers.Count))
            {
                var channels = environment.Alerts.CreateChannels(cli.Logger, http);
                var region = new RegionNight(() => environment.CreateNightlyRun(channels), cli.Logger) { Parallel = atOnce, Progress = progress.For };
                // each chamber's lines as it ends; a failed file's reason is on stderr once already, from the run's log (ERR line)
                night = await region.RunAsync("run", chambers, outcome => progress.Report(() =>
                {
                    if (outcome.Summary is not { } summary)
                    {
                        Console.Error.WriteLine($"error: {outcome.Error}");
                        failed++;
                        return;
                    }
                    failed += summary.Ingest.Count(FileStatus.Failed);
                    IngestCommand.PrintHeld(printer, summary.Ingest);
                    PrintSummary(printer, outcome.Chamber, summary);
                }), token);
            }
            if (chambers.Count > 1)
                printer.Line($"{chambers.Count} chambers, {night.Parallel} at once: {night.Chambers.Count} ran, {night.Failed.Count} not run or not finished; {Seconds(night.Elapsed)}");
            return failed > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>A duration as people read it: "2,4 s".</summary>
    public static string Seconds(TimeSpan time) => $"{ItalianFormat.Fixed(time.TotalSeconds, 1)} s";

    /// <summary>Undelivered digests on stderr, and the chamber's one summary line.</summary>
    public static void PrintSummary(Printer printer, ChamberSource chamber, ChamberRunSummary summary)
    {
        foreach (var (channel, result) in summary.Alerts.Deliveries.Where(d => !d.Result.Delivered))
            Console.Error.WriteLine($"alerts of {chamber.Code} not delivered by {channel}: {result.Error}");
        var i = summary.Ingest;
        printer.Line($"{chamber.Code} {chamber.Name}: run {i.RunId} {i.Status}: files {i.Count(FileStatus.New)} new, {i.Count(FileStatus.Superseding)} superseding{i.HeldNote}, " +
                     $"{i.Count(FileStatus.Unchanged)} unchanged, {i.Count(FileStatus.Failed)} failed; {ItalianFormat.Number(i.FactsWritten)} facts written, {ItalianFormat.Number(i.Quarantined)} quarantined; " +
                     (summary.AchievementUnchanged ? "achievement unchanged" : $"achievement computed for {summary.AchievementPeriods} period{(summary.AchievementPeriods == 1 ? "" : "s")}") +
                     $"; alerts{(summary.AlertsUnchanged ? " unchanged" : "")} {summary.Alerts.Raised} raised, {summary.Alerts.Escalated} escalated, " +
                     $"{summary.Alerts.Resolved} resolved, {summary.Alerts.Open} open; {Seconds(summary.Times.Total)} " +
                     $"(ingest {Seconds(summary.Times.Ingest)}, achievement {Seconds(summary.Times.Achievement)}, alerts {Seconds(summary.Times.Alerts)})");
    }
}
