using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Indicators;
using Pipeline.Core.Values;
using Pipeline.Jobs.Indicators;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Indicators;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline conform indicators [--json]</c>: the links to standard indicators that only the names suggest
/// (proposals, with their evidence) and the KPIs whose printed code is an indicator whose unit or polarity differs.
/// Nothing is written: a proposal becomes a link only by a decision in config/indicators.json.
/// </summary>
public static class ConformIndicatorsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("indicators", "links to standard indicators that only the names suggest, with their evidence; never applied (decide in config/indicators.json)") { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var settings = IndicatorConfig.FromDirectory(cli.ConfigDirectory);
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var linking = await new IndicatorLinkStep(cli.Dialect).ProposeAsync(settings.Indicators, settings.Decisions, token);
            var rows = Rows(linking);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    kind = r.Kind, chamber = r.Chamber, kpi_id = r.KpiId, kpi = r.Kpi, indicator = r.Code, indicator_name = r.IndicatorName,
                    score = r.Score, evidence = r.Evidence,
                }));
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (rows.Count > 0)
                printer.Table(["Kind", "Chamber", "KPI", "Indicator", "Score", "Evidence"], rows.Select(r => (IReadOnlyList<string?>)
                [
                    r.Kind, r.Chamber, $"{r.KpiId.ToString(CultureInfo.InvariantCulture)} {r.Kpi}", $"{r.Code} {r.IndicatorName}",
                    r.Score is { } s ? ItalianFormat.Fixed(s, 2) : null, r.Evidence,
                ]));
            printer.Line(rows.Count == 0
                ? $"no proposals: {linking.Links.Count} KPIs are linked to an indicator by code or configuration."
                : $"{rows.Count} to review ({linking.Links.Count} KPIs linked by code or configuration); nothing applied: a decision goes in config/indicators.json \"links\".");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private sealed record Row(string Kind, string Chamber, long KpiId, string Kpi, string Code, string? IndicatorName, double? Score, string Evidence);

    private static List<Row> Rows(IndicatorLinking linking)
    {
        var rows = linking.Proposals
            .Select(p => new Row("proposal", p.Kpi.Chamber, p.Kpi.Id, p.Kpi.Name, p.Indicator.Code, p.Indicator.Name, p.Score, p.Evidence)).ToList();
        rows.AddRange(linking.Conflicts.Select(c => new Row("conflict", c.Kpi.Chamber, c.Kpi.Id, c.Kpi.Name, c.IndicatorCode, null, null, c.Reason)));
        return rows;
    }
}
