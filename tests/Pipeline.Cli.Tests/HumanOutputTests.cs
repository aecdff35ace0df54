using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Samples;

namespace Pipeline.Cli.Tests;

/// <summary>
/// What a person reads after the demo, from the real CLI: numbers in one Italian format everywhere (no "100.00",
/// "82.87"), the raw text kept in --json and trace, each objective of the tree once, half-year rows with the year's
/// target, the two conform reports agreeing, and no .NET type name in a message.
/// </summary>
public sealed partial class HumanOutputTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string RepositoryConfig([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "config"));

    /// <summary>A number written with a '.' before one or two decimals ("100.00", "82.87", "5.1"), not inside a code ("OO.1.2").</summary>
    [GeneratedRegex(@"(?<![\w.])\d+\.\d{1,2}(?![\w.])")]
    private static partial Regex DotDecimal();

    private static void AssertItalianNumbers(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var found = DotDecimal().Matches(result.Stdout).Select(m => m.Value).ToList();
        Assert.True(found.Count == 0, $"'.'-decimal numbers {string.Join(", ", found)} in:\n{result.Stdout}");
    }

    /// <summary>The achievements JSON of the sample chamber has each objective once, the plan's strategic objectives with their codes.</summary>
    internal static void AssertEachObjectiveOnce(CliResult achievements)
    {
        Assert.True(achievements.ExitCode == 0, achievements.ToString());
        var nodes = JsonDocument.Parse(achievements.Stdout).RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("level").GetString() != "chamber").ToList();
        var plan = SampleRegion.Molise();
        Assert.Equal(plan.StrategicObjectives.Count + plan.Objectives.Count, nodes.Count);
        Assert.All(nodes.GroupBy(n => n.GetProperty("title").GetString()), g => Assert.Single(g));
        var strategic = nodes.Where(n => n.GetProperty("level").GetString() == "strategic").ToList();
        Assert.Equal(plan.StrategicObjectives.Select(o => o.Code).Order(), strategic.Select(n => n.GetProperty("code").GetString()!).Order());
        Assert.All(strategic, n => Assert.Equal(JsonValueKind.Number, n.GetProperty("achievement").ValueKind));
    }

    [Fact]
    public async Task After_the_demo_every_human_output_writes_numbers_the_Italian_way()
    {
        SampleGenerator.Generate(_cli.PathOf("sample-data"));
        var config = RepositoryConfig();
        var demo = await _cli.RunAsync("demo", "--config", config);
        AssertItalianNumbers(demo);
        Assert.Matches(@"; \d+,\d s \(ingest \d+,\d s, achievement \d+,\d s, alerts \d+,\d s\)\n", demo.Stdout);   // the run's time and its steps
        Assert.Contains("200.000 rows read", demo.Stdout);

        var kpis = await _cli.RunAsync("kpis", "--chamber", "molise", "--config", config);
        AssertItalianNumbers(kpis);
        Assert.Contains(">= 1.800 N.", kpis.Stdout);                             // printed ">= 1.800,00 N."
        Assert.Contains("1.942 N.", kpis.Stdout);                                // printed "1.942,00 N."
        Assert.Contains("1.034 N.", kpis.Stdout);                                // printed "1.034"
        Assert.Contains("41,8 %", kpis.Stdout);
        Assert.Contains("6,4 %", kpis.Stdout);                                   // printed "6,4%"
        // a half-year row shows the year's target, marked as the year's
        Assert.Matches(@"2021-S1\s+>= 1\.800 N\. \(2021\)\s+1\.034 N\.", kpis.Stdout);
        // --json keeps numbers as JSON numbers and the raw text as printed
        var rows = JsonDocument.Parse((await _cli.RunAsync("kpis", "--chamber", "molise", "--json", "--config", config)).Stdout).RootElement.EnumerateArray().ToList();
        var firstYear = rows.First(r => r.GetProperty("kpi_id").GetInt64() == 1 && r.GetProperty("period").GetString() == "2021");
        Assert.Equal(("1.942,00 N.", 1942m), (firstYear.GetProperty("actual").GetProperty("raw").GetString(), firstYear.GetProperty("actual").GetProperty("value").GetDecimal()));
        var firstHalf = rows.First(r => r.GetProperty("kpi_id").GetInt64() == 1 && r.GetProperty("period").GetString() == "2021-S1");
        Assert.Equal(JsonValueKind.Null, firstHalf.GetProperty("target").ValueKind);
        Assert.Equal(("2021", 1800m), (firstHalf.GetProperty("year_target").GetProperty("period").GetString(), firstHalf.GetProperty("year_target").GetProperty("value").GetDecimal()));

        var achievements = await _cli.RunAsync("achievements", "--chamber", "molise", "--year", "2021", "--config", config);
        AssertItalianNumbers(achievements);
        Assert.Contains("100,00 %", achievements.Stdout);
        AssertEachObjectiveOnce(await _cli.RunAsync("achievements", "--chamber", "molise", "--year", "2021", "--json", "--config", config));

        // trace: the value in the format and the raw text as read, a feed value's counts and the rule's arithmetic
        foreach (var kpi in new[] { "1", "2", "4" })
        {
            var trace = await _cli.RunAsync("trace", kpi, "--config", config);
            AssertItalianNumbers(trace);
        }
        var cassetto = await _cli.RunAsync("trace", "2", "--config", config);
        Assert.Contains("13,1 %", cassetto.Stdout);
        Assert.Contains("13,10 %", cassetto.Stdout);                            // the Relazione's raw text, as printed
        Assert.Matches(@"\d+ / \d+ × 100 = \d+,\d+", cassetto.Stdout);
        Assert.Matches(@"of \d{1,3}\.\d{3} rows", cassetto.Stdout);

        var feed = await _cli.RunAsync("feeds", "compute", _cli.PathOf("sample-data/" + SampleGenerator.PracticesFeed),
            "--metric", "ri.practices_within_days", "--param", "days=5", "--period", "2021-S1");
        AssertItalianNumbers(feed);
        Assert.Matches(@"2021-S1: \d+(,\d{1,2})? %", feed.Stdout);

        var alerts = await _cli.RunAsync("alerts", "--config", config);
        AssertItalianNumbers(alerts);

        // extract's table: weights, targets and actuals in the format, a page's box in whole points
        var extract = await _cli.RunAsync("extract", _cli.PathOf("sample-data/" + SampleGenerator.ReportPdf));
        AssertItalianNumbers(extract);
        Assert.Contains("2021: >= 1.800 N.", extract.Stdout);
        Assert.Matches(@"p\. \d+ \[\d+,\d+,\d+,\d+\]", extract.Stdout);
    }

    [Fact]
    public async Task Both_conform_reports_count_the_same_kpis_to_review()
    {
        SampleGenerator.Generate(_cli.PathOf("sample-data"));
        Assert.Equal(0, (await _cli.RunAsync("demo")).ExitCode);

        var report = await _cli.RunAsync("conform", "report");
        var all = await _cli.RunAsync("conform", "report", "--all");
        AssertItalianNumbers(report);
        AssertItalianNumbers(all);

        // the .xls is read before the plan: its KPIs were unmatched when loaded, and the plan defines them since
        var rows = JsonDocument.Parse((await _cli.RunAsync("conform", "report", "--all", "--json")).Stdout).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        var toReview = rows.Count(r => r.GetProperty("to_review").GetBoolean());
        Assert.Equal(toReview, JsonDocument.Parse((await _cli.RunAsync("conform", "report", "--json")).Stdout).RootElement.GetArrayLength());
        Assert.All(rows.Where(r => !r.GetProperty("to_review").GetBoolean()), r => Assert.NotEqual("to review", r.GetProperty("status").GetString()));
        var summary = toReview == 0 ? "no KPIs to review" : $"{toReview} KPIs to review";
        Assert.Contains(summary, report.Stdout);
        Assert.Contains($"{rows.Count} matches recorded; {summary}", all.Stdout);
        Assert.Contains("defined by the plan since", all.Stdout);
    }

    [Theory]
    [InlineData("kpis", "--year", "abc")]
    [InlineData("achievements", "--chamber", "molise", "--year", "2021x")]
    [InlineData("scheduler", "--threads", "many")]
    public async Task A_value_of_the_wrong_type_is_said_in_words(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("expected a whole number", result.Stderr);
        Assert.DoesNotContain("System.", result.Stderr);
    }
}
