using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Extraction.Pdf;

namespace Pipeline.Cli.Commands;

public static class BenchCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dir = new Argument<string>("DIR") { Description = "a folder of PDFs (searched recursively)" };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds, each a reference pass then ours (default 3)", DefaultValueFactory = _ => 3 };
        var extract = new Command("extract", "PDF extraction vs bare 'pdftotext -bbox-layout' on the same files, same run") { dir, rounds };
        extract.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var folder = parse.GetValue(dir)!;
            if (!Directory.Exists(folder)) throw new UsageException($"'{folder}' is not a folder");
            var files = Directory.EnumerateFiles(folder, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new UsageException($"no .pdf files under '{folder}'");
            var count = parse.GetValue(rounds);
            if (count < 1) throw new UsageException("--rounds must be at least 1");
            var result = new ExtractionBenchmark(new PdfExtractor()).Run(files, token, count);
            var printer = new Printer(cli.Mode);
            string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
            printer.Table(["run", "files", "pages", "seconds (all rounds)", "pages/s"],
            [
                ["pdftotext -bbox-layout (reference)", result.Files.ToString(CultureInfo.InvariantCulture), result.Pages.ToString(CultureInfo.InvariantCulture), F(result.Reference.TotalSeconds), F(result.ReferencePagesPerSecond)],
                ["pipeline extract", result.Files.ToString(CultureInfo.InvariantCulture), result.Pages.ToString(CultureInfo.InvariantCulture), F(result.Ours.TotalSeconds), F(result.OursPagesPerSecond)],
            ]);
            printer.Line($"ratio: {result.Ratio.ToString("0.00", CultureInfo.InvariantCulture)}× the reference time; {result.Extracted} of {result.Files} files extracted ({result.Rounds} measured rounds, each a reference pass then ours, after a warm-up pass over all files)");
            foreach (var failure in result.Failures) printer.Line("  not extracted: " + failure);
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return new Command("bench", "benchmarks with a reference run in the same invocation") { extract };
    }
}
