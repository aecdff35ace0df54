using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Web.Access;

namespace Pipeline.Web.Pages;

/// <summary>Sign-in: the local account form, or the identity provider when config/web.json configures OpenID Connect.</summary>
public sealed class AccediModel(LocalAccounts accounts, WebConfig config) : PageModel
{
    public bool UsesOpenIdConnect => config.Oidc is not null;
    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, CancellationToken ct)
    {
        if (UsesOpenIdConnect) return BadRequest();
        var user = name is null || password is null ? null : await accounts.VerifyAsync(name, password, ct);
        if (user is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = AccessClaims.Identity(user.Name, user.Role, user.Chambers, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(SafeReturn());
    }

    public IActionResult OnPostOidc() =>
        UsesOpenIdConnect
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturn() }, OpenIdConnectDefaults.AuthenticationScheme)
            : BadRequest();

    /// <summary>Only a path of this site: a return URL elsewhere goes to the start page.</summary>
    private string SafeReturn() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
}
