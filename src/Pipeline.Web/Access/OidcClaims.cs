using System.Security.Claims;
using Pipeline.Core.Access;
using Pipeline.Core.Chambers;

namespace Pipeline.Web.Access;

/// <summary>
/// From the identity provider's claims to the app's (<see cref="AccessClaims"/>): the role from the configured role
/// claim, the chambers from the chambers claim (one claim each, or several codes separated by blanks or commas;
/// names and province codes resolve as <c>--chamber</c> does). No known role: no access.
/// </summary>
public static class OidcClaims
{
    /// <summary>The app's identity for the provider's user, or null when the provider gives no role the app knows.</summary>
    public static ClaimsIdentity? Map(ClaimsPrincipal provider, OidcSettings settings, string authenticationType)
    {
        if (!WebRoles.TryParse(provider.FindFirst(settings.RoleClaim)?.Value, out var role)) return null;
        var name = provider.FindFirst(settings.NameClaim)?.Value ?? provider.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? provider.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name)) return null;
        var chambers = provider.FindAll(settings.ChambersClaim)
            .SelectMany(c => c.Value.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(c => ChamberResolver.LookupWithProvince(c)?.Code)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return AccessClaims.Identity(name, role, chambers, authenticationType, "oidc");
    }
}
