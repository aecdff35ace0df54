using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Extraction;
using Pipeline.Extraction.Json;

namespace Pipeline.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "a workbook (.xlsx, .xls) or an extraction JSON" };
        var json = new Option<bool>("--json") { Description = "print the extraction as JSON (pipeline.extraction/1) on stdout" };
        var command = new Command("extract", "read one file and print the extraction") { file, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new ExtractionException(path, "no such file");
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
}
