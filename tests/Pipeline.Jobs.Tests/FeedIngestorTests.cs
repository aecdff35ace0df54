using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;
using Pipeline.Samples.Feeds;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Queries;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Jobs.Tests;

/// <summary>
/// A practice export from file to measurements, on both dialects: the values of the bound metrics (worked out by
/// hand below), their lineage and trace, the same file twice, a corrected file, and a bad row among many.
/// </summary>
public abstract class FeedIngestorTests(string dialect) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-feeds-");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<TestWarehouse> WarehouseAsync()
    {
        var wh = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var plan = new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "piano.pdf", Sha256 = "sha-plan", Format = "pdf", Family = "generic",
                Chamber = "Camera di Commercio di Foggia", DocType = "piano", PeriodFrom = 2021, PeriodTo = 2023, Pages = 2,
            },
            Objectives = [new() { Id = "o1", Code = "OO.1", Level = "operational", Title = "Tempi del Registro Imprese", Source = SourceRef.ForPage(1, null) }],
            Kpis =
            [
                new() { Id = "k1", Objective = "o1", Code = "C1.1_04", Name = "Pratiche RI evase entro 5 giorni", Unit = "%", Source = SourceRef.ForPage(2, null) },
                new() { Id = "k2", Objective = "o1", Name = "Giorni medi di evasione delle pratiche", Unit = "gg", Source = SourceRef.ForPage(2, null) },
            ],
        };
        await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(plan, "/in/piano.pdf", "sha-plan"));
        return wh;
    }

    private static readonly MetricBindings Bindings = MetricBindings.Parse(
        """
        {
          "defaults": { "ri.practices_within_days": { "days_kind": "working", "net_of_suspension": true } },
          "bindings": [
            { "chamber": "FG", "kpi": "C1.1_04", "metric": "ri.practices_within_days", "params": { "days": 5 }, "periods": ["2021", "2022"] },
            { "chamber": "Foggia", "kpi": "Giorni medi di evasione delle pratiche", "metric": "ri.mean_processing_days", "periods": ["2021"] }
          ]
        }
        """, "test");

    /// <summary>
    /// 2021, working days after the registration up to the evasion, net of suspension:
    /// RI/1 Mon 04/01 → Fri 08/01: 5, (6 Epiphany), 7, 8 = 3 days (within 5);
    /// RI/2 Mon 29/03 → Wed 07/04: 30, 31, 1, 2, (5 Easter Monday), 6, 7 = 6 days (not within 5);
    /// RI/3 Mon 10/05 → Fri 21/05: 11–14, 17–21 = 9 days − 5 suspended = 4 (within 5);
    /// RI/4 Tue 28/12/2021 → Tue 04/01/2022: 29, 30, 31, (1/1 holiday, weekend), 3, 4 = 5 days, counted in 2022;
    /// RI/5 SOSPESA: not in any population; line 7 has no valid registration date: quarantined.
    /// 2021: 2 of 3 within 5 days = 66.67 %, mean (3 + 6 + 4) / 3 = 4.33; 2022: 1 of 1 = 100 %.
    /// </summary>
    private string WriteFeed(string name, string evasionOfRi2 = "07/04/2021")
    {
        var lines = new[]
        {
            "Protocollo;Data protocollo;Data evasione;Stato;Adempimento;Giorni sospensione;Ufficio;Camera",
            "RI/1;04/01/2021 09:12;08/01/2021;EVASA;Iscrizione;;Sede di Foggia;FG",
            $"RI/2;29/03/2021;{evasionOfRi2};EVASA;Modifica;0;Sede di Foggia;FG",
            "RI/3;10/05/2021;21/05/2021;EVASA;Cessazione;5;Sede di Foggia;FG",
            "RI/4;28/12/2021;04/01/2022;EVASA;Modifica;;Sede di Foggia;FG",
            "RI/5;01/12/2021;;SOSPESA;Modifica;12;Sede di Foggia;FG",
            "RI/6;31/02/2021;;EVASA;Modifica;;Sede di Foggia;FG",
        };
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);
        return path;
    }

    private static FeedIngestor Ingestor(TestWarehouse wh) => new(wh.Dialect, FeedHeaderConfig.Default, Bindings, "test-salt");

    private static async Task<decimal?> ActualAsync(TestWarehouse wh, string kpi, string period) =>
        (await wh.QueryAsync("SELECT actual_value FROM v_kpi_period WHERE kpi = @kpi AND period = @period", new { kpi, period }))
            .Select(r => r.actual_value is null ? (decimal?)null : Convert.ToDecimal(r.actual_value)).SingleOrDefault();

    [Fact]
    public async Task The_bound_metrics_become_measurements_with_their_rows_as_lineage()
    {
        await using var wh = await WarehouseAsync();
        var result = await Ingestor(wh).IngestAsync(WriteFeed("pratiche.csv"), null, null);

        Assert.Equal(LoadOutcome.Loaded, result.Load.Outcome);
        Assert.Equal("FG", result.ChamberCode);
        Assert.Equal((6L, 5L, 1L, 3), (result.RowsRead, result.Load.RowsStaged, result.Load.RowsQuarantined, result.Load.Measurements));
        Assert.Empty(result.Warnings);
        Assert.Equal(66.67m, await ActualAsync(wh, "Pratiche RI evase entro 5 giorni", "2021"));
        Assert.Equal(100m, await ActualAsync(wh, "Pratiche RI evase entro 5 giorni", "2022"));
        Assert.Equal(4.33m, await ActualAsync(wh, "Giorni medi di evasione delle pratiche", "2021"));
        Assert.Equal(1, await wh.CountAsync("quarantine", "location = 'row 7'"));

        var traced = Assert.Single(await new TraceQueries(wh.Dialect).TraceAsync("C1.1_04"));
        var share2021 = traced.Values.Single(v => v.Period == "2021" && v.SourceKind == "rows");
        Assert.Equal("pratiche.csv", share2021.FileName);
        Assert.Equal((2L, 4L), (share2021.RowFrom, share2021.RowTo)); // RI/1 on line 2 … RI/3 on line 4
        using (var detail = JsonDocument.Parse(share2021.Detail!))
        {
            Assert.Equal("ri.practices_within_days", detail.RootElement.GetProperty("metric").GetString());
            Assert.Equal(2, detail.RootElement.GetProperty("numerator").GetInt64());
            Assert.Equal(3, detail.RootElement.GetProperty("denominator").GetInt64());
        }
        Assert.Equal(3, share2021.FeedRows!.Counted);
        Assert.Equal(["row 2", "row 3", "row 4"], share2021.FeedRows.First.Select(r => r[..5]));
        // a share: RI/1 and RI/3 (within 5 days) make the numerator, RI/2 (6 days) is in the denominator only
        Assert.Equal(2, share2021.FeedRows.InNumerator);
        Assert.Equal(["row 2", "row 4"], share2021.FeedRows.NumeratorFirst.Select(r => r[..5]));
        Assert.Equal(["row 3"], share2021.FeedRows.DenominatorOnlyFirst.Select(r => r[..5]));
    }

    /// <summary>
    /// A company list bound to the digital-drawer share, with and without its "Cassetto digitale" column: with it, 2 of
    /// 4 active companies = 50 %; without it the metric is not computed (empty cells would say 0 %) and one error names
    /// the metric, the column and the file; nothing is stored, the rows still load.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_company_list_without_a_column_a_bound_metric_reads_gives_an_error_and_no_value(bool withDrawer)
    {
        await using var wh = await WarehouseAsync();
        var bindings = MetricBindings.Parse(
            """{ "bindings": [ { "chamber": "FG", "kpi": "C1.1_04", "metric": "registry.cassetto_share", "periods": ["2021"] } ] }""", "test");
        string[] rows =
        [
            "RSSMRA80A01D643X;Alfa srl;ATTIVA;10/03/2015;SI;05/06/2019",
            "BNCLCU75B02D643Y;Beta snc;ATTIVA;11/04/2016;SI;07/08/2020",
            "VRDGNN70C03D643Z;Gamma sas;ATTIVA;12/05/2017;NO;",
            "NREPLA65D04D643W;Delta srl;ATTIVA;13/06/2018;NO;",
        ];
        var header = "Codice fiscale;Denominazione;Stato impresa;Data iscrizione;Cassetto digitale;Data attivazione cassetto";
        var lines = withDrawer ? [header, .. rows] : new[] { header }.Concat(rows).Select(l => string.Join(';', l.Split(';').Take(4))).ToArray();
        var path = Path.Combine(_dir.FullName, withDrawer ? "imprese.csv" : "imprese-senza-cassetto.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);

        var result = await new FeedIngestor(wh.Dialect, FeedHeaderConfig.Default, bindings, "test-salt").IngestAsync(path, "FG", null);

        Assert.Equal((4L, 4L), (result.RowsRead, result.Load.RowsStaged));
        if (withDrawer)
        {
            Assert.Empty(result.Errors);
            Assert.Equal(50m, await ActualAsync(wh, "Pratiche RI evase entro 5 giorni", "2021"));
            return;
        }
        var error = Assert.Single(result.Errors);
        Assert.Contains("registry.cassetto_share", error);
        Assert.Contains("'Cassetto digitale'", error);
        Assert.Contains("imprese-senza-cassetto.csv", error);
        Assert.Equal(0, result.Load.Measurements);
        Assert.Null(await ActualAsync(wh, "Pratiche RI evase entro 5 giorni", "2021"));
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_and_a_corrected_one_supersedes_it()
    {
        await using var wh = await WarehouseAsync();
        var first = await Ingestor(wh).IngestAsync(WriteFeed("pratiche.csv"), null, null);
        var before = await wh.SnapshotAsync();

        var again = await Ingestor(wh).IngestAsync(WriteFeed("pratiche-copia.csv"), null, null);
        Assert.Equal(LoadOutcome.Unchanged, again.Load.Outcome);
        Assert.Equal(before, await wh.SnapshotAsync());

        // RI/2 was in fact closed on Tuesday 06/04: 30, 31, 1, 2, 6 = 5 working days, within 5 → 3 of 3
        var corrected = await Ingestor(wh).IngestAsync(WriteFeed("pratiche-corretto.csv", "06/04/2021"), null, null);
        Assert.Equal(LoadOutcome.Superseding, corrected.Load.Outcome);
        Assert.Equal(first.Load.DocumentId, corrected.Load.SupersededDocumentId);
        Assert.Equal(100m, await ActualAsync(wh, "Pratiche RI evase entro 5 giorni", "2021"));
        Assert.Equal(4m, await ActualAsync(wh, "Giorni medi di evasione delle pratiche", "2021")); // (3 + 5 + 4) / 3
        // the old values stay as history
        Assert.Equal(6, await wh.CountAsync("fact_kpi_measurement"));
        Assert.Equal(10, await wh.CountAsync("stg_practice"));
    }

    [Fact]
    public async Task One_bad_row_in_twenty_thousand_is_quarantined_and_every_row_is_accounted_for()
    {
        await using var wh = await WarehouseAsync();
        var path = Path.Combine(_dir.FullName, "grande.csv");
        using (var buffer = new MemoryStream())
        {
            PracticeFeed.Write(buffer, PracticeFeed.Rows(20_000, 7, 2021, 1), FeedCsvStyle.Priamo);
            var lines = Encoding.Latin1.GetString(buffer.ToArray()).Split("\r\n").ToList();
            lines.Insert(10_001, "RI/BAD;12/07/2021;11/07/2021;EVASA;Modifica;;Campobasso;CB"); // closed before it was registered
            File.WriteAllText(path, string.Join("\r\n", lines), Encoding.Latin1);
        }

        var result = await Ingestor(wh).IngestAsync(path, "FG", null);

        Assert.Equal(20_001, result.RowsRead);
        Assert.Equal((20_000L, 1L), (result.Load.RowsStaged, result.Load.RowsQuarantined));
        var quarantined = (await wh.QueryAsync("SELECT location, reason FROM quarantine WHERE record_kind = 'practice'")).Single();
        Assert.Equal("row 10002", (string)quarantined.location);
        Assert.Equal(20_000, await wh.CountAsync("stg_practice"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_feed_fails_with_one_line_and_leaves_nothing()
    {
        await using var wh = await WarehouseAsync();
        var path = Path.Combine(_dir.FullName, "elenco.csv");
        File.WriteAllText(path, "Nome;Cognome;Telefono\r\nMario;Rossi;0881\r\n");
        var before = await wh.SnapshotAsync();

        var ex = await Assert.ThrowsAsync<Pipeline.Extraction.ExtractionException>(() => Ingestor(wh).IngestAsync(path, "FG", null));

        Assert.StartsWith("elenco.csv: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(before, await wh.SnapshotAsync());
    }
}

public sealed class SqliteFeedIngestorTests() : FeedIngestorTests("sqlite");

public sealed class PostgresFeedIngestorTests() : FeedIngestorTests("postgres");

/// <summary>config/metrics.json: every mistake is reported when the file is read, naming the binding.</summary>
public sealed class MetricBindingsTests
{
    private static string Json(string binding) => $$"""{ "bindings": [ {{binding}} ] }""";

    [Theory]
    [InlineData("""{ "chamber": "XX", "kpi": "a", "metric": "ri.mean_processing_days", "periods": ["2021"] }""", "bindings[0].chamber: unknown chamber 'XX'")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.nothing", "periods": ["2021"] }""", "bindings[0].metric: unknown metric 'ri.nothing'")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.practices_within_days", "periods": ["2021"] }""", "bindings[0].params: metric 'ri.practices_within_days': missing required parameter 'days'")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.practices_within_days", "params": { "days": 5, "days_kind": "lunar" }, "periods": ["2021"] }""", "bindings[0].params: metric 'ri.practices_within_days': ")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.mean_processing_days", "periods": ["2021-H1"] }""", "bindings[0].periods[0]: '2021-H1' is not a period")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.mean_processing_days", "periods": [] }""", "bindings[0].periods: must list at least one period")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.mean_processing_days", "period": ["2021"] }""", "bindings[0].period: unknown setting (known: chamber, kpi, metric, params, periods)")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.mean_processing_days", "params": { "patron": [4, 23] }, "periods": ["2021"] }""", "bindings[0].params.patron: expected a text, number or true/false, found a list")]
    [InlineData("""{ "chamber": "FG", "kpi": "a", "metric": "ri.mean_processing_days", "periods": "2021" }""", "bindings[0].periods: expected a list of texts, found '2021'")]
    [InlineData("""{ "chamber": "FG", "metric": "ri.mean_processing_days", "periods": ["2021"] }""", "bindings[0].kpi: required (a KPI code or name)")]
    public void A_bad_binding_is_refused_naming_it(string binding, string message)
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => MetricBindings.Parse(Json(binding), "metrics.json"));
        Assert.StartsWith("metrics.json: bindings[0]", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Defaults_apply_and_a_binding_overrides_them()
    {
        var bindings = MetricBindings.Parse(
            """
            { "defaults": { "ri.practices_within_days": { "days": 5, "days_kind": "calendar" } },
              "bindings": [ { "chamber": "Campobasso", "kpi": "a", "metric": "ri.practices_within_days", "params": { "days": 3 }, "periods": ["2021-S1", "2021"] } ] }
            """, "metrics.json");
        var binding = Assert.Single(bindings.For("CBIS", FeedKind.Practices));
        Assert.Equal(("3", "calendar"), (binding.Parameters["days"], binding.Parameters["days_kind"]));
        Assert.Equal(["2021-S1", "2021"], binding.Periods.Select(p => p.Code));
        Assert.Empty(bindings.For("CBIS", FeedKind.Companies));
    }

    [Fact]
    public void The_committed_configuration_binds_the_sample_chamber()
    {
        var bindings = MetricBindings.FromDirectory(ConfigDirectory());
        Assert.Equal(2, bindings.For("CBIS", FeedKind.Practices).Count);
        Assert.Single(bindings.For("CBIS", FeedKind.Companies));
    }

    private static string ConfigDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "config"));
}

