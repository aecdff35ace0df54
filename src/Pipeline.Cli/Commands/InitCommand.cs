using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Commands;

public static class InitCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("init", "create or migrate the warehouse (idempotent)");
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var result = await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var printer = new Printer(cli.Mode);
            printer.Line(result.Applied.Count == 0
                ? $"Warehouse {cli.Dialect.Describe()} is up to date."
                : $"Warehouse {cli.Dialect.Describe()}: applied {string.Join(", ", result.Applied.Select(m => $"{m.Version}_{m.Name}"))}.");
            printer.Line($"Reference data: {result.Chambers} chambers of commerce.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
