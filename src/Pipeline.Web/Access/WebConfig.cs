using Pipeline.Core.Configuration;

namespace Pipeline.Web.Access;

/// <summary>
/// <c>config/web.json</c> (optional; docs/web.md): OpenID Connect sign-in through the union's identity provider, and
/// the reverse proxies whose X-Forwarded-* headers are trusted. Absent: local accounts only, no proxy trusted.
/// </summary>
/// <example>
/// { "oidc": { "authority": "https://id.example.it/realms/unioncamere", "client_id": "pipeline",
///             "client_secret_env": "PIPELINE_OIDC_SECRET", "role_claim": "pipeline_role", "chambers_claim": "pipeline_chambers" },
///   "known_proxies": ["10.0.0.5"] }
/// </example>
public sealed record WebConfig(OidcSettings? Oidc, IReadOnlyList<System.Net.IPAddress> KnownProxies)
{
    public const string FileName = "web.json";

    public static WebConfig None { get; } = new(null, []);

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static WebConfig FromDirectory(string configDirectory)
    {
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : None;
    }

    /// <exception cref="ConfigException">The text is not valid; the message names <paramref name="origin"/> and the setting.</exception>
    public static WebConfig Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<WebFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        OidcSettings? oidc = null;
        if (file.Oidc is { } o)
        {
            var at = root["oidc"];
            var authority = at["authority"].Required(o.Authority, "the identity provider's URL");
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                throw at["authority"].Error($"'{authority}' is not an https URL");
            oidc = new OidcSettings(authority, at["client_id"].Required(o.ClientId), at["client_secret_env"].Required(o.ClientSecretEnv, "the name of the environment variable holding the secret"),
                o.RoleClaim ?? "pipeline_role", o.ChambersClaim ?? "pipeline_chambers", o.NameClaim ?? "preferred_username");
        }
        var proxies = new List<System.Net.IPAddress>();
        foreach (var (text, index) in (file.KnownProxies ?? []).Select((t, i) => (t, i)))
            proxies.Add(System.Net.IPAddress.TryParse(text, out var ip) ? ip : throw root["known_proxies"][index].Error($"'{text}' is not an IP address"));
        return new WebConfig(oidc, proxies);
    }

    private sealed record WebFile(OidcFile? Oidc, List<string>? KnownProxies);

    private sealed record OidcFile(string? Authority, string? ClientId, string? ClientSecretEnv, string? RoleClaim, string? ChambersClaim, string? NameClaim);
}

/// <summary>
/// The identity provider: its authority, this app's client id, the environment variable that holds the client secret
/// (never the secret itself in a file), and the claims that carry the user's role (admin, region, chamber), chambers
/// (codes, one claim each or separated by blanks or commas) and name.
/// </summary>
public sealed record OidcSettings(string Authority, string ClientId, string ClientSecretEnv, string RoleClaim, string ChambersClaim, string NameClaim);
