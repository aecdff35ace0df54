using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Jobs.Runs;
using Pipeline.Samples.Region;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The demo's second part: a synthetic region of four chambers whose plans print the same standard indicators with
/// different results (<see cref="SyntheticRegion"/>, written once to its folder and reused), run into the same
/// warehouse as <c>pipeline run --config FOLDER/config</c> would, then a league table of one indicator read from the
/// comparison behind <c>bi.confronto</c>.
/// </summary>
public static class DemoRegion
{
    /// <summary>The demo's region: four chambers, twenty KPIs each, small feeds so it is quick.</summary>
    public static readonly RegionOptions Options = new(Chambers: 4, Kpis: 20, Practices: 2_000);

    /// <summary>Writes (unless already there) and runs the region; prints each chamber's line and the league table. Returns the chambers that failed.</summary>
    public static async Task<int> RunAsync(CliContext cli, Printer printer, string folder, string asOfDay, CancellationToken ct)
    {
        SyntheticRegion region;
        try
        {
            region = SyntheticRegion.Open(folder) ?? SyntheticRegion.Write(folder, Options);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"--region: {ex.Message} (remove the folder, or name another with --region DIR)");
        }
        printer.Line();
        printer.Heading($"A region to compare: {region.Chambers.Count} chambers of {string.Join(", ", region.Chambers.Select(c => c.Info.Region).Distinct())} " +
                        $"in {region.Root} (synthetic, 'pipeline samples generate --chambers N')");
        var environment = RunEnvironment.Load(cli.Dialect, region.ConfigDirectory, cli.Logger, TimeProvider.System);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var channels = environment.Alerts.CreateChannels(cli.Logger, http);
        var asOf = AlertsCommand.AsOf(asOfDay, environment.Alerts);
        var failed = 0;
        var night = new RegionNight(() => environment.CreateNightlyRun(channels, asOf), cli.Logger) { Parallel = 1 };
        await night.RunAsync("demo", environment.Chambers.All, outcome =>
        {
            if (outcome.Summary is { } summary) RunCommand.PrintSummary(printer, outcome.Chamber, summary);
            else
            {
                Console.Error.WriteLine($"error: {outcome.Error}");
                failed++;
            }
        }, ct);

        var rows = await new ComparisonQueries(cli.Dialect).ListAsync(ct: ct);
        printer.Line();
        PrintLeagueTable(printer, rows);
        return failed;
    }

    /// <summary>
    /// The league table of the indicator, year and region that compare best: the most chambers ranked, then the most
    /// different actuals, then the most achievements computed.
    /// </summary>
    public static void PrintLeagueTable(Printer printer, IReadOnlyList<ComparisonRow> rows)
    {
        var best = rows.GroupBy(r => (r.IndicatorCode, r.Year, r.Region))
            .OrderByDescending(g => g.Count(r => r.Rank is not null))
            .ThenByDescending(g => g.Select(r => r.Actual).Distinct().Count())
            .ThenByDescending(g => g.Count(r => r.Achievement is not null))
            .ThenBy(g => g.Key.IndicatorCode, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count(r => r.Rank is not null) >= 2);
        if (best is null)
        {
            printer.Line("No standard indicator is shared by two chambers with actuals yet: nothing to compare ('pipeline conform indicators' lists the links proposed).");
            return;
        }
        var first = best.First();
        var order = first.Polarity == "lower" ? "lower is better" : "higher is better";
        printer.Heading($"League table: {first.IndicatorCode} {first.Indicator}, {first.Year}, {first.Region} ({order})");
        printer.Table(["Rank", "Chamber", "Target", "Actual", "Achievement"],
            best.Select(r => (IReadOnlyList<string?>)
            [
                r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", $"{r.ChamberCode} {r.Chamber}",
                r.Target is { } t ? ItalianFormat.WithUnit(t, r.Unit) : "-", r.Actual is { } a ? ItalianFormat.WithUnit(a, r.Unit) : "-",
                ItalianFormat.Percent(r.Achievement),
            ]));
        string Figure(decimal? v) => v is { } value ? ItalianFormat.WithUnit(Math.Round(value, 2), first.Unit) : "-";
        printer.Line($"{first.Chambers} chambers ranked; the region's median {Figure(first.Median)}, quartiles {Figure(first.FirstQuartile)} and {Figure(first.ThirdQuartile)}.");
        printer.Line("Every indicator, chamber and year: the view bi.confronto (bi_confronto on SQLite), docs/powerbi.md.");
    }
}
