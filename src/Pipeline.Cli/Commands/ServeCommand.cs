using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Pipeline.Web;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline serve [--urls URL]</c>: the web app (docs/web.md) on this machine only unless --urls says otherwise.</summary>
public static class ServeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"where to listen, e.g. http://0.0.0.0:5080 behind a reverse proxy (default {WebSettings.DefaultUrls}: this machine only)",
            DefaultValueFactory = _ => WebSettings.DefaultUrls,
        };
        var command = new Command("serve", "the web app: the region, chambers, KPIs and their sources, documents, alerts, runs, jobs; sign in with 'pipeline users add'") { urls };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var settings = new WebSettings(cli.Dialect, cli.ConfigDirectory) { Urls = parse.GetValue(urls) };
            await WebApp.InitializeAsync(settings, token);
            await using var app = WebApp.Build(settings);
            await app.StartAsync(token);
            Console.Error.WriteLine($"pipeline serve: {string.Join(", ", app.Urls)} ({cli.Dialect.Describe()}); Ctrl-C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
