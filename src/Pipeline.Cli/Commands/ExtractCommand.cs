using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Extraction;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;

namespace Pipeline.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "a PDF, a workbook (.xlsx, .xls) or an extraction JSON" };
        var json = new Option<bool>("--json") { Description = "print the extraction as JSON (pipeline.extraction/1) on stdout" };
        var layout = new Option<bool>("--layout") { Description = "PDF only: print the laid-out lines and their cells with positions (for writing a new layout family)" };
        var command = new Command("extract", "read one file and print the extraction") { file, json, layout };
        command.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new ExtractionException(path, "no such file");
            if (parse.GetValue(layout))
            {
                PrintLayout(PdfLayout.From(new PopplerTextLayer().Read(path, token)));
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
                    k.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join("; ", k.Targets.Select(t => $"{t.Period}: {t.Raw}")),
                    string.Join("; ", k.Actuals.Select(a => $"{a.Period}: {a.Raw}")),
                    k.Source?.ToString(),
                ]));
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
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
