using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class ConformCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var chamber = new Option<string?>("--chamber") { Description = "chamber code or name" };
        var all = new Option<bool>("--all") { Description = "everything recorded: also the matches taken by similarity or by hand, and unmatched KPIs a plan has defined since" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var report = new Command("report", "KPIs of current documents matched uncertainly or not at all to a plan's KPIs (record decisions in config/kpi-matches.json)") { chamber, all, json };
        report.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var rows = await new ConformQueries(cli.Dialect).ReportAsync(CliContext.ChamberCode(parse.GetValue(chamber)), parse.GetValue(all), token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    chamber = r.ChamberCode, document = r.FileName, doc_type = r.DocType, kind = r.Kind, kpi = r.Name, code = r.Code,
                    score = r.Score, kpi_id = r.KpiId, candidate_kpi_id = r.CandidateId, candidate = r.CandidateName,
                    to_review = r.ToReview, status = r.Status,
                }));
                return ExitCodes.Ok;
            }
            Print(new Printer(cli.Mode), rows, parse.GetValue(all));
            return ExitCodes.Ok;
        }, ct));
        return new Command("conform", "KPI identity across documents, and links to standard indicators") { report, ConformIndicatorsCommand.Create(globals) };
    }

    /// <summary>
    /// The report: the matches to review, or with <paramref name="all"/> every match with its status; both end with
    /// the same count of matches to review.
    /// </summary>
    public static void Print(Printer printer, IReadOnlyList<ConformRow> rows, bool all)
    {
        var toReview = rows.Count(r => r.ToReview);
        if (rows.Count > 0)
        {
            printer.Table(["Chamber", "Document", "Kind", "Status", "KPI as printed", "Score", "KPI", "Closest KPI of the plan"],
                rows.Select(r => (IReadOnlyList<string?>)
                [
                    r.ChamberCode, r.FileName, r.Kind, r.Status, r.Name, r.Score is { } score ? ItalianFormat.Fixed(score, 2) : null,
                    r.KpiId.ToString(CultureInfo.InvariantCulture), r.CandidateId is null ? null : $"{r.CandidateId} {r.CandidateName}",
                ]));
        }
        var recorded = all ? $"{rows.Count} {(rows.Count == 1 ? "match" : "matches")} recorded; " : "";
        printer.Line(toReview == 0
            ? $"{recorded}no KPIs to review: every KPI of the current documents is one of its plan's."
            : $"{recorded}{toReview} {(toReview == 1 ? "KPI" : "KPIs")} to review; a decision goes in config/kpi-matches.json and applies to the documents loaded from then on (a new version of one already loaded included).");
    }
}
