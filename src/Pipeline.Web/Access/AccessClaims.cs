using System.Security.Claims;
using Pipeline.Core.Access;

namespace Pipeline.Web.Access;

/// <summary>
/// The claims the app signs a user in with, whatever the way (password or OpenID Connect): name, role and one claim
/// per chamber; and back from a signed-in user to the <see cref="ChamberScope"/> every query receives.
/// </summary>
public static class AccessClaims
{
    public const string Role = "pipeline:role";
    public const string Chamber = "pipeline:chamber";
    public const string AdminPolicy = "admin";
    /// <summary>How the user signed in: <see cref="Local"/> (a web_user account, checked again on every request) or oidc.</summary>
    public const string Method = "pipeline:method";
    public const string Local = "local";

    public static ClaimsIdentity Identity(string name, WebRole role, IEnumerable<string> chambers, string authenticationType, string method = Local)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Role, role.Name()), new(Method, method) };
        if (role == WebRole.Chamber) claims.AddRange(chambers.Select(c => new Claim(Chamber, c.Trim().ToUpperInvariant())));
        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, Role);
    }

    /// <summary>The user's role; a user without a known role is a chamber user (who then sees only the chambers it has).</summary>
    public static WebRole RoleOf(this ClaimsPrincipal user) =>
        WebRoles.TryParse(user.FindFirst(Role)?.Value, out var role) ? role : WebRole.Chamber;

    /// <summary>The chambers the user may see; nothing for a user who is not signed in.</summary>
    public static ChamberScope ScopeOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? ChamberScope.For(user.RoleOf(), user.FindAll(Chamber).Select(c => c.Value))
            : ChamberScope.Only([]);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.RoleOf() == WebRole.Admin;
}
