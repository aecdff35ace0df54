namespace Pipeline.Core.Access;

/// <summary>
/// What a user of the web app may do (docs/web.md "Roles"): <see cref="Region"/> sees every chamber;
/// <see cref="Admin"/> also runs jobs and decides held versions; <see cref="Chamber"/> sees only its chambers.
/// </summary>
public enum WebRole
{
    Chamber,
    Region,
    Admin,
}

public static class WebRoles
{
    /// <summary>The names the command line, the warehouse and an identity provider's claim use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["admin", "region", "chamber"];

    public static string Name(this WebRole role) => role switch
    {
        WebRole.Admin => "admin",
        WebRole.Region => "region",
        _ => "chamber",
    };

    /// <summary>admin, region or chamber, case-insensitive, surrounding blanks ignored; anything else is no role.</summary>
    public static bool TryParse(string? text, out WebRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "admin":
                role = WebRole.Admin;
                return true;
            case "region":
                role = WebRole.Region;
                return true;
            case "chamber":
                role = WebRole.Chamber;
                return true;
            default:
                role = WebRole.Chamber;
                return false;
        }
    }

    /// <summary>Italian label for the pages.</summary>
    public static string Label(this WebRole role) => role switch
    {
        WebRole.Admin => "amministratore",
        WebRole.Region => "regione",
        _ => "camera",
    };
}
