using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Jobs.Review;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Review;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline review [--all] [--json]</c>: the new versions held for review (docs/review.md);
/// <c>pipeline review accept|reject DOC [--by NAME]</c>: the decision on one, recorded with who and when. Accepting
/// makes the version current and computes again the chamber's achievement already computed.
/// </summary>
public static class ReviewCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var all = new Option<bool>("--all") { Description = "the decided versions too (accepted, rejected), with who decided and when" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("review", "new versions of documents held for review instead of superseding the current one (docs/review.md)") { all, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            cli.RequireExistingWarehouse();
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var versions = await new VersionReview(cli.Dialect).ListAsync(parse.GetValue(all), token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(versions.Select(v => new
                {
                    id = v.DocumentId, chamber = v.Chamber, doc_type = v.DocType, file = v.FileName, sha256 = v.Sha256, logical_key = v.LogicalKey,
                    loaded_at = v.LoadedAt, current_id = v.CurrentDocumentId, current_file = v.CurrentFileName, reasons = v.Reasons,
                    status = v.Status, reviewed_by = v.ReviewedBy, reviewed_at = v.ReviewedAt,
                }));
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (versions.Count == 0)
            {
                printer.Line(parse.GetValue(all) ? "No version was ever held for review." : "No version held for review.");
                return ExitCodes.Ok;
            }
            printer.Table(["Id", "Chamber", "File", "Status", "Current version", "Why held", "Decided"],
                versions.Select(v => (IReadOnlyList<string?>)
                [
                    v.DocumentId.ToString(CultureInfo.InvariantCulture), v.Chamber, v.FileName, v.Status,
                    v.CurrentDocumentId is null ? null : $"{v.CurrentDocumentId} {v.CurrentFileName}", string.Join("; ", v.Reasons),
                    v.ReviewedBy is null ? null : $"{v.ReviewedBy}, {v.ReviewedAt}",
                ]));
            var held = versions.Count(v => v.Status == "held");
            if (held > 0) printer.Line($"{held} held: 'pipeline review accept ID' makes one current, 'pipeline review reject ID' keeps it as history.");
            return ExitCodes.Ok;
        }, ct));
        command.Add(Decision(globals, accept: true));
        command.Add(Decision(globals, accept: false));
        return command;
    }

    private static Command Decision(GlobalOptions globals, bool accept)
    {
        var doc = new Argument<string>("DOC") { Description = "the held version: its document id (see 'pipeline review'), file name or sha256 prefix" };
        var by = new Option<string?>("--by") { Description = "who decides (default: the user running the command)" };
        var command = new Command(accept ? "accept" : "reject", accept
            ? "make a held version current (the current one is superseded) and compute the chamber's achievement again"
            : "keep a held version as history, never current") { doc, by };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            cli.RequireExistingWarehouse();
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var review = new VersionReview(cli.Dialect);
            var who = parse.GetValue(by) is { Length: > 0 } name ? name.Trim() : Environment.UserName;
            DecisionOutcome outcome;
            try
            {
                var version = await review.FindAsync(parse.GetValue(doc)!, token);
                outcome = await HeldVersionDecision.DecideAsync(cli.Dialect, cli.ConfigDirectory, version.DocumentId, accept, who, token);
            }
            catch (ReviewException ex)
            {
                throw new UsageException(ex.Message);
            }
            var decision = outcome.Decision;
            var printer = new Printer(cli.Mode);
            var v = decision.Version;
            if (!accept)
            {
                printer.Line($"{v.FileName} (document {v.DocumentId}) rejected by {who}: kept as history, never current" +
                             (v.CurrentDocumentId is null ? "." : $"; document {v.CurrentDocumentId} stays current."));
                return ExitCodes.Ok;
            }
            var periods = outcome.PeriodsRecomputed;
            printer.Line($"{v.FileName} (document {v.DocumentId}) accepted by {who}: current now" +
                         (decision.Superseded is null ? "" : $", document {decision.Superseded} superseded") +
                         $"; achievement computed again for {periods} period{(periods == 1 ? "" : "s")}.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
