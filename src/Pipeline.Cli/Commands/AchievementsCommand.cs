using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Jobs.Achievement;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Achievement;

namespace Pipeline.Cli.Commands;

public static class AchievementsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var chamber = new Option<string>("--chamber") { Description = "chamber code or name", Required = true };
        var year = new Option<int>("--year") { Description = "the year", Required = true };
        var period = new Option<string?>("--period") { Description = "one period of the year (default: the year itself, else its first period with targets)" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("achievements",
            "compute and store the achievement of a chamber's KPIs and objectives for a year (policy from config/achievement.json, default integra) and print the tree")
            { chamber, year, period, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var code = CliContext.ChamberCode(parse.GetValue(chamber))!;
            var y = parse.GetValue(year);
            var policies = AchievementPolicies.FromDirectory(cli.ConfigDirectory);
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var tree = await new AchievementComputer(cli.Dialect).ComputeAsync(code, y, policies.For(code), token);
            if (tree.Periods.Count == 0)
            {
                Console.Error.WriteLine($"no targets of {code} for {y} in the warehouse: load its Piano first");
                return ExitCodes.InputFailed;
            }
            var wanted = parse.GetValue(period) ?? (tree.Periods.ContainsKey(y.ToString(CultureInfo.InvariantCulture)) ? y.ToString(CultureInfo.InvariantCulture) : tree.Periods.Keys.First());
            if (!tree.Periods.TryGetValue(wanted, out var nodes))
                throw new UsageException($"--period {wanted}: {code} has targets for {string.Join(", ", tree.Periods.Keys)} in {y}");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    chamber = tree.ChamberCode, year = tree.Year, period = wanted, policy = tree.Policy,
                    nodes = nodes.Select(n => new
                    {
                        level = n.Level, code = n.Code, title = n.Title, parent = n.Level == "chamber" ? null : n.ParentCode ?? (n.ParentId is null ? tree.ChamberCode : null),
                        achievement = n.Achievement, reported = n.Reported, kpis = n.Kpis, kpis_measured = n.KpisMeasured, rule = n.Rule,
                    }),
                });
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            printer.Heading($"Achievement of {tree.ChamberCode}, plan {tree.PlanFrom}-{tree.PlanTo}, {wanted} (policy {tree.Policy})");
            var depth = nodes.Where(n => n.ObjectiveId is not null).ToDictionary(n => n.ObjectiveId!.Value, n => n.ParentId);
            int Depth(AchievementNode n)
            {
                var d = n.Level == "chamber" ? 0 : 1;
                for (var p = n.ParentId; p is { } id && d < 10; p = depth.GetValueOrDefault(id)) d++;
                return d;
            }
            printer.Table(["Objective", "Level", "Achievement", "Printed", "KPIs measured"],
                Order(nodes).Select(n => (IReadOnlyList<string?>)
                [
                    new string(' ', 2 * Depth(n)) + (n.Code is null ? n.Title : $"{n.Code} {n.Title}"), n.Level, ItalianFormat.Percent(n.Achievement), ItalianFormat.Percent(n.Reported), $"{n.KpisMeasured}/{n.Kpis}",
                ]));
            printer.Line($"Stored as computed facts (v_kpi_achievement, v_objective_achievement); 'pipeline trace KPI' shows each KPI's rule. Periods of {y}: {string.Join(", ", tree.Periods.Keys)}.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The chamber, then each root and its subtree, depth first, in the order the objectives were loaded.</summary>
    private static IEnumerable<AchievementNode> Order(IReadOnlyList<AchievementNode> nodes)
    {
        var children = nodes.Where(n => n.ObjectiveId is not null).ToLookup(n => n.ParentId);
        IEnumerable<AchievementNode> Walk(AchievementNode n) => new[] { n }.Concat(n.ObjectiveId is { } id ? children[id].SelectMany(Walk) : []);
        return nodes.Where(n => n.Level == "chamber").Concat(children[null].SelectMany(Walk));
    }
}
