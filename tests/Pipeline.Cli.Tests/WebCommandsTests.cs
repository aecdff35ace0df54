using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline users add|list|remove</c> and <c>pipeline serve</c> as child processes: accounts with their role and
/// chambers, usage errors with one line, a password from stdin or generated; the app served on 127.0.0.1 where
/// --urls says, signing in the account made by the command, stopped by SIGTERM.
/// </summary>
public abstract class WebCommandsTests(string dialect) : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Users_are_added_listed_and_removed_with_their_role_and_chambers()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        var added = await _cli.RunAsync("users", "add", "ufficio-fg", "--role", "chamber", "--chamber", "Foggia", "--chamber", "LE");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("added ufficio-fg: chamber, FG, LE", added.Stdout);
        Assert.Matches("password \\(shown once, not stored in clear\\): [A-Za-z0-9]{18}", added.Stdout);

        _cli.Stdin = "a-password-of-mine\n";
        var region = await _cli.RunAsync("users", "add", "analisi", "--role", "region", "--password-stdin");
        Assert.True(region.ExitCode == 0, region.ToString());
        Assert.DoesNotContain("a-password-of-mine", region.Stdout + region.Stderr);
        Assert.Equal(0, await wh.CountAsync("web_user", "password_hash LIKE '%a-password-of-mine%'"));
        _cli.Stdin = null;

        var listed = JsonDocument.Parse((await _cli.RunAsync("users", "list", "--json")).Stdout).RootElement.EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => (u.GetProperty("role").GetString(), string.Join(",", u.GetProperty("chambers").EnumerateArray().Select(c => c.GetString())), u.GetProperty("password").GetBoolean()));
        Assert.Equal(("chamber", "FG,LE", true), listed["ufficio-fg"]);
        Assert.Equal(("region", "", true), listed["analisi"]);

        foreach (var (args, message) in new (string[], string)[]
                 {
                     (["users", "add", "x", "--role", "chamber"], "a chamber user needs --chamber CODE"),
                     (["users", "add", "x", "--role", "region", "--chamber", "FG"], "--chamber is for chamber users"),
                     (["users", "add", "x", "--role", "chamber", "--chamber", "Atlantide"], "--chamber 'Atlantide' is not a known chamber"),
                     (["users", "add", "x", "--role", "root"], "root"),
                     (["users", "remove", "nobody"], "no account 'nobody'"),
                 })
        {
            var refused = await _cli.RunAsync(args);
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains(message, refused.Stderr);
        }
        _cli.Stdin = "short\n";
        var weak = await _cli.RunAsync("users", "add", "x", "--role", "admin", "--password-stdin");
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("shorter than 10 characters", weak.Stderr);
        _cli.Stdin = null;

        Assert.Equal(0, (await _cli.RunAsync("users", "remove", "ufficio-fg")).ExitCode);
        Assert.Equal(1, await wh.CountAsync("web_user"));
    }

    [Fact]
    public async Task Serve_listens_where_urls_says_signs_in_a_local_account_and_stops_on_sigterm()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        _cli.Warehouse = wh.ConnectionString;
        _cli.Stdin = "password-of-the-test\n";
        Assert.Equal(0, (await _cli.RunAsync("users", "add", "maria", "--role", "admin", "--password-stdin")).ExitCode);

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _cli.WorkDir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliDll, "serve", "--urls", $"http://127.0.0.1:{port}", "--warehouse", wh.ConnectionString }) info.ArgumentList.Add(arg);
        info.Environment["PIPELINE_LOG_DIR"] = _cli.PathOf("logs");
        using var serve = Process.Start(info)!;
        try
        {
            var started = await ReadUntilAsync(serve.StandardError, "pipeline serve: ", TimeSpan.FromSeconds(60));
            Assert.Contains($"http://127.0.0.1:{port}", started);

            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var form = await http.GetAsync("/accedi");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("frame-ancestors 'none'", form.Headers.GetValues("Content-Security-Policy").Single());
            var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var signIn = await http.PostAsync("/accedi", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "maria", ["password"] = "password-of-the-test", ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("[]", await http.GetStringAsync("/api/regione"));
            Assert.Contains("Regione", await http.GetStringAsync("/"));
            var css = await http.GetAsync("/css/site.css");   // wwwroot is beside the CLI's assemblies
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);

            Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, serve.ExitCode);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, string marker, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var seen = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal)) return line;
        }
        throw new InvalidOperationException($"the process ended before '{marker}':\n{seen}");
    }
}

public sealed class SqliteWebCommandsTests() : WebCommandsTests("sqlite");

public sealed class PostgresWebCommandsTests() : WebCommandsTests("postgres");
