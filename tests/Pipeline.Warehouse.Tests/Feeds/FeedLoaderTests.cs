using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Feeds;
using Pipeline.Warehouse.Feeds;
using Pipeline.Warehouse.Loading;
using Xunit.Abstractions;

namespace Pipeline.Warehouse.Tests.Feeds;

/// <summary>The feed loader and feed queries against a real warehouse; runs once per dialect (see the classes at the end).</summary>
public abstract class FeedLoaderTests(string dialect, ITestOutputHelper output)
{
    private const string PracticesPath = "/data/feeds/FG/pratiche_2022.csv";

    private async Task<TestWarehouse> NewWarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    // ---- fixtures -------------------------------------------------------------------------------------------------

    /// <summary>A plan of Foggia with the given KPIs (code, name), loaded like any document.</summary>
    private static async Task<LoadResult> SeedPlanAsync(TestWarehouse wh, string sha, int from, int to, params (string? Code, string Name)[] kpis)
    {
        var doc = new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = $"piano_{from}_{to}.pdf", Sha256 = sha, Format = "pdf", Family = "generic",
                Chamber = "Camera di Commercio di Foggia", DocType = "piano", PeriodFrom = from, PeriodTo = to, Pages = 3,
            },
            Objectives = [new() { Id = "o1", Code = "OS.01", Level = "strategic", Title = "Efficienza del registro", Source = SourceRef.ForPage(1, null) }],
            Kpis = kpis.Select((k, i) => new ExtractedKpi
            {
                Id = $"k{i + 1}", Objective = "o1", Code = k.Code, Name = k.Name, Unit = "%", Source = SourceRef.ForPage(2, null),
            }).ToList(),
        };
        return await new DocumentLoader(wh.Dialect).LoadAsync(new LoadRequest(doc, "/data/in/" + doc.Document.File, sha));
    }

    private static readonly (string? Code, string Name)[] PlanKpis =
    [
        ("C1.1_04", "Tasso di evasione delle pratiche"),
        ("B.02", "Tempo medio di lavorazione delle pratiche RI (C1.1_04)"),
        (null, "Tempo medio di sospensione (C2.1_01)."),
        (null, "Pratiche telematiche evase"),
    ];

    private static PracticeRow Practice(long row, string protocol, string registered, string? processed, PracticeStatus status,
        string? fulfilment = "RI", int suspension = 0, string? office = "Sede di Foggia", string? chamber = "FG") =>
        new(row, protocol, D(registered), processed is null ? null : D(processed), status, fulfilment, suspension, office, chamber);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly PracticeRow[] SamplePractices =
    [
        Practice(2, "RI/2021/000101", "2021-12-20", "2022-01-05", PracticeStatus.Evasa),
        Practice(3, "RI/2022/000001", "2022-01-03", "2022-01-04", PracticeStatus.Evasa, fulfilment: null),
        Practice(5, "RI/2022/000002", "2022-01-04", null, PracticeStatus.Sospesa, suspension: 12, office: null),
        Practice(6, "RI/2022/000003", "2022-02-10", "2022-02-28", PracticeStatus.Respinta, chamber: null),
        Practice(8, "RI/2022/000004", "2022-03-01", null, PracticeStatus.InLavorazione, fulfilment: "DEPOSITO BILANCIO"),
    ];

    private static readonly FeedRowError[] SampleErrors =
    [
        new(4, "registration date '31/02/2022' is not a date", "RI/2022/000009;31/02/2022;;EVASA"),
        new(7, "unknown status 'BOH'", "RI/2022/000010;05/02/2022;;BOH"),
    ];

    /// <summary>
    /// A feed as a reader yields it: rows lazily, each unreadable line recorded (in <see cref="Quarantined"/>) when the
    /// stream passes it, <see cref="Finished"/> once the whole file was read. The rows can be enumerated only once.
    /// </summary>
    private sealed class FakeFeed<T>(IEnumerable<T> rows, IReadOnlyList<FeedRowError> errors, Func<T, long> rowNumber)
    {
        private bool _started;
        public List<FeedRowError> Quarantined { get; } = [];
        public bool Finished { get; private set; }
        public int QuarantineCalls { get; private set; }

        public IReadOnlyList<FeedRowError> QuarantinedSoFar()
        {
            QuarantineCalls++;
            return Quarantined.ToList();
        }

        public IEnumerable<T> Rows()
        {
            if (_started) throw new InvalidOperationException("the feed was enumerated twice");
            _started = true;
            var pending = new Queue<FeedRowError>(errors.OrderBy(e => e.RowNumber));
            foreach (var row in rows)
            {
                while (pending.Count > 0 && pending.Peek().RowNumber < rowNumber(row)) Quarantined.Add(pending.Dequeue());
                yield return row;
            }
            Quarantined.AddRange(pending);
            Finished = true;
        }
    }

    private static FakeFeed<PracticeRow> PracticeFeed(IEnumerable<PracticeRow> rows, IReadOnlyList<FeedRowError>? errors = null) =>
        new(rows, errors ?? [], r => r.RowNumber);

    private static FeedLoadRequest PracticesRequest(
        string sha, FakeFeed<PracticeRow> feed, Func<long, Task<IReadOnlyList<FeedMeasurement>>>? compute = null,
        string path = PracticesPath, string chamber = "FG") =>
        new(path, sha, FeedKind.Practices, chamber, feed.Rows(), null, feed.QuarantinedSoFar,
            compute ?? (_ => Task.FromResult<IReadOnlyList<FeedMeasurement>>([])));

    private static FeedMeasurement Share(long kpiId, decimal value, string raw, long numerator, long denominator) =>
        new(kpiId, "2022", value, raw, "share_processed_within", "{\"days\":5}", numerator, denominator, 2, 8);

    /// <summary>Every row of every warehouse table, the staging tables included.</summary>
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(TestWarehouse wh)
    {
        var snapshot = await wh.SnapshotAsync();
        foreach (var table in new[] { "stg_practice", "stg_company" })
        {
            snapshot[table] = (await wh.QueryAsync($"SELECT * FROM {table}"))
                .Select(r => string.Join("|", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}")))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        return snapshot;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows) list.Add(row);
        return list;
    }

    // ---- tests ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_practices_feed_becomes_a_document_with_staged_rows_quarantine_and_a_measurement_with_lineage()
    {
        await using var wh = await NewWarehouseAsync();
        await SeedPlanAsync(wh, "sha-plan", 2021, 2023, PlanKpis);
        var queries = new FeedQueries(wh.Dialect);
        var kpiId = (await queries.FindKpisAsync("FG", "C1.1_04", 2022, CancellationToken.None)).Single();
        var feed = PracticeFeed(SamplePractices, SampleErrors);
        long? computedFor = null;
        var sawWholeFeed = false;

        var result = await new FeedLoader(wh.Dialect).LoadAsync(PracticesRequest("sha-feed-1", feed, id =>
        {
            computedFor = id;
            sawWholeFeed = feed.Finished && feed.QuarantineCalls == 1;
            return Task.FromResult<IReadOnlyList<FeedMeasurement>>([Share(kpiId, 66.67m, "66,67 %", 2, 3)]);
        }), CancellationToken.None);

        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        Assert.Equal((5L, 2L, 1, (long?)null), (result.RowsStaged, result.RowsQuarantined, result.Measurements, result.SupersededDocumentId));
        Assert.Equal(result.DocumentId, computedFor);
        Assert.True(sawWholeFeed, "the measurements are computed after the whole feed was read and its errors collected");

        var info = await queries.GetFeedDocumentAsync(result.DocumentId, CancellationToken.None);
        Assert.Equal(new FeedDocumentInfo(result.DocumentId, "pratiche_2022.csv", PracticesPath, "sha-feed-1", "feed-practices", "FG",
            "FG|feed|practices|2021-2022", true), info);
        var doc = (await wh.QueryAsync(
            """
            SELECT d.format, d.doc_type, d.pages, d.period_from, d.period_to, p.cycle_from, p.cycle_to
            FROM dim_document d JOIN dim_plan p ON p.plan_id = d.plan_id WHERE d.document_id = @id
            """, new { id = result.DocumentId })).Single();
        Assert.Equal(("csv", "feed", (object?)null), ((string)doc.format, (string)doc.doc_type, (object?)doc.pages));
        Assert.Equal((2021L, 2022L, 2021L, 2023L),
            (Convert.ToInt64(doc.period_from), Convert.ToInt64(doc.period_to), Convert.ToInt64(doc.cycle_from), Convert.ToInt64(doc.cycle_to)));
        Assert.Equal(1, await wh.CountAsync("dim_plan"));

        Assert.Equal(SamplePractices, await ToListAsync(queries.ReadPracticesAsync(result.DocumentId, CancellationToken.None)));

        var quarantine = (await wh.QueryAsync(
            "SELECT document_id, file_path, location, record_kind, reason, raw, run_id FROM quarantine ORDER BY quarantine_id")).ToList();
        Assert.Equal(
            ["row 4|practice|registration date '31/02/2022' is not a date|RI/2022/000009;31/02/2022;;EVASA", "row 7|practice|unknown status 'BOH'|RI/2022/000010;05/02/2022;;BOH"],
            quarantine.Select(q => $"{q.location}|{q.record_kind}|{q.reason}|{q.raw}"));
        Assert.All(quarantine, q =>
        {
            Assert.Equal(result.DocumentId, Convert.ToInt64(q.document_id));
            Assert.Equal(PracticesPath, (string)q.file_path);
            Assert.Null(q.run_id);
        });

        var fact = (await wh.QueryAsync(
            """
            SELECT m.kpi_id, m.value_num, m.raw, p.code AS period, l.document_id AS lineage_document, l.field, l.kind,
                   l.row_from, l.row_to, l.raw_text, l.detail
            FROM fact_kpi_measurement m
            JOIN dim_period p ON p.period_id = m.period_id
            JOIN lineage l ON l.lineage_id = m.lineage_id
            WHERE m.document_id = @id
            """, new { id = result.DocumentId })).Single();
        Assert.Equal(kpiId, Convert.ToInt64(fact.kpi_id));
        Assert.Equal(66.67m, Math.Round(Convert.ToDecimal(fact.value_num), 4));
        Assert.Equal(("66,67 %", "2022", "measurement", "rows", "66,67 %"),
            ((string)fact.raw, (string)fact.period, (string)fact.field, (string)fact.kind, (string)fact.raw_text));
        Assert.Equal((result.DocumentId, 2L, 8L),
            (Convert.ToInt64(fact.lineage_document), Convert.ToInt64(fact.row_from), Convert.ToInt64(fact.row_to)));

        using var detail = JsonDocument.Parse((string)fact.detail);
        var d = detail.RootElement;
        Assert.Equal(
            ["feed_sha256", "metric", "parameters", "period", "numerator", "denominator", "rows_read", "rows_staged", "rows_quarantined"],
            d.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("sha-feed-1", "share_processed_within", "{\"days\":5}", "2022"),
            (d.GetProperty("feed_sha256").GetString(), d.GetProperty("metric").GetString(), d.GetProperty("parameters").GetString(), d.GetProperty("period").GetString()));
        Assert.Equal((2L, 3L, 7L, 5L, 2L),
            (d.GetProperty("numerator").GetInt64(), d.GetProperty("denominator").GetInt64(), d.GetProperty("rows_read").GetInt64(),
             d.GetProperty("rows_staged").GetInt64(), d.GetProperty("rows_quarantined").GetInt64()));

        // the measurement is an actual of the KPI in the BI views, traced to the feed rows
        var traced = (await wh.QueryAsync("SELECT doc_type, source_kind, row_from, row_to FROM v_kpi_lineage WHERE value_kind = 'actual' AND kpi_id = @kpiId",
            new { kpiId })).Single();
        Assert.Equal(("feed", "rows", 2L, 8L), ((string)traced.doc_type, (string)traced.source_kind, Convert.ToInt64(traced.row_from), Convert.ToInt64(traced.row_to)));
    }

    [Fact]
    public async Task The_same_bytes_twice_change_nothing_and_the_rows_are_not_read()
    {
        await using var wh = await NewWarehouseAsync();
        await SeedPlanAsync(wh, "sha-plan", 2021, 2023, PlanKpis);
        var kpiId = (await new FeedQueries(wh.Dialect).FindKpisAsync("FG", "C1.1_04", 2022, CancellationToken.None)).Single();
        var loader = new FeedLoader(wh.Dialect);
        var first = await loader.LoadAsync(PracticesRequest("sha-feed-1", PracticeFeed(SamplePractices, SampleErrors),
            _ => Task.FromResult<IReadOnlyList<FeedMeasurement>>([Share(kpiId, 66.67m, "66,67 %", 2, 3)])), CancellationToken.None);
        var before = await SnapshotAsync(wh);

        var computed = false;
        var again = PracticeFeed(Unreadable<PracticeRow>(), SampleErrors);
        var second = await loader.LoadAsync(
            PracticesRequest("sha-feed-1", again, _ => { computed = true; return Task.FromResult<IReadOnlyList<FeedMeasurement>>([]); }),
            CancellationToken.None);

        Assert.Equal(new FeedLoadResult(LoadOutcome.Unchanged, first.DocumentId, 0, 0, 0, null), second);
        Assert.False(computed);
        Assert.Equal(0, again.QuarantineCalls);
        Assert.Equal(before, await SnapshotAsync(wh));
        Assert.Equal(5, await wh.CountAsync("stg_practice"));
    }

    private static IEnumerable<T> Unreadable<T>()
    {
        throw new InvalidOperationException("the rows of an unchanged file must not be read");
#pragma warning disable CS0162 // makes this an iterator: the exception comes at the first MoveNext, not at the call
        yield break;
#pragma warning restore CS0162
    }

    [Fact]
    public async Task A_new_file_with_the_same_logical_key_supersedes_and_the_old_rows_and_measurements_stay()
    {
        await using var wh = await NewWarehouseAsync();
        await SeedPlanAsync(wh, "sha-plan", 2021, 2023, PlanKpis);
        var queries = new FeedQueries(wh.Dialect);
        var kpiId = (await queries.FindKpisAsync("FG", "C1.1_04", 2022, CancellationToken.None)).Single();
        var loader = new FeedLoader(wh.Dialect);
        var v1 = await loader.LoadAsync(PracticesRequest("sha-v1", PracticeFeed(SamplePractices, SampleErrors),
            _ => Task.FromResult<IReadOnlyList<FeedMeasurement>>([Share(kpiId, 66.67m, "66,67 %", 2, 3)])), CancellationToken.None);

        // the same months re-exported with one more practice processed
        var v2Rows = SamplePractices.Select(p => p.RowNumber == 5 ? p with { Processed = D("2022-01-20"), Status = PracticeStatus.Evasa } : p).ToArray();
        var v2 = await loader.LoadAsync(PracticesRequest("sha-v2", PracticeFeed(v2Rows), _ =>
            Task.FromResult<IReadOnlyList<FeedMeasurement>>([Share(kpiId, 75m, "75,00 %", 3, 4)])), CancellationToken.None);

        Assert.Equal(LoadOutcome.Superseding, v2.Outcome);
        Assert.Equal(v1.DocumentId, v2.SupersededDocumentId);
        Assert.False((await queries.GetFeedDocumentAsync(v1.DocumentId, CancellationToken.None))!.IsCurrent);
        Assert.True((await queries.GetFeedDocumentAsync(v2.DocumentId, CancellationToken.None))!.IsCurrent);
        Assert.Equal(v2.DocumentId, await wh.ScalarAsync<long>("SELECT superseded_by_id FROM dim_document WHERE document_id = @id", new { id = v1.DocumentId }));
        Assert.Equal(v1.DocumentId, await wh.ScalarAsync<long>("SELECT supersedes_id FROM dim_document WHERE document_id = @id", new { id = v2.DocumentId }));
        Assert.Equal(1, await wh.CountAsync("dim_document", "doc_type = 'feed' AND is_current"));

        // history: the old rows, quarantine and measurement are kept; the views show the current value
        Assert.Equal(SamplePractices, await ToListAsync(queries.ReadPracticesAsync(v1.DocumentId, CancellationToken.None)));
        Assert.Equal(v2Rows, await ToListAsync(queries.ReadPracticesAsync(v2.DocumentId, CancellationToken.None)));
        Assert.Equal(2, await wh.CountAsync("quarantine"));
        Assert.Equal(2, await wh.CountAsync("fact_kpi_measurement", $"kpi_id = {kpiId}"));
        Assert.Equal(75m, Math.Round(Convert.ToDecimal(await wh.ScalarAsync<object>(
            "SELECT actual_value FROM v_kpi_period WHERE kpi_id = @kpiId AND period = '2022'", new { kpiId })), 4));

        // other years make another logical document: loaded beside, not superseding
        var v3 = await loader.LoadAsync(PracticesRequest("sha-2023", PracticeFeed([Practice(2, "RI/2023/000001", "2023-01-09", null, PracticeStatus.Sospesa)])),
            CancellationToken.None);
        Assert.Equal(LoadOutcome.Loaded, v3.Outcome);
        Assert.Equal("FG|feed|practices|2023-2023", (await queries.GetFeedDocumentAsync(v3.DocumentId, CancellationToken.None))!.LogicalKey);
        Assert.Equal(2, await wh.CountAsync("dim_document", "doc_type = 'feed' AND is_current"));
    }

    [Fact]
    public async Task A_failure_while_computing_leaves_nothing_of_the_file_and_the_file_loads_afterwards()
    {
        await using var wh = await NewWarehouseAsync();
        await SeedPlanAsync(wh, "sha-plan", 2021, 2023, PlanKpis);
        var loader = new FeedLoader(wh.Dialect);
        var v1 = await loader.LoadAsync(PracticesRequest("sha-v1", PracticeFeed(SamplePractices, SampleErrors)), CancellationToken.None);
        var before = await SnapshotAsync(wh);

        var failing = PracticeFeed(SamplePractices, SampleErrors);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(PracticesRequest("sha-v2", failing, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("injected failure while computing");
        }), CancellationToken.None));

        Assert.Equal("injected failure while computing", ex.Message);
        Assert.True(failing.Finished);
        Assert.Equal(before, await SnapshotAsync(wh));
        Assert.Equal(0, await wh.CountAsync("dim_document", "sha256 = 'sha-v2'"));

        // a reader failing in the middle of the file (COPY / prepared inserts half done) leaves nothing either
        IEnumerable<PracticeRow> Broken()
        {
            yield return SamplePractices[0];
            yield return SamplePractices[1];
            throw new IOException("disk read error at line 4");
        }
        var io = await Assert.ThrowsAsync<IOException>(() => loader.LoadAsync(PracticesRequest("sha-v3", PracticeFeed(Broken())), CancellationToken.None));
        Assert.Contains("line 4", io.Message);
        Assert.Equal(before, await SnapshotAsync(wh));

        // a year no plan holds and nothing computed: the one-year plan is added only by a load that commits
        var newYear = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(
            PracticesRequest("sha-2030", PracticeFeed([Practice(2, "RI/2030/000001", "2030-01-02", null, PracticeStatus.Sospesa)]),
                _ => throw new InvalidOperationException("no metric for 2030")), CancellationToken.None));
        Assert.Equal("no metric for 2030", newYear.Message);
        Assert.Equal(0, await wh.CountAsync("dim_plan", "cycle_from = 2030"));
        Assert.Equal(before, await SnapshotAsync(wh));

        var retry = await loader.LoadAsync(PracticesRequest("sha-v2", PracticeFeed(SamplePractices, SampleErrors)), CancellationToken.None);
        Assert.Equal(LoadOutcome.Superseding, retry.Outcome);
        Assert.Equal(v1.DocumentId, retry.SupersededDocumentId);
        Assert.Equal(10, await wh.CountAsync("stg_practice", $"document_id IN ({v1.DocumentId}, {retry.DocumentId})"));
    }

    [Fact]
    public async Task An_unknown_chamber_or_a_feed_without_rows_is_a_load_exception_and_writes_nothing()
    {
        await using var wh = await NewWarehouseAsync();
        var loader = new FeedLoader(wh.Dialect);
        var before = await SnapshotAsync(wh);

        var unknown = await Assert.ThrowsAsync<LoadException>(() =>
            loader.LoadAsync(PracticesRequest("sha-zz", PracticeFeed(SamplePractices), chamber: "zz"), CancellationToken.None));
        Assert.Equal("chamber ZZ is not in dim_chamber; run 'pipeline init' first", unknown.Message);

        var empty = await Assert.ThrowsAsync<LoadException>(() =>
            loader.LoadAsync(PracticesRequest("sha-empty", PracticeFeed([], SampleErrors)), CancellationToken.None));
        Assert.Contains("no readable row", empty.Message);
        Assert.Equal(before, await SnapshotAsync(wh));
    }

    [Fact]
    public async Task A_companies_feed_round_trips_and_takes_its_year_from_the_latest_date()
    {
        await using var wh = await NewWarehouseAsync();
        var plan = await SeedPlanAsync(wh, "sha-plan", 2021, 2023, PlanKpis);
        CompanyRow[] companies =
        [
            new(2, "FG", "123456", "01234567890", "ALFA SRL", "SOCIETA' A RESPONSABILITA' LIMITATA", "ATTIVA", D("2015-03-02"), null,
                "62.01", "START-UP INNOVATIVA", D("2023-05-10"), true, D("2024-03-01")),
            new(3, "FG", "234567", "h:" + new string('a', 64), null, "IMPRESA INDIVIDUALE", "ATTIVA", D("2019-07-15"), null,
                "01.11", null, null, false, null),
            new(5, null, null, null, "BETA SNC", null, "CESSATA", null, D("2023-12-31"), null, null, null, false, null),
        ];
        var feed = new FakeFeed<CompanyRow>(companies, [new FeedRowError(4, "REA number 'x12' is not a number", "FG;x12;...")], c => c.RowNumber);
        var queries = new FeedQueries(wh.Dialect);

        var result = await new FeedLoader(wh.Dialect).LoadAsync(new FeedLoadRequest(
            "/data/feeds/FG/imprese.csv", "sha-companies", FeedKind.Companies, "FG", null, feed.Rows(), feed.QuarantinedSoFar,
            _ => Task.FromResult<IReadOnlyList<FeedMeasurement>>([]), RunId: null), CancellationToken.None);

        Assert.Equal((LoadOutcome.Loaded, 3L, 1L, 0), (result.Outcome, result.RowsStaged, result.RowsQuarantined, result.Measurements));
        Assert.Equal(companies, await ToListAsync(queries.ReadCompaniesAsync(result.DocumentId, CancellationToken.None)));
        var info = await queries.GetFeedDocumentAsync(result.DocumentId, CancellationToken.None);
        Assert.Equal(("feed-companies", "FG|feed|companies|2024-2024", "imprese.csv"), (info!.Family, info.LogicalKey, info.FileName));
        // no plan holds 2024: a one-year plan, as for a one-year report
        Assert.Equal("2024-2024", (await wh.QueryAsync(
            "SELECT p.cycle_from, p.cycle_to FROM dim_document d JOIN dim_plan p ON p.plan_id = d.plan_id WHERE d.document_id = @id",
            new { id = result.DocumentId })).Select(r => $"{r.cycle_from}-{r.cycle_to}").Single());
        Assert.Equal("company|row 4", (await wh.QueryAsync("SELECT record_kind, location FROM quarantine")).Select(r => $"{r.record_kind}|{r.location}").Single());
        Assert.Empty(await ToListAsync(queries.ReadPracticesAsync(result.DocumentId, CancellationToken.None)));
        Assert.Null(await queries.GetFeedDocumentAsync(plan.DocumentId, CancellationToken.None)); // a plan is not a feed
    }

    [Fact]
    public async Task FindKpis_matches_the_code_then_a_token_in_the_name_then_the_name_in_the_plan_of_the_year()
    {
        await using var wh = await NewWarehouseAsync();
        await SeedPlanAsync(wh, "sha-plan-2021", 2021, 2023, PlanKpis);
        await SeedPlanAsync(wh, "sha-plan-2022", 2022, 2024, (null, "Pratiche telematiche evase"), ("X.9", "Altro indicatore"));
        var queries = new FeedQueries(wh.Dialect);
        async Task<List<string>> Find(string chamber, string selector, int year) =>
            (await queries.FindKpisAsync(chamber, selector, year, CancellationToken.None)).Select(id => Describe(id)).ToList();
        var names = (await wh.QueryAsync("SELECT k.kpi_id, k.name, p.cycle_from FROM dim_kpi k JOIN dim_plan p ON p.plan_id = k.plan_id"))
            .ToDictionary(r => (long)Convert.ToInt64(r.kpi_id), r => (string)$"{r.name} @{r.cycle_from}");
        string Describe(long id) => names[id];

        // the code beats the same code printed in another KPI's name
        Assert.Equal(["Tasso di evasione delle pratiche @2021"], await Find("FG", "c1.1_04", 2021));
        Assert.Equal(["Tempo medio di lavorazione delle pratiche RI (C1.1_04) @2021"], await Find("FG", "B.02", 2021));
        // a Pareto code printed in the name, as a whole token only
        Assert.Equal(["Tempo medio di sospensione (C2.1_01). @2021"], await Find("FG", "C2.1_01", 2021));
        Assert.Empty(await Find("FG", "C2.1", 2021));
        Assert.Empty(await Find("FG", "2.1_01", 2021));
        // the normalised name; the plan adopted for the year (latest-starting) wins
        Assert.Equal(["Pratiche telematiche evase @2021"], await Find("FG", "pratiche  telematiche EVASE", 2021));
        Assert.Equal(["Pratiche telematiche evase @2022"], await Find("fg", "Pratiche telematiche evase", 2022));
        // an older plan that still holds the year answers when the latest one has no match
        Assert.Equal(["Tasso di evasione delle pratiche @2021"], await Find("FG", "C1.1_04", 2023));
        Assert.Empty(await Find("FG", "Pratiche telematiche evase", 2025));
        Assert.Empty(await Find("LE", "C1.1_04", 2021));
        Assert.Empty(await Find("FG", "  ", 2021));
    }

    [Fact]
    public async Task Two_hundred_thousand_practices_stream_into_staging()
    {
        const int count = 200_000;
        await using var wh = await NewWarehouseAsync();
        var generated = 0;
        IEnumerable<PracticeRow> Generate()
        {
            var start = new DateOnly(2022, 1, 1);
            for (var i = 0; i < count; i++)
            {
                generated++;
                var registered = start.AddDays(i % 365);
                yield return new PracticeRow(i + 2L, $"RI/2022/{i:D7}", registered, i % 3 == 0 ? null : registered.AddDays(i % 11),
                    (PracticeStatus)(i % 5), i % 4 == 0 ? null : "RI", i % 7, i % 2 == 0 ? "Sede di Foggia" : null, "FG");
            }
        }
        var feed = PracticeFeed(Generate());

        var clock = Stopwatch.StartNew();
        var result = await new FeedLoader(wh.Dialect).LoadAsync(PracticesRequest("sha-big", feed), CancellationToken.None);
        var loadTime = clock.Elapsed;

        Assert.Equal(count, generated);
        Assert.Equal(count, result.RowsStaged);
        Assert.Equal(count, await wh.CountAsync("stg_practice", $"document_id = {result.DocumentId}"));
        Assert.Equal("FG|feed|practices|2022-2022", (await new FeedQueries(wh.Dialect).GetFeedDocumentAsync(result.DocumentId, CancellationToken.None))!.LogicalKey);

        clock.Restart();
        long read = 0, lastRow = 0;
        await foreach (var row in new FeedQueries(wh.Dialect).ReadPracticesAsync(result.DocumentId, CancellationToken.None))
        {
            Assert.True(row.RowNumber > lastRow);
            lastRow = row.RowNumber;
            read++;
        }
        Assert.Equal(count, read);
        output.WriteLine($"{dialect}: staged {count:N0} practices in {loadTime.TotalSeconds:0.00} s, read them back in {clock.Elapsed.TotalSeconds:0.00} s");
    }
}

public sealed class SqliteFeedLoaderTests(ITestOutputHelper output) : FeedLoaderTests("sqlite", output);

public sealed class PostgresFeedLoaderTests(ITestOutputHelper output) : FeedLoaderTests("postgres", output);
