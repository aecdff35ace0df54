using System.Text;
using Pipeline.Extraction;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Alerts;
using Pipeline.Jobs.Alerts.Channels;
using Pipeline.Jobs.Feeds;
using Pipeline.Jobs.Ingest;
using Pipeline.Jobs.Tests.Alerts.Channels;
using Pipeline.Samples;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Runs;
using Pipeline.Warehouse.Tests;
using Serilog;

namespace Pipeline.Jobs.Tests.Alerts;

/// <summary>
/// The stale-feed and source-failed rules and the weekly reminder, through real feed ingests and recorded runs on both
/// dialects, with an injected clock. The first feed arrives on Friday 1 March 2024 at 10:00 in Rome (09:00 UTC).
/// </summary>
public abstract class FeedAndSourceAlertTests(string dialect) : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2024-03-01T09:00:00Z");
    private static readonly ILogger Logger = new LoggerConfiguration().CreateLogger();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-alert-feeds-");

    public void Dispose() => _dir.Delete(recursive: true);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A channel that keeps every digest it is given.</summary>
    private sealed class Recorder : IAlertChannel
    {
        public List<AlertDigest> Digests { get; } = [];
        public string Name => "recorder";

        public Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct)
        {
            Digests.Add(digest);
            return Task.FromResult(new ChannelResult(true, 1, null));
        }
    }

    /// <summary>Cancels the run when it starts on its first file (missing sources are recorded before): it ends 'interrupted'.</summary>
    private sealed class CancelOnFirstFile(CancellationTokenSource cts) : IIngestProgress
    {
        public void Started(int files) { }
        public void FileStarting(string path) => cts.Cancel();
        public void FileDone(FileOutcome outcome) { }
    }

    private async Task<TestWarehouse> WarehouseAsync() => await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();

    private static FeedIngestor Feeds(TestWarehouse wh, TimeProvider clock) =>
        new(wh.Dialect, FeedHeaderConfig.Default, MetricBindings.None, "test-salt", clock);

    private static IngestRunner Runner(TestWarehouse wh, TimeProvider clock) =>
        new(wh.Dialect, DocumentExtractors.Create(null), Logger, clock) { Feeds = Feeds(wh, clock) };

    private static AlertEvaluator Evaluator(TestWarehouse wh, TimeProvider clock, params IAlertChannel[] channels) =>
        Evaluator(wh, clock, AlertConfig.Default, channels);

    private static AlertEvaluator Evaluator(TestWarehouse wh, TimeProvider clock, AlertConfig config, params IAlertChannel[] channels) =>
        new(wh.Dialect, config, channels, clock);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    private string Path_(string relative) => Path.Combine(_dir.FullName, relative);

    /// <summary>A Priamo-style practice export of FG for 2024; <paramref name="protocol"/> changes the bytes, not the key.</summary>
    private string Practices(string relative, string protocol = "RI/1") => Write(relative,
        "Protocollo;Data protocollo;Data evasione;Stato;Adempimento;Giorni sospensione;Ufficio;Camera\r\n" +
        $"{protocol};04/01/2024;08/01/2024;EVASA;Iscrizione;;Sede di Foggia;FG\r\n");

    /// <summary>A company list of FG.</summary>
    private string Companies(string relative) => Write(relative,
        "Provincia;Numero REA;Codice fiscale;Denominazione;Natura giuridica;Stato impresa;Data iscrizione\r\n" +
        "FG;123456;01234567890;Alfa srl;SRL;ATTIVA;01/02/2024\r\n");

    private static Task<List<dynamic>> AlertsAsync(TestWarehouse wh, string rule, string chamber = "FG") => wh.QueryAsync(
        """
        SELECT subject, subject_label, period, CAST(due_date AS TEXT) AS due_date, status, severity, message FROM alert
        WHERE rule = @rule AND chamber_code = @chamber ORDER BY alert_id
        """, new { rule, chamber });

    [Fact]
    public async Task A_feed_is_stale_after_n_days_without_a_new_file_escalates_and_is_resolved_by_a_new_file()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        Assert.Equal(LoadOutcome.Loaded, (await Feeds(wh, clock).IngestAsync(Practices("in/pratiche.csv"), "FG", null)).Load.Outcome);
        var recorder = new Recorder();
        var evaluator = Evaluator(wh, clock, recorder);

        clock.Now = T0.AddDays(10).AddSeconds(-1);                               // 9 days 23:59:59 after the file
        var fresh = await evaluator.EvaluateAsync("FG");
        Assert.Equal((0, 0), (fresh.Raised, fresh.Open));
        Assert.Empty(recorder.Digests);

        clock.Now = T0.AddDays(10);                                               // 10 full days: stale
        var stale = await evaluator.EvaluateAsync("FG");
        Assert.Equal((1, 1), (stale.Raised, stale.Open));
        var alert = Assert.Single(await AlertsAsync(wh, "stale-feed"));
        Assert.Equal(("feed:practices", "practices feed", "2024-03-01", "2024-03-11", "open"),
            ((string)alert.subject, (string)alert.subject_label, (string)alert.period, (string)alert.due_date, (string)alert.status));
        Assert.Contains("no new file since 01/03/2024 10:00", (string)alert.message);
        var raised = Assert.Single(Assert.Single(recorder.Digests).Alerts);
        Assert.Equal(("stale-feed", "raised", "practices feed"), (raised.Rule, raised.Status, raised.Subject));

        clock.Now = T0.AddDays(20);
        var again = await evaluator.EvaluateAsync("FG");
        Assert.Equal((0, 0, 1), (again.Raised, again.Escalated, again.Open));     // one open alert per chamber + feed kind

        clock.Now = T0.AddDays(25);                                               // open for 15 days
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Escalated);
        Assert.Equal(1, await wh.CountAsync("alert", "rule = 'stale-feed' AND status = 'escalated' AND severity = 'critical'"));

        clock.Now = T0.AddDays(26);                                               // a corrected export of the same years
        Assert.Equal(LoadOutcome.Superseding, (await Feeds(wh, clock).IngestAsync(Practices("in/pratiche-2.csv", "RI/2"), "FG", null)).Load.Outcome);
        var resolved = await evaluator.EvaluateAsync("FG");
        Assert.Equal((1, 0), (resolved.Resolved, resolved.Open));
        var message = Assert.Single(recorder.Digests[^1].Alerts);
        Assert.Equal("resolved", message.Status);
        Assert.Contains("new file", message.Text);

        clock.Now = T0.AddDays(36);                                               // 10 days after that file: a new episode
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Raised);
        var alerts = await AlertsAsync(wh, "stale-feed");
        Assert.Equal([("2024-03-01", "resolved"), ("2024-03-27", "open")], alerts.Select(a => ((string)a.period, (string)a.status)));
        Assert.Equal("2024-04-06", (string)alerts[1].due_date);
    }

    [Fact]
    public async Task An_unchanged_re_read_does_not_reset_the_clock_and_a_kind_never_loaded_is_not_expected()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        var feed = Practices("inbox/pratiche.csv");
        await Feeds(wh, clock).IngestAsync(feed, "FG", null);

        clock.Now = T0.AddDays(5);                                                // the nightly run reads the same bytes again
        var rerun = await Runner(wh, clock).RunAsync([Path_("inbox")], "FG", null, "run");
        Assert.Equal((1, "succeeded"), (rerun.Count(FileStatus.Unchanged), rerun.Status));
        Assert.Equal(LoadOutcome.Unchanged, (await Feeds(wh, clock).IngestAsync(feed, "FG", null)).Load.Outcome);

        var evaluator = Evaluator(wh, clock);
        clock.Now = T0.AddDays(10);                                               // 10 days after the first and only new file
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Raised);
        var alert = Assert.Single(await AlertsAsync(wh, "stale-feed"));
        Assert.Equal(("feed:practices", "2024-03-01"), ((string)alert.subject, (string)alert.period));

        clock.Now = T0.AddDays(200);                                              // no company list ever: nothing expected of it
        var later = await evaluator.EvaluateAsync("FG");
        Assert.Equal((0, 1), (later.Raised, later.Open));
        Assert.Equal(0, await wh.CountAsync("alert", "subject = 'feed:companies'"));
        Assert.Equal(0, await wh.CountAsync("alert", "chamber_code <> 'FG'"));
    }

    [Fact]
    public async Task Each_feed_kind_goes_stale_after_its_own_days()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        await Feeds(wh, clock).IngestAsync(Practices("in/pratiche.csv"), "FG", null);
        await Feeds(wh, clock).IngestAsync(Companies("in/imprese.csv"), "FG", null);
        var config = AlertConfig.Parse("""{ "feeds": { "stale_after_days": 10, "companies": { "stale_after_days": 35 } } }""", "alerts.json");
        var evaluator = Evaluator(wh, clock, config);

        clock.Now = T0.AddDays(10);
        await evaluator.EvaluateAsync("FG");
        Assert.Equal(["feed:practices"], (await AlertsAsync(wh, "stale-feed")).Select(a => (string)a.subject));

        clock.Now = T0.AddDays(35);
        await evaluator.EvaluateAsync("FG");
        Assert.Equal(["feed:practices", "feed:companies"], (await AlertsAsync(wh, "stale-feed")).Select(a => (string)a.subject));
    }

    [Fact]
    public async Task A_failed_file_and_a_missing_folder_raise_one_alert_each_until_a_clean_run()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        var inbox = Path_("inbox");
        File.WriteAllBytes(Write("inbox/corrotto.xlsx", ""), BadFiles.CorruptXlsx());
        Practices("inbox/pratiche.csv");
        var missing = Path_("archivio");
        // a manual ingest's failure is not a source of the chamber's nightly run
        File.WriteAllBytes(Write("manual/vuoto.xlsx", ""), BadFiles.Empty());
        Assert.Equal("failed", (await Runner(wh, clock).RunAsync([Path_("manual/vuoto.xlsx")], "FG", null, "ingest")).Status);

        var first = await Runner(wh, clock).RunAsync([inbox, missing], "FG", null, "run");
        Assert.Equal((2, "partial"), (first.Count(FileStatus.Failed), first.Status));
        var recorder = new Recorder();
        var evaluator = Evaluator(wh, clock, recorder);
        var raised = await evaluator.EvaluateAsync("FG", first.RunId);
        Assert.Equal((2, 2), (raised.Raised, raised.Open));
        var alerts = (await AlertsAsync(wh, "source-failed")).ToDictionary(a => (string)a.subject_label);
        Assert.Equal(["archivio", "corrotto.xlsx"], alerts.Keys.Order());
        Assert.Equal("source:" + Path.Combine(inbox, "corrotto.xlsx"), (string)alerts["corrotto.xlsx"].subject);
        Assert.Equal("source:" + missing, (string)alerts["archivio"].subject);
        Assert.Contains("corrupt", (string)alerts["corrotto.xlsx"].message);
        Assert.Contains("no such file or folder", (string)alerts["archivio"].message);
        Assert.All(alerts.Values, a => Assert.Equal(("2024-03-01", "2024-03-01"), ((string)a.period, (string)a.due_date)));
        Assert.Equal(2, Assert.Single(recorder.Digests).Alerts.Count);          // one digest for the chamber

        clock.Now = T0.AddDays(1);                                               // failing again: still one alert per source
        var second = await Runner(wh, clock).RunAsync([inbox, missing], "FG", null, "run");
        var again = await evaluator.EvaluateAsync("FG", second.RunId);
        Assert.Equal((0, 0, 2), (again.Raised, again.Resolved, again.Open));
        Assert.Equal(2, await wh.CountAsync("alert", "rule = 'source-failed'"));

        clock.Now = T0.AddDays(2);                                               // fixed: the scheduler's next run is clean
        File.Delete(Path.Combine(inbox, "corrotto.xlsx"));
        Directory.CreateDirectory(missing);
        var clean = await Runner(wh, clock).RunAsync([inbox, missing], "FG", null, "nightly");
        Assert.Equal("succeeded", clean.Status);
        var resolved = await evaluator.EvaluateAsync("FG", clean.RunId);
        Assert.Equal((2, 0), (resolved.Resolved, resolved.Open));
        Assert.All(recorder.Digests[^1].Alerts, a => Assert.Equal("resolved", a.Status));
        Assert.Equal(0, await wh.CountAsync("alert", "message LIKE '%vuoto%'"));
    }

    [Fact]
    public async Task An_interrupted_or_unfinished_run_does_not_resolve_a_source_alert()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        var inbox = Path_("inbox");
        var first = await Runner(wh, clock).RunAsync([inbox], "FG", null, "run");
        Assert.Equal("failed", first.Status);                                    // the folder is not there
        var evaluator = Evaluator(wh, clock);
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Raised);

        clock.Now = T0.AddDays(1);                                               // the folder is back, but the run is cut short
        Companies("inbox/imprese.csv");
        Practices("inbox/pratiche.csv");
        var other = Path_("altro");
        using (var cts = new CancellationTokenSource())
        {
            var interrupted = await Runner(wh, clock).RunAsync([inbox, other], "FG", new CancelOnFirstFile(cts), "nightly", ct: cts.Token);
            Assert.Equal("interrupted", interrupted.Status);
            Assert.Equal(0, interrupted.Count(FileStatus.New) + interrupted.Count(FileStatus.Superseding));
        }
        await new EtlRunStore(wh.Dialect, clock).RecordFailedAsync("nightly", "FG", "FG: another run of this chamber is in progress");  // refused before reading
        await new EtlRunStore(wh.Dialect, clock).StartAsync("nightly", "FG");   // and another one is still running
        var afterInterrupted = await evaluator.EvaluateAsync("FG");
        Assert.Equal(0, afterInterrupted.Resolved);                              // inbox: not resolved by the interrupted or the refused run
        Assert.Equal(1, afterInterrupted.Raised);                                // altro: a failure it did see is raised
        Assert.Equal(["source:" + inbox, "source:" + other],
            (await AlertsAsync(wh, "source-failed")).Where(a => (string)a.status == "open").Select(a => (string)a.subject));

        clock.Now = T0.AddDays(2);
        Assert.Equal("succeeded", (await Runner(wh, clock).RunAsync([inbox], "FG", null, "run")).Status);
        var resolved = await evaluator.EvaluateAsync("FG");
        Assert.Equal((2, 0), (resolved.Resolved, resolved.Open));
    }

    [Fact]
    public async Task The_weekly_reminder_lists_every_open_alert_once_per_chamber_and_nothing_for_a_chamber_without_one()
    {
        await using var wh = await WarehouseAsync();
        var clock = new Clock(T0);
        await Feeds(wh, clock).IngestAsync(Practices("fg/feeds/pratiche.csv"), "FG", null);
        File.WriteAllBytes(Write("fg/inbox/corrotto.xlsx", ""), BadFiles.CorruptXlsx());
        string[] fgSources = [Path_("fg/inbox"), Path_("fg/archivio")];
        await Runner(wh, clock).RunAsync(fgSources, "FG", null, "run");
        await Runner(wh, clock).RunAsync([Path_("ba/inbox")], "BA", null, "run");
        await Runner(wh, clock).RunAsync([Path_("le/inbox")], "LE", null, "run");
        await using var smtp = new FakeSmtpServer();
        var config = AlertConfig.Default with
        {
            Recipients = new Dictionary<string, IReadOnlyList<string>> { ["FG"] = ["controllo@fg.camcom.it"], ["BA"] = ["controllo@ba.camcom.it"], ["LE"] = ["controllo@le.camcom.it"] },
        };
        var recorder = new Recorder();
        var evaluator = Evaluator(wh, clock, config, recorder, new SmtpChannel(new SmtpSettings("127.0.0.1", smtp.Port, "pipeline@localhost", TimeSpan.FromSeconds(5))));
        foreach (var chamber in new[] { "FG", "BA", "LE" }) await evaluator.EvaluateAsync(chamber);

        clock.Now = T0.AddDays(1);                                               // LE and FG's archive fixed: resolved
        Directory.CreateDirectory(Path_("le/inbox"));
        Directory.CreateDirectory(Path_("fg/archivio"));
        await Runner(wh, clock).RunAsync([Path_("le/inbox")], "LE", null, "run");
        await Runner(wh, clock).RunAsync(fgSources, "FG", null, "run");
        Assert.Equal(1, (await evaluator.EvaluateAsync("LE")).Resolved);
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Resolved);
        clock.Now = T0.AddDays(10);                                              // FG's practices feed goes stale
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Raised);
        clock.Now = T0.AddDays(20);                                              // FG's corrupt file: open for 20 days
        Assert.Equal(1, (await evaluator.EvaluateAsync("FG")).Escalated);
        recorder.Digests.Clear();
        var mailsBefore = smtp.Messages.Count;

        var deliveries = await evaluator.SendOpenDigestAsync("FG");
        Assert.Equal([("recorder", true), ("smtp", true)], deliveries.Select(d => (d.Channel, d.Result.Delivered)));
        var digest = Assert.Single(recorder.Digests);
        Assert.True(digest.Reminder);
        Assert.Equal(2, await wh.CountAsync("alert", "chamber_code = 'FG' AND status <> 'resolved'"));
        Assert.Equal([("source-failed", "corrotto.xlsx", "escalated", "critical"), ("stale-feed", "practices feed", "open", "warning")],
            digest.Alerts.Select(a => (a.Rule, a.Subject, a.Status, a.Severity)).OrderBy(a => a.Rule));
        var (headers, rawBody) = MimeDecoding.Split(smtp.Messages.Last().Data);
        Assert.Equal(mailsBefore + 1, smtp.Messages.Count);
        Assert.Equal("[Pipeline] FG: weekly reminder, 2 open alerts (1 open, 1 escalated)", MimeDecoding.DecodeHeader(headers["Subject"]));
        var body = MimeDecoding.DecodeQuotedPrintable(rawBody);
        Assert.Contains("Weekly reminder", body);
        Assert.Contains("corrotto.xlsx", body);
        Assert.Contains("practices feed", body);
        Assert.Contains("\"reminder\":true", WebhookChannel.ToJson(digest));

        Assert.Empty(await evaluator.SendOpenDigestAsync("LE"));                 // only a resolved alert: nothing sent
        Assert.Empty(await evaluator.SendOpenDigestAsync("LE", 42));
        Assert.Single(recorder.Digests);
        Assert.Equal(mailsBefore + 1, smtp.Messages.Count);

        recorder.Digests.Clear();
        var all = await evaluator.SendOpenDigestsAsync();
        Assert.Equal([("BA", 1), ("FG", 2)], all.Select(r => (r.Chamber, r.Open)));
        Assert.Equal(["BA", "FG"], recorder.Digests.Select(d => d.Chamber));      // one digest per chamber
        Assert.All(recorder.Digests, d => Assert.True(d.Reminder));
        Assert.Equal(["source-failed"], recorder.Digests[0].Alerts.Select(a => a.Rule));
    }
}

public sealed class SqliteFeedAndSourceAlertTests() : FeedAndSourceAlertTests("sqlite");

public sealed class PostgresFeedAndSourceAlertTests() : FeedAndSourceAlertTests("postgres");
