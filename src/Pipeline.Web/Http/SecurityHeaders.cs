using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Http;

/// <summary>
/// The headers every answer carries (docs/web.md "Security"): a content security policy that allows the app's own
/// scripts, styles, images and workers only (no inline script, no CDN), no framing, no MIME sniffing, no referrer
/// sent to other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        context.Response.OnStarting(() =>
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
