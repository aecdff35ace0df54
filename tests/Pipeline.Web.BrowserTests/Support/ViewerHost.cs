using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Pipeline.Samples.Tests;

namespace Pipeline.Web.BrowserTests.Support;

/// <summary>
/// A minimal real web server (Kestrel on a free loopback port) for the viewer alone: Pipeline.Web's wwwroot as it
/// is in the repository (js/pdf-source.js, css/pdf-source.css, lib/pdfjs restored by Npm.targets), the PDFs of one
/// folder under <c>/pdf/NAME</c>, and <c>/fonte?pdf=NAME&amp;page=N&amp;box=x0,y0,x1,y1</c>: a page
/// with the viewer's markup only, served under the strict Content-Security-Policy the app uses (no inline script or
/// style, no eval), so what runs here runs there.
/// </summary>
public sealed class ViewerHost : IAsyncDisposable
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly WebApplication _app;

    private ViewerHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static string WebRoot => Path.Combine(RepositoryPaths.Root(), "src", "Pipeline.Web", "wwwroot");

    public static async Task<ViewerHost> StartAsync(string pdfFolder)
    {
        if (!File.Exists(Path.Combine(WebRoot, "lib", "pdfjs", "pdf.min.mjs")))
            throw new InvalidOperationException($"{WebRoot}/lib/pdfjs is not restored: build with src/Pipeline.Web/Npm.targets (npm ci)");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = pdfFolder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next();
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(WebRoot) });
        app.MapGet("/pdf/{name}", (string name) =>
        {
            var path = Path.Combine(pdfFolder, Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, "application/pdf") : Results.NotFound();
        });
        app.MapGet("/fonte", (string pdf, int page, string? box) => Results.Content(Page(pdf, page, box), "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ViewerHost(app, address.TrimEnd('/'));
    }

    public static string Url(string pdf, int page, IReadOnlyList<double>? box) =>
        $"/fonte?pdf={Uri.EscapeDataString(pdf)}&page={page}"
        + (box is null ? "" : "&box=" + Uri.EscapeDataString(string.Join(",", box.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    private static string Page(string pdf, int page, string? box)
    {
        var a = HtmlEncoder.Default;
        return $"""
            <!doctype html>
            <html lang="it">
            <head>
            <meta charset="utf-8">
            <title>Fonte</title>
            <link rel="stylesheet" href="/lib/pdfjs/pdf_viewer.css">
            <link rel="stylesheet" href="/css/pdf-source.css">
            </head>
            <body>
            <div id="pdf-source" data-pdf-url="/pdf/{a.Encode(Uri.EscapeDataString(pdf))}" data-page="{page}" data-box="{a.Encode(box ?? "")}"></div>
            <script type="module" src="/js/pdf-source.js"></script>
            </body>
            </html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
