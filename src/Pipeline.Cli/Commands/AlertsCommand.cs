using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Runs;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class AlertsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var open = new Option<bool>("--open") { Description = "only the alerts not resolved" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("alerts", "alerts on monitoring data that is due but missing (evaluate them with 'alerts evaluate')") { open, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var rows = await ListAsync(cli, parse.GetValue(open), token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    id = r.Id, rule = r.Rule, chamber = r.Chamber, kpi = r.Subject, period = r.Period, severity = r.Severity, status = r.Status,
                    raised_at = r.RaisedAt, due_date = r.DueDate, message = r.Message,
                }));
                return ExitCodes.Ok;
            }
            Print(new Printer(cli.Mode), rows);
            return ExitCodes.Ok;
        }, ct));

        var chamber = new Option<string?>("--chamber") { Description = "one chamber (default: every chamber with a plan in the warehouse)" };
        var asOf = new Option<string?>("--as-of") { Description = "evaluate as of this day (yyyy-MM-dd, end of the day in the rules' time zone) instead of now" };
        var evaluate = new Command("evaluate", "evaluate the alert rules now (config/alerts.json): raise, escalate and resolve alerts, send one digest per chamber") { chamber, asOf };
        evaluate.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var config = Config(cli);
            var code = CliContext.ChamberCode(parse.GetValue(chamber));
            var results = await EvaluateAsync(cli, config, code, AsOf(parse.GetValue(asOf), config), token);
            var printer = new Printer(cli.Mode);
            foreach (var r in results)
                printer.Line($"{r.Chamber}: {r.Raised} raised, {r.Escalated} escalated, {r.Resolved} resolved; {r.Open} open");
            return ExitCodes.Ok;
        }, ct));
        command.Add(evaluate);

        var remindChamber = new Option<string?>("--chamber") { Description = "one chamber (default: every chamber with an open alert)" };
        var remind = new Command("remind", "send the reminder now: one digest per chamber listing every alert still open, to the channels of config/alerts.json") { remindChamber };
        remind.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var config = Config(cli);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var evaluator = new AlertEvaluator(cli.Dialect, config, config.CreateChannels(cli.Logger, http), TimeProvider.System);
            var code = CliContext.ChamberCode(parse.GetValue(remindChamber));
            var results = code is null
                ? await evaluator.SendOpenDigestsAsync(token)
                : [new OpenDigestResult(code, -1, await evaluator.SendOpenDigestAsync(code, token))];
            var printer = new Printer(cli.Mode);
            var failed = false;
            foreach (var r in results)
            {
                if (r.Deliveries.Count == 0)
                {
                    printer.Line($"{r.Chamber}: no open alert, nothing sent");
                    continue;
                }
                printer.Line($"{r.Chamber}: " + string.Join("; ", r.Deliveries.Select(d =>
                    d.Result.Delivered ? $"{d.Channel} delivered" : $"{d.Channel} not delivered ({d.Result.Error})")));
                failed |= r.Deliveries.Any(d => !d.Result.Delivered && d.Result.Attempts > 0);
            }
            if (results.Count == 0) printer.Line("No open alert: nothing sent.");
            return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
        }, ct));
        command.Add(remind);
        return command;
    }

    public static Task<IReadOnlyList<AlertRow>> ListAsync(CliContext cli, bool openOnly, CancellationToken ct) =>
        new AlertQueries(cli.Dialect).ListAsync(openOnly, ct);

    public static void Print(Printer printer, IReadOnlyList<AlertRow> rows)
    {
        if (rows.Count == 0)
        {
            printer.Line("No alerts.");
            return;
        }
        printer.Table(["Id", "Chamber", "Rule", "Period", "Due", "Status", "Message"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Id.ToString(CultureInfo.InvariantCulture), r.Chamber, r.Rule, r.Period, r.DueDate, r.Status, r.Message]));
    }

    /// <summary>config/alerts.json, with the recipients of config/chambers.json (when there is one) taking precedence.</summary>
    public static AlertConfig Config(CliContext cli)
    {
        var config = AlertConfig.FromDirectory(cli.ConfigDirectory);
        return File.Exists(Path.Combine(cli.ConfigDirectory, ChamberSources.FileName))
            ? RunEnvironment.WithRecipients(config, ChamberSources.FromDirectory(cli.ConfigDirectory))
            : config;
    }

    /// <summary>The end of the given day in the rules' time zone, as a clock; null (now) when none is given.</summary>
    public static TimeProvider AsOf(string? day, AlertConfig config)
    {
        if (day is null) return TimeProvider.System;
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"--as-of '{day}': expected a day as yyyy-MM-dd");
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        return new FixedClock(new DateTimeOffset(local, config.Zone.GetUtcOffset(local)));
    }

    /// <summary>Evaluates the chamber given, or every chamber with a plan in the warehouse; digests to the configured channels.</summary>
    /// <param name="onlyRules">These rules alone (e.g. version-held after an ingest); null: every rule.</param>
    public static async Task<IReadOnlyList<AlertRunResult>> EvaluateAsync(
        CliContext cli, AlertConfig config, string? chamberCode, TimeProvider clock, CancellationToken ct, IReadOnlySet<string>? onlyRules = null)
    {
        var chambers = chamberCode is not null ? [chamberCode] : await new AlertQueries(cli.Dialect).ChambersWithPlansAsync(ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var evaluator = new AlertEvaluator(cli.Dialect, config, config.CreateChannels(cli.Logger, http), clock);
        var results = new List<AlertRunResult>();
        foreach (var code in chambers) results.Add(await evaluator.EvaluateAsync(code, null, ct, onlyRules));
        return results;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
