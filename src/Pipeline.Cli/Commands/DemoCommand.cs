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
        var command = new Command("demo", "initialise the warehouse, ingest sample-data/ and print the sample KPIs") { samples };
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
            printer.Line("Next: 'pipeline trace <id>' shows where a number was read; 'pipeline kpis --json' gives the same as JSON.");
            return summary.Count(FileStatus.Failed) > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        return command;
    }
}
