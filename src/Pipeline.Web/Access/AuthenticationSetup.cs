using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Pipeline.Web.Access;

/// <summary>
/// Cookie sign-in for every user; OpenID Connect as the way to sign in when <c>config/web.json</c> configures it,
/// local accounts (the sign-in form) otherwise. Every page and API call needs a signed-in user; the admin policy
/// needs the admin role. An API call is answered 401/403, never redirected; a page out of the user's reach is 403.
/// </summary>
public static class AuthenticationSetup
{
    public const string SignInPath = "/accedi";

    public static void Add(IServiceCollection services, WebConfig config)
    {
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.Cookie.Name = "pipeline.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateLocalAccountAsync;
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        if (config.Oidc is { } oidc) AddOpenIdConnect(authentication, oidc);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessClaims.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(AccessClaims.Role, "admin"));
    }

    /// <summary>
    /// A local account is read again on every request: removed, its session ends; its role or chambers changed, the
    /// session takes the new ones at once (a chamber taken away is not seen one request longer).
    /// </summary>
    private static async Task ValidateLocalAccountAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(AccessClaims.Method)?.Value != AccessClaims.Local) return;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<LocalAccounts>();
        var user = await accounts.Store.FindAsync(context.Principal.Identity?.Name ?? "", context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var current = context.Principal.ScopeOf();
        if (user.Role != context.Principal.RoleOf() || current.ToString() != user.Scope.ToString())
        {
            context.ReplacePrincipal(new ClaimsPrincipal(AccessClaims.Identity(user.Name, user.Role, user.Chambers, CookieAuthenticationDefaults.AuthenticationScheme)));
            context.ShouldRenew = true;
        }
    }

    /// <summary>A page goes to the sign-in page; an API call gets the status code.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/archive"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddOpenIdConnect(AuthenticationBuilder authentication, OidcSettings settings)
    {
        // read when the app is built, not at the first sign-in: serve stops at once, naming the variable
        var secret = Environment.GetEnvironmentVariable(settings.ClientSecretEnv) is { Length: > 0 } value
            ? value
            : throw new Pipeline.Core.Configuration.ConfigException(
                $"{WebConfig.FileName}: oidc.client_secret_env: the environment variable {settings.ClientSecretEnv} is not set");
        authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, "Identità dell'Unione", options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = secret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // after the user-info claims are added: the role and chambers may come from either
            options.Events.OnTicketReceived = context =>
            {
                var identity = context.Principal is null ? null : OidcClaims.Map(context.Principal, settings, CookieAuthenticationDefaults.AuthenticationScheme);
                if (identity is null)
                {
                    context.Fail("the identity provider gives this user no role of the app (admin, region or chamber)");
                    return Task.CompletedTask;
                }
                context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            };
        });
    }
}
