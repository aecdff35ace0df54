using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Bi;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline export --format parquet|csv DIR [--chamber CODE]</c>: every bi view as a file (docs/powerbi.md "Files").</summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var format = new Option<string>("--format") { Description = "parquet or csv", Required = true };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var dir = new Argument<string>("DIR") { Description = "the folder to write VIEW.parquet / VIEW.csv into (created when missing)" };
        var chamber = new Option<string?>("--chamber") { Description = "only this chamber's rows" };
        var command = new Command("export", "write every view of the bi model as Parquet or CSV files") { format, dir, chamber };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var code = CliContext.ChamberCode(parse.GetValue(chamber));
            cli.RequireExistingWarehouse();
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var kind = parse.GetValue(format) == "csv" ? BiExportFormat.Csv : BiExportFormat.Parquet;
            IReadOnlyList<BiExportedFile> files;
            try
            {
                files = await new BiExporter(cli.Dialect).ExportAsync(parse.GetValue(dir)!, kind, code, token);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            var printer = new Printer(cli.Mode);
            foreach (var file in files) printer.Line($"{file.Path}: {file.Rows} rows");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