/// <summary>config/kpi-matches.json: manual KPI matches, checked when read.</summary>
public sealed class KpiMatchConfigTests
{
    [Fact]
    public void Matches_are_read_with_their_chamber_and_plan()
    {
        var matches = Pipeline.Jobs.Identity.KpiMatchConfig.Parse(
            """{ "matches": [ { "chamber": "Brescia", "plan": "2021-2023", "name": "Predisposizione format", "kpi": "Realizzazione format" } ] }""", "kpi-matches.json");
        Assert.Equal(new Pipeline.Warehouse.Loading.KpiManualMatch("BS", "Predisposizione format", "Realizzazione format", 2021, 2023), Assert.Single(matches));
    }

    [Theory]
    [InlineData("""{ "matches": [ { "chamber": "XX", "name": "a", "kpi": "b" } ] }""", "matches[0].chamber: unknown chamber 'XX'")]
    [InlineData("""{ "matches": [ { "chamber": "BS", "kpi": "b" } ] }""", "matches[0].name: required")]
    [InlineData("""{ "matches": [ { "chamber": "BS", "name": "a", "kpi": "b", "plan": "2023-2021" } ] }""", "matches[0].plan: '2023-2021' is not a cycle such as 2021-2023")]
    public void A_bad_entry_is_refused_naming_it(string json, string message)
    {
        var ex = Assert.Throws<Pipeline.Core.Configuration.ConfigException>(() => Pipeline.Jobs.Identity.KpiMatchConfig.Parse(json, "kpi-matches.json"));
        Assert.StartsWith("kpi-matches.json: matches[0]", ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
