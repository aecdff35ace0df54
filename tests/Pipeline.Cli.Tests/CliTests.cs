using System.Text.Json;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Samples()
    {
        var dir = _cli.PathOf("sample-data");
        SampleGenerator.Generate(dir);
        return dir;
    }

    private string WriteFile(string name, byte[] bytes)
    {
        var path = _cli.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Extract_json_prints_the_contract_alone_on_stdout()
    {
        var file = Directory.GetFiles(Samples(), "*.xlsx", SearchOption.AllDirectories).First();
        var result = await _cli.RunAsync("extract", file, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("pipeline.extraction/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("xlsx", json.RootElement.GetProperty("document").GetProperty("format").GetString());
        var kpi = json.RootElement.GetProperty("kpis")[0];
        Assert.False(string.IsNullOrEmpty(kpi.GetProperty("source").GetProperty("cell").GetString()));
    }

    public static TheoryData<string, string> BadFileCases => new()
    {
        { "corrupt", "corrupt" },
        { "csv", "CSV" },
        { "empty", "empty file" },
        { "password", "password" },
        { "noheader", "no KPI table" },
    };

    [Theory]
    [MemberData(nameof(BadFileCases))]
    public async Task Extract_of_a_bad_workbook_exits_non_zero_with_one_line_naming_file_and_reason(string kind, string reason)
    {
        var bytes = kind switch
        {
            "corrupt" => BadFiles.CorruptXlsx(),
            "csv" => BadFiles.CsvRenamedAsXlsx(),
            "empty" => BadFiles.Empty(),
            "password" => BadFiles.PasswordProtectedXlsx(),
            _ => BadFiles.HeaderNotFoundXlsx(),
        };
        var file = WriteFile($"in/{kind}.xlsx", bytes);
        var result = await _cli.RunAsync("extract", file, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(Lines(result.Stderr));
        Assert.StartsWith($"error: {kind}.xlsx: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task Ingest_loads_the_good_files_reports_the_bad_one_and_exits_1()
    {
        var samples = Samples();
        var bad = WriteFile("in/rotto.xlsx", BadFiles.CorruptXlsx());
        var result = await _cli.RunAsync("ingest", samples, bad);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{SampleGenerator.DocumentCount - SampleGenerator.SupersedingOnFirstIngest} new, {SampleGenerator.SupersedingOnFirstIngest} superseding", result.Stdout);
        Assert.Contains("1 failed", result.Stdout);
        // the reason once, from the run's log, never repeated by the summary
        Assert.Single(Lines(result.Stderr), l => l.Contains("rotto.xlsx: corrupt", StringComparison.Ordinal));

        var kpis = await _cli.RunAsync("kpis", "--chamber", "molise", "--year", "2021", "--json");
        Assert.True(kpis.ExitCode == 0, kpis.ToString());
        var rows = JsonDocument.Parse(kpis.Stdout).RootElement;
        var expected = SampleRegion.Molise().Kpis.Count;
        Assert.Equal(expected, rows.EnumerateArray().Select(r => r.GetProperty("kpi_id").GetInt64()).Distinct().Count());
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("period").GetString() == "2021-S1" && r.GetProperty("actual").ValueKind == JsonValueKind.Object);

        var again = await _cli.RunAsync("ingest", samples);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"{SampleGenerator.DocumentCount} unchanged", again.Stdout);
    }

    [Fact]
    public async Task Piped_output_is_plain_text_and_trace_leads_to_the_cell()
    {
        await _cli.RunAsync("ingest", Samples());
        var kpis = await _cli.RunAsync("kpis");
        Assert.True(kpis.ExitCode == 0, kpis.ToString());
        Assert.DoesNotContain("│", kpis.Stdout);
        Assert.DoesNotContain("\u001b[", kpis.Stdout);
        Assert.StartsWith("Chamber", kpis.Stdout);

        var id = Lines(kpis.Stdout)[1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[2];
        var trace = await _cli.RunAsync("trace", id, "--json");
        Assert.True(trace.ExitCode == 0, trace.ToString());
        var values = JsonDocument.Parse(trace.Stdout).RootElement[0].GetProperty("values");
        Assert.True(values.GetArrayLength() > 0);
        foreach (var value in values.EnumerateArray())
        {
            // workbooks lead to a cell, PDFs to a page and box
            if (value.GetProperty("source_kind").GetString() == "cell")
                Assert.Matches(@"^[A-Z]+\d+$", value.GetProperty("cell").GetString());
            else
            {
                Assert.Equal("page", value.GetProperty("source_kind").GetString());
                Assert.True(value.GetProperty("page").GetInt32() >= 1);
                Assert.Equal(4, value.GetProperty("bbox").GetString()!.Split(',').Length);
            }
            Assert.False(string.IsNullOrEmpty(value.GetProperty("raw_text").GetString()));
        }
        Assert.Contains(values.EnumerateArray(), v => v.GetProperty("source_kind").GetString() == "cell");
        Assert.Contains(values.EnumerateArray(), v => v.GetProperty("source_kind").GetString() == "page");
        var text = await _cli.RunAsync("trace", id);
        Assert.Matches(@"\S+![A-Z]+\d+", text.Stdout);
        Assert.Matches(@"p\. \d+ \[[\d.]+,[\d.]+,[\d.]+,[\d.]+\]", text.Stdout);
    }

    [Fact]
    public async Task A_reviewed_extraction_json_is_ingested_and_supersedes_the_workbook()
    {
        var file = Directory.GetFiles(Samples(), "*.xlsx", SearchOption.AllDirectories).First();
        Assert.Equal(0, (await _cli.RunAsync("ingest", file)).ExitCode);
        var extracted = await _cli.RunAsync("extract", file, "--json");
        var json = extracted.Stdout.Replace("\"raw\": \"1.034\"", "\"raw\": \"1.043 (rettificato)\"").Replace("\"value\": 1034,", "\"value\": 1043,");
        Assert.NotEqual(extracted.Stdout, json);
        var reviewed = WriteFile("reviewed/monitoraggio.json", System.Text.Encoding.UTF8.GetBytes(json));

        var result = await _cli.RunAsync("ingest", reviewed);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 superseding", result.Stdout);
        var kpis = JsonDocument.Parse((await _cli.RunAsync("kpis", "--json")).Stdout).RootElement;
        Assert.Contains(kpis.EnumerateArray(), r => r.GetProperty("actual").ValueKind == JsonValueKind.Object && r.GetProperty("actual").GetProperty("raw").GetString() == "1.043 (rettificato)");
    }

    [Theory]
    [InlineData("kpis", "--chamber", "Atlantide")]
    [InlineData("ingest", "--chamber", "ZZ", "x.xlsx")]
    [InlineData("nonsense")]
    [InlineData("extract")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error", result.Stderr);
    }

    [Fact]
    public async Task Demo_ingests_the_samples_and_prints_their_kpis()
    {
        Samples();
        var result = await _cli.RunAsync("demo");
        Assert.True(result.ExitCode == 0, result.ToString());
        var plan = SampleRegion.Molise();
        Assert.Contains(plan.Kpis[0].Name[..20], result.Stdout);
        Assert.Contains($"{SampleGenerator.DocumentCount - SampleGenerator.SupersedingOnFirstIngest} new, {SampleGenerator.SupersedingOnFirstIngest} superseding", result.Stdout);
        // the half-year monitoring sent twice (PDF, then workbook) is one logical document: the KPIs are listed once,
        // each with its 2021 target and actual, and all but one with their half-year value
        Assert.Contains("superseding: ", result.Stderr + result.Stdout);
        var withActuals = plan.Kpis.Count * 2 - 1;
        Assert.Contains($"{plan.Kpis.Count} KPIs, {plan.Kpis.Count} targets, {withActuals} actuals.", result.Stdout);
        // the nightly evaluation on the sample's calendar raises the one alert the samples plant: a missing half-year value
        Assert.Contains("Alerts as of 2021-08-15 (end of the day, Europe/Rome): 1 raised, 0 resolved", result.Stdout);
        var alerts = await _cli.RunAsync("alerts", "--open", "--json");
        var alert = Assert.Single(JsonDocument.Parse(alerts.Stdout).RootElement.EnumerateArray(), a => a.GetProperty("chamber").GetString() == "CBIS");
        Assert.Equal(("monitoring-due", "CBIS", "2021-S1", "open"), (alert.GetProperty("rule").GetString(), alert.GetProperty("chamber").GetString(),
            alert.GetProperty("period").GetString(), alert.GetProperty("status").GetString()));
        Assert.Equal(plan.Kpi(SampleRegion.KpiMissingFirstHalf).Name, alert.GetProperty("kpi").GetString());
        // the reminder lists it again, to the one channel configured here: the log
        var remind = await _cli.RunAsync("alerts", "remind");
        Assert.True(remind.ExitCode == 0, remind.ToString());
        Assert.Contains("CBIS: log delivered", remind.Stdout);
        Assert.Contains("FG: no open alert, nothing sent", (await _cli.RunAsync("alerts", "remind", "--chamber", "FG")).Stdout);
        Assert.True(File.Exists(_cli.PathOf("data/warehouse.db")));
        // then the synthetic region of four chambers sharing standard indicators, and the league table of one of them
        Assert.Contains("A region to compare: 4 chambers of Piemonte in ", result.Stdout);
        Assert.True(File.Exists(_cli.PathOf("data/sample-region/region.json")));
        var league = result.Stdout[result.Stdout.IndexOf("League table: ", StringComparison.Ordinal)..];
        Assert.Matches(@"^League table: (C1\.1_04|KPISTD 225) .+, 2021, Piemonte \((lower|higher) is better\)", league);
        foreach (var rank in new[] { "1", "2", "3", "4" })
            Assert.Matches($@"\n{rank} +(ALAT|BIVCNOVB|CN|TO) ", league);
        Assert.Contains("4 chambers ranked; the region's median ", league);
        // on the region, every chamber's KPI printing a code is linked to it; the sample chamber's KPI of the same name,
        // printing none, is only proposed and stays unlinked
        var conform = await _cli.RunAsync("conform", "indicators", "--json");
        Assert.True(conform.ExitCode == 0, conform.ToString());
        var proposal = Assert.Single(JsonDocument.Parse(conform.Stdout).RootElement.EnumerateArray(),
            p => p.GetProperty("kind").GetString() == "proposal" && p.GetProperty("indicator").GetString() == "C1.1_04");
        Assert.Equal(("CBIS", "Quota di istanze evase entro cinque giorni"), (proposal.GetProperty("chamber").GetString(), proposal.GetProperty("kpi").GetString()));
        // (here config/ has no indicators.json: the indicator is named as the region's config names it, like the KPI)
        Assert.StartsWith("names 1.00 alike (", proposal.GetProperty("evidence").GetString());
        Assert.Contains("8 KPIs linked by code or configuration", (await _cli.RunAsync("conform", "indicators")).Stdout);
        Assert.NotEmpty(Directory.GetFiles(_cli.PathOf("logs"), "pipeline-*.json"));
        // it ends with how to open the web app: the command, the URL, the demo account and its password, generated now
        Assert.Contains("'./pipeline serve' serves it on http://127.0.0.1:5080; sign in as 'demo' (administrator, every chamber) with the password ", result.Stdout);
        var password = System.Text.RegularExpressions.Regex.Match(result.Stdout, "with the password ([A-Za-z0-9]{18}) \\(generated now").Groups[1].Value;
        Assert.Equal(18, password.Length);
        var users = JsonDocument.Parse((await _cli.RunAsync("users", "list", "--json")).Stdout).RootElement;
        var demo = Assert.Single(users.EnumerateArray());
        Assert.Equal(("demo", "admin", true), (demo.GetProperty("name").GetString(), demo.GetProperty("role").GetString(), demo.GetProperty("password").GetBoolean()));
    }

    [Fact]
    public async Task Demo_runs_on_postgresql_too()
    {
        Samples();
        await using var wh = await TestWarehouse.CreatePostgresAsync();
        _cli.Warehouse = wh.ConnectionString;
        var result = await _cli.RunAsync("demo");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(await wh.CountAsync("fact_kpi_measurement") > 0);
        const string sample = "dim_document d JOIN dim_plan p ON p.plan_id = d.plan_id JOIN dim_chamber c ON c.chamber_id = p.chamber_id";
        Assert.Equal(SampleGenerator.DocumentCount, await wh.CountAsync(sample, "c.code = 'CBIS'"));
        Assert.Equal(SampleGenerator.DocumentCount - SampleGenerator.SupersedingOnFirstIngest, await wh.CountAsync(sample, "c.code = 'CBIS' AND d.is_current"));
        // the demo's region: four chambers compared on the standard indicators they print
        Assert.Equal(4, await wh.ScalarAsync<long>(
            $"SELECT COUNT(DISTINCT \"CameraKey\") FROM {Pipeline.Warehouse.Bi.BiViews.All.Single(v => v.Name == "confronto").QualifiedName(wh.Dialect)} WHERE \"Posizione\" IS NOT NULL"));
        Assert.Contains("League table: ", result.Stdout);
        // the .xls names the plan's strategic objectives by title only: they are the plan's, not stored again
        HumanOutputTests.AssertEachObjectiveOnce(await _cli.RunAsync("achievements", "--chamber", "molise", "--year", "2021", "--json"));
    }

    private static string RepositoryConfig([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "config"));

    [Fact]
    public async Task Demo_with_the_committed_configuration_measures_the_bound_kpis_from_the_feeds_and_trace_lists_the_rows()
    {
        Samples();
        var result = await _cli.RunAsync("demo", "--config", RepositoryConfig());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pratiche-registro-imprese-2021-2022.csv: practices feed, 200.000 rows read, 200.000 staged, 0 quarantined, 8 measurements", result.Stdout);
        Assert.Contains("elenco-imprese-2022-12-31.csv: companies feed, 60.000 rows read, 60.000 staged, 0 quarantined, 2 measurements", result.Stdout);
        // 2022 has no document reporting it: the value computed from the practice export is the actual
        var kpis = await _cli.RunAsync("kpis", "--year", "2022", "--json");
        var share = JsonDocument.Parse(kpis.Stdout).RootElement.EnumerateArray()
            .Single(k => k.GetProperty("kpi").GetString() == "Quota di istanze evase entro cinque giorni" && k.GetProperty("period").GetString() == "2022");
        Assert.EndsWith(" %", share.GetProperty("actual").GetProperty("raw").GetString());
        Assert.InRange(share.GetProperty("actual").GetProperty("value").GetDecimal(), 50m, 100m);

        var trace = await _cli.RunAsync("trace", share.GetProperty("kpi_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(trace.ExitCode == 0, trace.ToString());
        Assert.Contains("2022 from pratiche-registro-imprese-2021-2022.csv: ri.practices_within_days (days=5;days_kind=working;net_of_suspension=true;patron=04-23): ", trace.Stdout);
        // a share's trace says which rows make its numerator and which are in its denominator only
        Assert.Contains("numerator (", trace.Stdout);
        Assert.Contains("denominator only (", trace.Stdout);
        Assert.Contains("row ", trace.Stdout);
    }

    [Fact]
    public async Task Feeds_compute_prints_the_contract_json_and_refuses_bad_arguments()
    {
        var path = WriteFile("pratiche.csv", System.Text.Encoding.UTF8.GetBytes(
            "Protocollo;Data protocollo;Data evasione;Stato;Giorni sospensione\r\n" +
            "RI/1;04/01/2021;08/01/2021;EVASA;\r\n" +    // 3 working days (6/1 is a holiday)
            "RI/2;04/01/2021;18/01/2021;EVASA;3\r\n" +   // 5, 7, 8, 11–15, 18 = 9 working days − 3 = 6
            "RI/3;05/01/2021;;IN LAVORAZIONE;\r\n" +
            "RI/4;xx;;EVASA;\r\n"));
        var result = await _cli.RunAsync("feeds", "compute", path, "--metric", "ri.practices_within_days", "--param", "days=5", "--period", "2021-S1", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("ri.practices_within_days", json.GetProperty("metric").GetString());
        Assert.Equal("2021-S1", json.GetProperty("period").GetString());
        Assert.Equal(50m, json.GetProperty("value").GetDecimal());
        Assert.Equal("%", json.GetProperty("unit").GetString());
        Assert.Equal((1, 2), (json.GetProperty("numerator").GetInt32(), json.GetProperty("denominator").GetInt32()));
        Assert.Equal((4, 1), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_quarantined").GetInt32()));
        Assert.Contains("row 5", result.Stderr);

        var unknown = await _cli.RunAsync("feeds", "compute", path, "--metric", "ri.nothing", "--period", "2021");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("unknown metric", unknown.Stderr);
        var missing = await _cli.RunAsync("feeds", "compute", path, "--metric", "ri.practices_within_days", "--period", "2021");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("days", missing.Stderr);
        var wrongKind = await _cli.RunAsync("feeds", "compute", path, "--metric", "registry.active_companies", "--period", "2021");
        Assert.True(wrongKind.ExitCode == 1, wrongKind.ToString());
        Assert.Contains("pratiche.csv: metric registry.active_companies reads a companies feed", wrongKind.Stderr);
    }

    [Fact]
    public async Task Bench_feeds_needs_a_postgresql_warehouse()
    {
        var path = WriteFile("pratiche.csv", System.Text.Encoding.UTF8.GetBytes("Protocollo;Data protocollo;Data evasione;Stato\r\nRI/1;04/01/2021;08/01/2021;EVASA\r\n"));
        var result = await _cli.RunAsync("bench", "feeds", path, "--chamber", "FG");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("PostgreSQL", result.Stderr);
    }

    [Fact]
    public async Task Bench_feeds_on_postgresql_compares_with_a_bare_copy_and_leaves_no_trace()
    {
        await using var wh = await TestWarehouse.CreatePostgresAsync();
        await wh.InitializedAsync();
        var path = _cli.PathOf("pratiche.csv");
        Pipeline.Samples.Feeds.FeedFiles.WritePractices(path, 20_000, 3);
        var before = await wh.SnapshotAsync();
        _cli.Warehouse = wh.ConnectionString;

        var result = await _cli.RunAsync("bench", "feeds", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("COPY FROM STDIN (FORMAT csv) into a plain table (reference)  20.000", result.Stdout);
        Assert.Matches(@"ratio: \d+,\d\d× the reference time; 20.000 rows staged, 0 quarantined, 4 metric values computed", result.Stdout);
        Assert.Equal(before, await wh.SnapshotAsync());
        Assert.Equal(0L, await wh.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'pipeline_bench_%'"));
    }

    [Fact]
    public async Task Extract_of_a_feed_prints_its_kind_counts_and_quarantined_rows()
    {
        var path = WriteFile("imprese.csv", System.Text.Encoding.Latin1.GetBytes(
            "Provincia;Numero REA;Codice fiscale;Denominazione;Natura giuridica;Stato impresa;Data iscrizione\r\n" +
            "FG;100001;01234567890;Caffè d'Italia srl;SRL;ATTIVA;12/03/2015\r\n" +
            "FG;100002;RSSMRA80A01D643K;Mario Rossi;IMPRESA INDIVIDUALE;ATTIVA;01/02/2019\r\n" +
            "FG;100003;;Bar Sport;SNC;;03/04/2010\r\n"));
        var result = await _cli.RunAsync("extract", path, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("companies", "windows-1252", ";"), (json.GetProperty("kind").GetString(), json.GetProperty("encoding").GetString(), json.GetProperty("delimiter").GetString()));
        Assert.Equal((3, 1), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_quarantined").GetInt32()));
        Assert.Equal(4, json.GetProperty("quarantined")[0].GetProperty("row").GetInt32());
        Assert.Equal("FG", json.GetProperty("chamber").GetString());
    }

    [Fact]
    public async Task Achievements_after_the_demo_prints_the_tree_as_json_and_trace_shows_each_rule()
    {
        Samples();
        Assert.Equal(0, (await _cli.RunAsync("demo")).ExitCode);

        var result = await _cli.RunAsync("achievements", "--chamber", "molise", "--year", "2021", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("CBIS", 2021, "integra"), (json.GetProperty("chamber").GetString(), json.GetProperty("year").GetInt32(), json.GetProperty("policy").GetString()));
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("chamber", nodes[0].GetProperty("level").GetString());
        var plan = SampleRegion.Molise();
        Assert.Equal(plan.Kpis.Count, nodes[0].GetProperty("kpis").GetInt32());
        // the sample report prints a score for every objective: the computed figures are the printed ones
        var scored = nodes.Where(n => n.GetProperty("reported").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(scored);
        Assert.All(scored, n => Assert.InRange(n.GetProperty("achievement").GetDecimal() - n.GetProperty("reported").GetDecimal(), -0.05m, 0.05m));

        var trace = await _cli.RunAsync("trace", "1");
        Assert.Matches(@"achievement 2021 \(integra\): \d+,\d\d %, measured;", trace.Stdout);
        // the plan, the monitoring and the report of the sample chamber name their KPIs alike: nothing to review
        var conform = await _cli.RunAsync("conform", "report", "--json");
        Assert.True(conform.ExitCode == 0, conform.ToString());
        Assert.Equal(0, JsonDocument.Parse(conform.Stdout).RootElement.GetArrayLength());
        var none = await _cli.RunAsync("achievements", "--chamber", "LE", "--year", "2021");
        Assert.True(none.ExitCode == 1, none.ToString());
        Assert.Contains("no plan of LE holds 2021", none.Stderr);
    }

    [Fact]
    public async Task Run_loads_the_chambers_of_the_committed_configuration_and_a_second_run_changes_nothing()
    {
        var first = await _cli.RunAsync("run", "--config", RepositoryConfig());
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"CBIS Camera di Commercio del Molise: run 1 succeeded: files {SampleGenerator.DocumentCount - SampleGenerator.SupersedingOnFirstIngest} new, {SampleGenerator.SupersedingOnFirstIngest} superseding, 0 unchanged, 0 failed", first.Stdout);
        Assert.Contains("achievement computed for 1 period;", first.Stdout);
        Assert.Matches(@"alerts [1-9]\d* raised", first.Stdout);   // today, the sample's 2022 and 2023 values are long overdue

        var second = await _cli.RunAsync("run", "--config", RepositoryConfig(), "--chamber", "molise");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"files 0 new, 0 superseding, {SampleGenerator.DocumentCount} unchanged, 0 failed; 0 facts written", second.Stdout);
        Assert.Contains("achievement unchanged; alerts unchanged 0 raised, 0 escalated, 0 resolved", second.Stdout);
    }
}
