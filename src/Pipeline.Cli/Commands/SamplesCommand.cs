using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Samples;

namespace Pipeline.Cli.Commands;

public static class SamplesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string>("--out") { Description = "where to write", DefaultValueFactory = _ => "./sample-data" };
        var region = new RegionSampleOptions();
        var generate = new Command("generate", "write the synthetic sample region, or with --chambers N a region of N chambers (deterministic: same bytes every time)") { output };
        region.AddTo(generate);
        generate.SetAction((parse, ct) => globals.RunAsync(parse, (cli, _) =>
        {
            if (region.Requested(parse)) return Task.FromResult(region.Generate(parse, parse.GetResult(output) is { Implicit: false } ? parse.GetValue(output) : null, cli));
            var files = SampleGenerator.Generate(parse.GetValue(output)!);
            var printer = new Printer(cli.Mode);
            foreach (var file in files) printer.Line(file);
            printer.Line($"{files.Count} files written.");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        var rows = new Option<int>("--rows") { Description = "practices to write", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "generator seed (the same seed and rows give the same bytes)", DefaultValueFactory = _ => 42 };
        var file = new Option<string>("--out") { Description = "the file to write", Required = true };
        var feed = new Command("feed", "write a large synthetic Priamo-style practice export (2021-2022), streamed to disk, e.g. for 'pipeline bench feeds'") { rows, seed, file };
        feed.SetAction((parse, ct) => globals.RunAsync(parse, (cli, _) =>
        {
            var count = parse.GetValue(rows);
            if (count < 1) throw new UsageException("--rows must be at least 1");
            var path = parse.GetValue(file)!;
            Pipeline.Samples.Feeds.FeedFiles.WritePractices(path, count, parse.GetValue(seed));
            new Printer(cli.Mode).Line($"{path}: {ItalianFormat.Number(count)} practices, {ItalianFormat.Fixed(new FileInfo(path).Length / 1048576.0, 1)} MiB");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        var folder = new Argument<string>("DIR") { Description = "the folder to write (created)" };
        var hostile = new Command("hostile", "write the hostile-input corpus (malformed files made from the samples, by kind of damage) and the good files it was made from, under DIR/hostile and DIR/good") { folder };
        hostile.SetAction((parse, ct) => globals.RunAsync(parse, (cli, _) =>
        {
            var dir = parse.GetValue(folder)!;
            var files = Pipeline.Samples.Hostile.HostileCorpus.Files();
            Pipeline.Samples.Hostile.HostileCorpus.Write(Path.Combine(dir, "hostile"), files);
            var good = Pipeline.Samples.Hostile.HostileCorpus.WriteGood(Path.Combine(dir, "good"));
            var printer = new Printer(cli.Mode);
            foreach (var kind in files.GroupBy(f => f.Kind)) printer.Line($"{kind.Key}: {kind.Count()} files");
            printer.Line($"{files.Count} malformed files in {Path.Combine(dir, "hostile")}, {good.Count} good files in {Path.Combine(dir, "good")}.");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return new Command("samples", "synthetic sample data") { generate, feed, hostile };
    }
}
