using System.Net;

namespace Pipeline.Web.Tests;

/// <summary>Keeps the cookies a test client receives (the sign-in cookie, the antiforgery cookie) and sends them back, as a browser does.</summary>
public sealed class CookieContainerHandler : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values) Cookies.SetCookies(uri, value);
        return response;
    }
}
