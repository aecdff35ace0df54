using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Jobs.Ingest;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var samples = new Option<string>("--samples") { Description = "the sample folder", DefaultValueFactory = _ => "./sample-data" };
        var asOf = new Option<string>("--as-of")
        {
            Description = "the day the alerts are evaluated on (default 2021-08-15: the sample region lives in 2021, its half-year values were due by 31 July)",
            DefaultValueFactory = _ => "2021-08-15",
        };
        var command = new Command("demo", "initialise the warehouse, ingest sample-data/, print the sample KPIs and evaluate the alerts") { samples, asOf };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var folder = parse.GetValue(samples)!;
            if (!Directory.Exists(folder))
                throw new UsageException($"sample folder '{folder}' not found (run from the repository root, or generate it with 'pipeline samples generate --out {folder}')");
            var printer = new Printer(cli.Mode);
            printer.Heading($"Pipeline demo: {cli.Dialect.Describe()}, samples from {folder}");
            var summary = await IngestCommand.IngestAsync(cli, [folder], null, "demo", token);
            printer.Line();
            printer.Heading("Sample KPIs with targets and actuals");
            KpisCommand.Print(printer, await new KpiQueries(cli.Dialect).ListAsync(null, null, token));
            printer.Line();
            var config = AlertsCommand.Config(cli);
            var day = parse.GetValue(asOf)!;
            var results = await AlertsCommand.EvaluateAsync(cli, config, null, AlertsCommand.AsOf(day, config), token);
            printer.Heading($"Alerts as of {day} (end of the day, {config.Zone.Id}): {results.Sum(r => r.Raised)} raised, {results.Sum(r => r.Resolved)} resolved");
            AlertsCommand.Print(printer, await AlertsCommand.ListAsync(cli, openOnly: true, token));
            printer.Line();
            printer.Line("Next: 'pipeline trace <id>' shows where a number was read; 'pipeline kpis --json' gives the same as JSON; 'pipeline alerts' lists the alerts.");
            return summary.Count(FileStatus.Failed) > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }
}
