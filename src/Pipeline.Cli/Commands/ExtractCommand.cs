using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;
using Pipeline.Jobs.Feeds;

namespace Pipeline.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "a PDF, a workbook (.xlsx, .xls), an extraction JSON or a registry feed (.csv, .tsv, .txt)" };
        var json = new Option<bool>("--json") { Description = "print the extraction as JSON (pipeline.extraction/1) on stdout" };
        var layout = new Option<bool>("--layout") { Description = "PDF only: print the laid-out lines and their cells with positions (for writing a new layout family)" };
        var command = new Command("extract", "read one file and print the extraction") { file, json, layout };
        command.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new ExtractionException(path, "no such file");
            if (parse.GetValue(layout))
            {
                PrintLayout(PdfLayout.From(new PdfPigTextLayer().Read(path, token)));
                return Task.FromResult(ExitCodes.Ok);
            }
            if (FeedReader.LooksLikeFeed(path))
            {
                PrintFeed(FeedInspection.Read(path, FeedHeaderConfig.FromDirectory(cli.ConfigDirectory), FeedSalt.Resolve(), token), parse.GetValue(json), cli.Mode);
                return Task.FromResult(ExitCodes.Ok);
            }
            var document = DocumentExtractors.Create(cli.ConfigDirectory).Extract(path, token);
            foreach (var warning in document.Warnings) cli.Logger.Warning("{Document}: {Warning}", path, warning);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ExtractionJson.Serialize(document));
                return Task.FromResult(ExitCodes.Ok);
            }
            var printer = new Printer(cli.Mode);
            var info = document.Document;
            printer.Heading($"{info.File}: {info.Format}, family {info.Family}, {info.DocType}, chamber {info.Chamber ?? "(not named)"}, years {info.PeriodFrom}-{info.PeriodTo}");
            printer.Line($"{document.Objectives.Count} objectives, {document.Kpis.Count} KPIs, {document.Warnings.Count} warnings");
            var objectives = document.Objectives.ToDictionary(o => o.Id);
            printer.Table(
                ["Objective", "KPI", "Weight", "Targets", "Actuals", "Source"],
                document.Kpis.Select(k => (IReadOnlyList<string?>)
                [
                    k.Objective is { } o && objectives.TryGetValue(o, out var obj) ? obj.Code ?? obj.Title : "",
                    k.Name,
                    k.Weight is { } weight ? ItalianFormat.Number(weight) : null,
                    string.Join("; ", k.Targets.Select(t => $"{t.Period}: {ItalianFormat.Target(t.Value.Operator.ToSymbol(), t.Value.Number, t.Value.Unit ?? k.Unit, t.Raw)}")),
                    string.Join("; ", k.Actuals.Select(a => $"{a.Period}: {ItalianFormat.Value(a.Value, k.Unit, a.Raw)}")),
                    k.Source?.ToString(),
                ]));
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
    }

    /// <summary>
    /// A feed is rows, not plan records: its kind, encoding, separator, header, counts, years and the first
    /// quarantined rows (text, or one JSON object with --json).
    /// </summary>
    private static void PrintFeed(FeedInspection feed, bool json, ConsoleMode mode)
    {
        if (json)
        {
            JsonOutput.Write(new
            {
                file = feed.File, kind = feed.Kind.ToCode(), encoding = feed.Encoding, delimiter = feed.Delimiter.ToString(), columns = feed.Header,
                rows_read = feed.RowsRead, rows_quarantined = feed.RowsQuarantined, years = feed.Years, chamber = feed.NamedChamber,
                quarantined = feed.FirstErrors.Select(e => new { row = e.RowNumber, reason = e.Reason, raw = e.Raw }),
            });
            return;
        }
        var printer = new Printer(mode);
        var separator = feed.Delimiter == '\t' ? "tab" : $"'{feed.Delimiter}'";
        printer.Heading($"{feed.File}: {feed.Kind.ToCode()} feed, {feed.Encoding}, separator {separator}, chamber {feed.NamedChamber ?? "(not named)"}, years {string.Join(", ", feed.Years)}");
        printer.Line($"columns: {string.Join(" | ", feed.Header)}");
        printer.Line($"{ItalianFormat.Number(feed.RowsRead)} rows read, {ItalianFormat.Number(feed.RowsQuarantined)} quarantined");
        if (feed.FirstErrors.Count > 0)
            printer.Table(["Row", "Reason", "Raw"], feed.FirstErrors.Select(e => (IReadOnlyList<string?>)[e.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Reason, e.Raw]));
    }

    /// <summary>One line per laid-out line: page, top y, and each cell as [x0-x1] text.</summary>
    private static void PrintLayout(PdfLayout layout)
    {
        foreach (var line in layout.Lines)
        {
            var cells = line.Segments().Select(s => FormattableString.Invariant($"[{s.X0:0}-{s.X1:0}] {s.Text}"));
            Console.Out.WriteLine(FormattableString.Invariant($"p{line.Page} y{line.Y0:0.0}\t{string.Join("\t", cells)}"));
        }
    }
}
