using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Chambers;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Runs;
using Pipeline.Samples;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Queries;
using Pipeline.Web;
using Pipeline.Web.Access;

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
        var region = new Option<string>("--region")
        {
            Description = "where the demo's synthetic region of four chambers is written once and read again (default ./data/sample-region)",
            DefaultValueFactory = _ => "./data/sample-region",
        };
        var command = new Command("demo",
            "initialise the warehouse and run the nightly job once on sample-data/ (the sample chamber): load, compute, alert; print the KPIs and the alerts raised; " +
            "then run a synthetic region of four chambers and print a league table of one standard indicator")
        {
            samples, asOf, region,
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
            var regionFailed = await DemoRegion.RunAsync(cli, printer, parse.GetValue(region)!, day, token);
            await OfferWebAppAsync(cli, printer, token);
            return summary.Ingest.Count(FileStatus.Failed) > 0 || regionFailed > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The demo's account of the web app: "demo", an administrator of the sample region; its password from
    /// $PIPELINE_DEMO_PASSWORD, else a new one generated for this demo and printed once (none is written in the code).</summary>
    private static async Task OfferWebAppAsync(CliContext cli, Printer printer, CancellationToken ct)
    {
        var given = Environment.GetEnvironmentVariable(DemoPasswordVariable);
        var password = string.IsNullOrEmpty(given) ? LocalAccounts.GeneratePassword() : given;
        try
        {
            await new LocalAccounts(cli.Dialect).SaveAsync(DemoUser, Pipeline.Core.Access.WebRole.Admin, [], password, ct);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"${DemoPasswordVariable}: {ex.Message}");
        }
        printer.Line();
        printer.Heading("The web app");
        printer.Line($"'./pipeline serve' serves it on {WebSettings.DefaultUrls}; sign in as '{DemoUser}' (administrator, every chamber) with the password " +
                     (string.IsNullOrEmpty(given) ? $"{password} (generated now, shown once; set ${DemoPasswordVariable} to choose it)." : $"in ${DemoPasswordVariable}."));
        printer.Line("More accounts: 'pipeline users add NAME --role admin|region|chamber [--chamber CODE]' (docs/web.md).");
    }

    public const string DemoUser = "demo";
    public const string DemoPasswordVariable = "PIPELINE_DEMO_PASSWORD";
}
