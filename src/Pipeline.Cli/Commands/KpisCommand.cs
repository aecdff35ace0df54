using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class KpisCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var chamber = new Option<string?>("--chamber") { Description = "chamber code or name" };
        var year = new Option<int?>("--year") { Description = "only periods of this year" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("kpis", "KPIs with targets and actuals (current document versions)") { chamber, year, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            cli.RequireExistingWarehouse();
            var rows = await new KpiQueries(cli.Dialect).ListAsync(CliContext.ChamberCode(parse.GetValue(chamber)), parse.GetValue(year), token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    chamber = r.ChamberCode, objective_code = r.ObjectiveCode, objective = r.Objective, kpi_id = r.KpiId, kpi_code = r.KpiCode,
                    kpi = r.Kpi, unit = r.Unit, period = r.Period,
                    target = r.TargetText is null ? null : new { raw = r.TargetText, @operator = r.TargetOperator, value = r.TargetValue },
                    actual = r.ActualText is null ? null : new { raw = r.ActualText, value = r.ActualValue },
                    year_target = r.YearTarget is { } y
                        ? new { period = y.Period, raw = y.TargetText, @operator = y.TargetOperator, value = y.TargetValue }
                        : null,
                }));
                return ExitCodes.Ok;
            }
            Print(new Printer(cli.Mode), rows);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static void Print(Printer printer, IReadOnlyList<KpiPeriodRow> rows)
    {
        if (rows.Count == 0)
        {
            printer.Line("No KPIs in the warehouse for this selection. Load documents with 'pipeline ingest PATH'.");
            return;
        }
        printer.Table(
            ["Chamber", "Objective", "Id", "KPI", "Period", "Target", "Actual"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.ChamberCode, r.ObjectiveCode ?? r.Objective, r.KpiId.ToString(CultureInfo.InvariantCulture), r.Kpi, r.Period,
                Target(r), ItalianFormat.Value(r.ActualValue, r.Unit, r.ActualText),
            ]));
        printer.Line($"{rows.Select(r => r.KpiId).Distinct().Count()} KPIs, {rows.Count(r => r.TargetText is not null)} targets, {rows.Count(r => r.ActualText is not null)} actuals.");
        if (rows.FirstOrDefault(r => r.YearTarget is not null) is { YearTarget: { } year })
            printer.Line($"A target followed by a year, e.g. ({year.Period}), is the year's: shown on the parts of the year that have none of their own.");
    }

    /// <summary>The row's target in the human format; for a part of the year without its own, the year's, marked "(2021)".</summary>
    private static string? Target(KpiPeriodRow r) =>
        r.TargetText is not null ? ItalianFormat.Target(r.TargetOperator, r.TargetValue, r.Unit, r.TargetText)
        : r.YearTarget is { } y ? $"{ItalianFormat.Target(y.TargetOperator, y.TargetValue, y.Unit, y.TargetText)} ({y.Period})"
        : null;
}
