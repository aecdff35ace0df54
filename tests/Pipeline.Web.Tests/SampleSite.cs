using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Pipeline.Core.Access;
using Pipeline.Core.Chambers;
using Pipeline.Jobs.Runs;
using Pipeline.Samples;
using Pipeline.Warehouse.Tests;
using Pipeline.Web.Access;
using Serilog;

namespace Pipeline.Web.Tests;

/// <summary>
/// The web app on the sample region, as the demo makes it: a real warehouse (SQLite or PostgreSQL) loaded by the
/// nightly run from sample-data/ with the committed configuration, as of the demo's day; the app on an in-memory
/// test server (Microsoft.AspNetCore.TestHost, from Mvc.Testing); one account per role: an administrator, a region
/// user, a user of the sample chamber (CBIS) and a user of another chamber (FG).
/// </summary>
public abstract class SampleSite(string dialect) : IAsyncLifetime
{
    public const string Chamber = "CBIS";
    public const string OtherChamber = "FG";
    public const string Password = "password-of-the-tests";
    private TestWarehouse? _warehouse;
    private WebApplication? _app;

    public TestWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("not started");
    public WebApplication App => _app ?? throw new InvalidOperationException("not started");
    public string DialectName => dialect;

    public static string Repository([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public async Task InitializeAsync()
    {
        _warehouse = await (await TestWarehouse.CreateAsync(dialect)).InitializedAsync();
        var config = Path.Combine(Repository(), "config");
        var info = ChamberResolver.Lookup(SampleRegion.Molise().ChamberCode)!;
        var chamber = new ChamberSource(info.Code, SampleRegion.Molise().ChamberName, info.Region, null, [], [Path.Combine(Repository(), "sample-data")]);
        var logger = new LoggerConfiguration().CreateLogger();
        var environment = RunEnvironment.Load(Warehouse.Dialect, config, logger, TimeProvider.System, ChamberSources.Of(chamber));
        var summary = await environment.CreateNightlyRun([], new FixedClock(new DateTimeOffset(2021, 8, 15, 21, 59, 59, TimeSpan.Zero))).RunAsync(chamber, kind: "demo");
        Assert.Equal(0, summary.Ingest.Count(Pipeline.Jobs.Ingest.FileStatus.Failed));

        var accounts = new LocalAccounts(Warehouse.Dialect);
        await accounts.SaveAsync("admin", WebRole.Admin, [], Password);
        await accounts.SaveAsync("regione", WebRole.Region, [], Password);
        await accounts.SaveAsync("molise", WebRole.Chamber, [Chamber], Password);
        await accounts.SaveAsync("foggia", WebRole.Chamber, [OtherChamber], Password);

        _app = await StartAsync(Warehouse, config);
    }

    /// <summary>The app on a test server over <paramref name="warehouse"/>, initialised as <c>pipeline serve</c> does, started.</summary>
    public static async Task<WebApplication> StartAsync(TestWarehouse warehouse, string config)
    {
        var settings = new WebSettings(warehouse.Dialect, config);
        await WebApp.InitializeAsync(settings, CancellationToken.None);
        var app = WebApp.Build(settings, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_warehouse is not null) await _warehouse.DisposeAsync();
    }

    /// <summary>A client with cookies of its own, not following redirects, signed in as <paramref name="user"/> (null: anonymous).</summary>
    public Task<HttpClient> ClientAsync(string? user) => ClientAsync(App, user);

    /// <summary>A client of <paramref name="app"/> as <see cref="ClientAsync(string?)"/> makes one.</summary>
    public static async Task<HttpClient> ClientAsync(WebApplication app, string? user)
    {
        var server = app.GetTestServer();
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
        if (user is null) return client;
        var form = await client.GetStringAsync("/accedi");
        var response = await client.PostAsync("/accedi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = user, ["password"] = Password, ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The values of the first column of a query on the site's warehouse.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Warehouse.Dialect.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, args)).ToList();
    }

    /// <summary>A value whose lineage is of this kind (page, cell, rows), of the sample chamber, current.</summary>
    public async Task<long> LineageOfKindAsync(string kind) =>
        (await QueryAsync<long>($"SELECT lineage_id FROM v_kpi_lineage WHERE source_kind = @kind AND chamber_code = '{Chamber}' AND is_current ORDER BY lineage_id", new { kind }))[0];

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery token in the page");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteSampleSite() : SampleSite("sqlite");

public sealed class PostgresSampleSite() : SampleSite("postgres");

/// <summary>Every test class of a dialect shares one loaded site (the sample region is loaded once per dialect).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteSite : ICollectionFixture<SqliteSampleSite>
{
    public const string Name = "web on sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresSite : ICollectionFixture<PostgresSampleSite>
{
    public const string Name = "web on postgres";
}
