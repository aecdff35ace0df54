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
        var command = new Command("run", "one nightly run now for the chambers of config/chambers.json: discover, extract, load, compute, alert") { chamber };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var environment = RunEnvironment.Load(cli.Dialect, cli.ConfigDirectory, cli.Logger, TimeProvider.System);
            var code = CliContext.ChamberCode(parse.GetValue(chamber));
            var chambers = environment.Chambers.All.Where(c => code is null || c.Code == code).ToList();
            if (chambers.Count == 0) throw new UsageException(code is null ? "config/chambers.json lists no chamber" : $"--chamber {code} is not in config/chambers.json");

            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var channels = environment.Alerts.CreateChannels(cli.Logger, http);
            var printer = new Printer(cli.Mode);
            var failed = 0;
            foreach (var c in chambers)
            {
                var run = environment.CreateNightlyRun(channels);
                ChamberRunSummary summary;
                try
                {
                    using var progress = new IngestProgress(cli.Mode);
                    summary = await run.RunAsync(c, progress, ct: token);
                }
                catch (ChamberBusyException ex)
                {
                    Console.Error.WriteLine($"error: {ex.Message}");
                    failed++;
                    continue;
                }
                // a failed file's reason is on stderr once already, from the run's log (ERR line)
                failed += summary.Ingest.Count(FileStatus.Failed);
                IngestCommand.PrintHeld(printer, summary.Ingest);
                PrintSummary(printer, c, summary);
            }
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
