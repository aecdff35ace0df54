using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Chambers;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Samples;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var samples = new Option<string>("--samples") { Description = "the sample folder", DefaultValueFactory = _ => "./sample-data" };
        var asOf = new Option<string>("--as-of")
        {
            Description = "the day the run computes and evaluates alerts for (default 2021-08-15: the sample region lives in 2021, its half-year values were due by 31 July)",
            DefaultValueFactory = _ => "2021-08-15",
        };
        var command = new Command("demo",
            "initialise the warehouse and run the nightly job once on sample-data/ (the sample chamber): load, compute, alert; print the KPIs and the alerts raised")
        {
            samples, asOf,
        };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var folder = parse.GetValue(samples)!;
            if (!Directory.Exists(folder))
                throw new UsageException($"sample folder '{folder}' not found (run from the repository root, or generate it with 'pipeline samples generate --out {folder}')");
            var printer = new Printer(cli.Mode);
            printer.Heading($"Pipeline demo: {cli.Dialect.Describe()}, the nightly run of the sample chamber on {folder}");
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);

            // the sample chamber, its source the sample folder: the nightly job's own run, on the sample's calendar
            var plan = SampleRegion.Molise();
            var info = ChamberResolver.Lookup(plan.ChamberCode)!;
            var chamber = new ChamberSource(info.Code, plan.ChamberName, info.Region, null, [], [Path.GetFullPath(folder)]);
            var alertConfig = AlertsCommand.Config(cli);
            var day = parse.GetValue(asOf)!;
            var environment = RunEnvironment.Load(cli.Dialect, cli.ConfigDirectory, cli.Logger, TimeProvider.System, ChamberSources.Of(chamber));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var run = environment.CreateNightlyRun(environment.Alerts.CreateChannels(cli.Logger, http), AlertsCommand.AsOf(day, alertConfig));
            ChamberRunSummary summary;
            using (var progress = new IngestProgress(cli.Mode))
                summary = await run.RunAsync(chamber, progress, kind: "demo", ct: token);
            IngestCommand.Print(printer, summary.Ingest);
            RunCommand.PrintSummary(printer, chamber, summary);

            printer.Line();
            printer.Heading("Sample KPIs with targets and actuals");
            KpisCommand.Print(printer, await new KpiQueries(cli.Dialect).ListAsync(null, null, token));
            printer.Line();
            printer.Heading($"Alerts as of {day} (end of the day, {alertConfig.Zone.Id}): {summary.Alerts.Raised} raised, {summary.Alerts.Resolved} resolved");
            AlertsCommand.Print(printer, await AlertsCommand.ListAsync(cli, openOnly: true, token));
            printer.Line();
            printer.Line("Next: 'pipeline trace <id>' shows where a number was read; 'pipeline kpis --json' gives the same as JSON; 'pipeline alerts' lists the alerts;");
            printer.Line("'pipeline scheduler' runs the nightly job on its schedule (jobs/nightly.json).");
            return summary.Ingest.Count(FileStatus.Failed) > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }
}
