using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;
using Pipeline.Extraction.Pdf;
using Pipeline.Jobs.Feeds;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Cli.Commands;

public static class BenchCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dir = new Argument<string>("DIR") { Description = "a folder of PDFs (searched recursively)" };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds, each a reference pass then ours (default 3)", DefaultValueFactory = _ => 3 };
        var extract = new Command("extract", "PDF extraction vs a bare PdfPig pass (and bare 'pdftotext -bbox-layout' when installed) on the same files, same run") { dir, rounds };
        extract.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var folder = parse.GetValue(dir)!;
            if (!Directory.Exists(folder)) throw new UsageException($"'{folder}' is not a folder");
            var files = Pipeline.Jobs.Ingest.FileDiscovery.Expand([folder], feeds: false).Files
                .Where(f => string.Equals(Path.GetExtension(f), ".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
            if (files.Count == 0) throw new UsageException($"no .pdf files under '{folder}'");
            var count = parse.GetValue(rounds);
            if (count < 1) throw new UsageException("--rounds must be at least 1");
            var result = new ExtractionBenchmark(new PdfExtractor()).Run(files, token, count);
            var printer = new Printer(cli.Mode);
            string F(double v) => ItalianFormat.Fixed(v, 1);
            string R(double v) => ItalianFormat.Fixed(v, 2);
            string I(int v) => ItalianFormat.Number(v);
            var rows = new List<IReadOnlyList<string?>>
            {
                new[] { "PdfPig: open, letters, words (reference)", I(result.Files), I(result.Pages), F(result.Reference.TotalSeconds), F(result.ReferencePagesPerSecond) },
            };
            if (result.Pdftotext is { } poppler)
                rows.Add([ "pdftotext -bbox-layout", I(result.Files), I(result.Pages), F(poppler.TotalSeconds), F(result.PdftotextPagesPerSecond!.Value) ]);
            rows.Add([ "pipeline extract", I(result.Files), I(result.Pages), F(result.Ours.TotalSeconds), F(result.OursPagesPerSecond) ]);
            printer.Table(["run", "files", "pages", "seconds (all rounds)", "pages/s"], rows);
            foreach (var failure in result.Failures) printer.Line("  not extracted: " + failure);
            if (result.Pdftotext is null) printer.Line("  pdftotext is not installed: no poppler column");
            var versusPoppler = result.PdftotextRatio is { } r ? $", {R(r)}× bare pdftotext" : "";
            printer.Line($"ratio: {R(result.Ratio)}× the bare PdfPig time{versusPoppler}; {result.Extracted} of {result.Files} files extracted ({result.Rounds} measured rounds, each file read by the references then by ours, after a warm-up pass over all files)");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return new Command("bench", "benchmarks with a reference run in the same invocation") { extract, Feeds(globals), BenchNightCommand.Create(globals) };
    }

    private static Command Feeds(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "a registry feed file (practices or companies)" };
        var chamber = new Option<string?>("--chamber") { Description = "the chamber the feed belongs to (default: the one it names)" };
        var feeds = new Command("feeds", "feed load (parse + stage + compute) vs a bare PostgreSQL COPY of the same file, same run; needs a PostgreSQL --warehouse") { file, chamber };
        feeds.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"'{path}': no such file");
            if (cli.Dialect is not PostgresDialect postgres)
                throw new UsageException("bench feeds compares with PostgreSQL's COPY: give a PostgreSQL --warehouse 'Host=…;Database=…' (or $PIPELINE_WAREHOUSE)");
            var headers = FeedHeaderConfig.FromDirectory(cli.ConfigDirectory);
            var salt = FeedSalt.Resolve();
            var (kind, code, years) = Survey(path, headers, salt, CliContext.ChamberCode(parse.GetValue(chamber)));
            var bound = cli.MetricBindings().For(code, kind);
            var bindings = bound.Count > 0 ? bound : FeedBenchmark.DefaultBindings(code, kind, years);
            var result = await new FeedBenchmark(postgres, headers, salt).RunAsync(path, code, bindings, token);
            var printer = new Printer(cli.Mode);
            string F(double v) => ItalianFormat.Fixed(v, 1);
            string I(long v) => ItalianFormat.Number(v);
            printer.Table(["run", "rows", "seconds", "rows/s"],
            [
                ["COPY FROM STDIN (FORMAT csv) into a plain table (reference)", I(result.Rows), F(result.Copy.TotalSeconds), I((long)result.CopyRowsPerSecond)],
                ["pipeline feed load (parse + stage + compute)", I(result.RowsStaged + result.RowsQuarantined), F(result.Ours.TotalSeconds), I((long)result.OursRowsPerSecond)],
            ]);
            printer.Line($"ratio: {ItalianFormat.Fixed(result.Ratio, 2)}× the reference time; {I(result.RowsStaged)} rows staged, {I(result.RowsQuarantined)} quarantined, " +
                         $"{result.Computations} metric values computed; {F(result.Bytes / 1048576.0)} MiB file; working set grew by at most {F(result.PeakWorkingSetGrowthBytes / 1048576.0)} MiB during the load");
            return ExitCodes.Ok;
        }, ct));
        return feeds;
    }

    /// <summary>A pass over the file before the timed runs: its kind, its chamber, the years its rows cover.</summary>
    private static (FeedKind Kind, string Chamber, IReadOnlyList<int> Years) Survey(string path, FeedHeaderConfig headers, string salt, string? chamber)
    {
        var inspection = FeedInspection.Read(path, headers, salt);
        var code = chamber ?? (inspection.NamedChamber is { } named ? Pipeline.Core.Chambers.ChamberResolver.LookupWithProvince(named)?.Code : null)
            ?? throw new UsageException($"{inspection.File} names no chamber: give --chamber");
        return (inspection.Kind, code, inspection.Years);
    }
}
