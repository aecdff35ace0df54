using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse;
using Pipeline.Web.Access;
using Pipeline.Web.Api;
using Pipeline.Web.Http;
using Pipeline.Web.Queries;

namespace Pipeline.Web;

/// <summary>
/// The web app (docs/web.md): server-rendered Razor Pages and a JSON API over the warehouse, hosted by
/// <c>pipeline serve</c> or by a test's server. Every page and API call needs a signed-in user and reads through a
/// <see cref="Pipeline.Core.Access.ChamberScope"/>.
/// </summary>
public static class WebApp
{
    /// <summary>The app, configured and ready to run; <paramref name="configure"/> lets a test swap the server.</summary>
    /// <exception cref="Pipeline.Core.Configuration.ConfigException">config/web.json is not valid.</exception>
    public static WebApplication Build(WebSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
        });
        if (settings.Urls is { } urls) builder.WebHost.UseUrls(urls);
        // requests are not logged one by one: warnings and errors only, on stderr as the CLI's own
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var config = WebConfig.FromDirectory(settings.ConfigDirectory);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Dialect);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton<LocalAccounts>();
        WebQueries.Add(builder.Services);
        AuthenticationSetup.Add(builder.Services, config);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pipeline.csrf";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        // Italian text as it is (à, è, ×, €), not as character references; markup characters are still encoded
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(options => options.Conventions.AllowAnonymousToPage("/Accedi"));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (config.KnownProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in config.KnownProxies) forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/errore");
        // a page's 403 or 404 gets the Italian error page; an API call, a download or a CSV keeps its bare status
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/archive"),
            branch => branch.UseStatusCodePagesWithReExecute("/errore", "?codice={0}"));
        if (app.Environment.WebRootPath is { } root) app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutOfScopeAsForbidden();
        app.MapRazorPages();
        ApiEndpoints.Map(app);
        DownloadEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Before the app serves: the warehouse migrated (the web_user table among the rest) and the scheduler's job store
    /// provisioned, so that no GET of the app creates anything.
    /// </summary>
    public static async Task InitializeAsync(WebSettings settings, CancellationToken ct)
    {
        await new WarehouseInitializer(settings.Dialect).InitAsync(ct);
        await Pipeline.Jobs.Scheduling.JobBoard.WithStoreAsync(settings.Dialect, _ => Task.FromResult(0), ct);
    }
}
