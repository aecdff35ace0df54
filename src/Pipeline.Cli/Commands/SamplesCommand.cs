using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Samples;

namespace Pipeline.Cli.Commands;

public static class SamplesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string>("--out") { Description = "where to write", DefaultValueFactory = _ => "./sample-data" };
        var generate = new Command("generate", "write the synthetic sample region (deterministic: same bytes every time)") { output };
        generate.SetAction((parse, ct) => globals.RunAsync(parse, (cli, _) =>
        {
            var files = SampleGenerator.Generate(parse.GetValue(output)!);
            var printer = new Printer(cli.Mode);
            foreach (var file in files) printer.Line(file);
            printer.Line($"{files.Count} files written.");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return new Command("samples", "synthetic sample data") { generate };
    }
}
