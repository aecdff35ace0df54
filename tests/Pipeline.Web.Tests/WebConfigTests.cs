using System.Security.Claims;
using System.Text.RegularExpressions;
using Pipeline.Core.Access;
using Pipeline.Core.Configuration;
using Pipeline.Web.Access;

namespace Pipeline.Web.Tests;

/// <summary>config/web.json through the one configuration reader, and the identity provider's claims mapped to the app's.</summary>
public sealed class WebConfigTests
{
    [Fact]
    public void The_example_of_docs_web_md_reads()
    {
        var doc = File.ReadAllText(Path.Combine(SampleSite.Repository(), "docs", "web.md"));
        var json = Regex.Match(doc, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var config = WebConfig.Parse(json, "docs/web.md");
        Assert.Equal(("pipeline-web", "PIPELINE_OIDC_SECRET", "pipeline_role", "pipeline_chambers"),
            (config.Oidc!.ClientId, config.Oidc.ClientSecretEnv, config.Oidc.RoleClaim, config.Oidc.ChambersClaim));
        Assert.Equal("10.0.0.5", Assert.Single(config.KnownProxies).ToString());
    }

    [Fact]
    public void No_file_is_local_accounts_and_no_proxy() => Assert.Same(WebConfig.None, WebConfig.FromDirectory(Path.GetTempPath() + Guid.NewGuid().ToString("N")));

    [Theory]
    [InlineData("""{ "oidc": { "authority": "http://id.example", "client_id": "a", "client_secret_env": "S" } }""", "oidc.authority")]
    [InlineData("""{ "oidc": { "authority": "https://id.example", "client_secret_env": "S" } }""", "oidc.client_id")]
    [InlineData("""{ "oidc": { "authority": "https://id.example", "client_id": "a" } }""", "oidc.client_secret_env")]
    [InlineData("""{ "oidc": { "authority": "https://id.example", "client_id": "a", "client_secret": "in clear" } }""", "client_secret")]
    [InlineData("""{ "known_proxies": ["10.0.0.5", "proxy.local"] }""", "known_proxies[1]")]
    [InlineData("""{ "knwon_proxies": [] }""", "knwon_proxies")]
    public void A_bad_file_is_one_configuration_error_naming_the_setting(string json, string setting)
    {
        var error = Assert.Throws<ConfigException>(() => WebConfig.Parse(json, "config/web.json"));
        Assert.Contains("config/web.json", error.Message);
        Assert.Contains(setting, error.Message);
    }

    private static readonly OidcSettings Settings = new("https://id.example", "app", "S", "pipeline_role", "pipeline_chambers", "preferred_username");

    [Theory]
    [InlineData("admin", new string[0], WebRole.Admin, "")]
    [InlineData("region", new[] { "FG" }, WebRole.Region, "")]                 // a region user sees every chamber
    [InlineData("chamber", new[] { "FG LE" }, WebRole.Chamber, "FG|LE")]       // codes in one claim, blank-separated
    [InlineData("chamber", new[] { "Foggia", "lecce" }, WebRole.Chamber, "FG|LE")]   // names, one claim each
    [InlineData("chamber", new[] { "CB,Atlantide" }, WebRole.Chamber, "CBIS")]  // a province of a merged chamber; an unknown name dropped
    [InlineData("CHAMBER", new string[0], WebRole.Chamber, "")]                // a chamber user without chambers sees nothing
    public void Provider_claims_become_the_app_s_role_and_chambers(string role, string[] chambers, WebRole expected, string scope)
    {
        var claims = new List<Claim> { new("preferred_username", "maria"), new("pipeline_role", role) };
        claims.AddRange(chambers.Select(c => new Claim("pipeline_chambers", c)));
        var identity = OidcClaims.Map(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), Settings, "Cookies")!;
        var user = new ClaimsPrincipal(identity);
        Assert.Equal("maria", user.Identity!.Name);
        Assert.Equal(expected, user.RoleOf());
        Assert.Equal(expected == WebRole.Chamber ? scope : "*", user.ScopeOf().ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("superuser")]
    public void A_provider_user_without_a_known_role_gets_no_identity(string? role)
    {
        var claims = new List<Claim> { new("preferred_username", "maria") };
        if (role is not null) claims.Add(new Claim("pipeline_role", role));
        Assert.Null(OidcClaims.Map(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), Settings, "Cookies"));
    }
}
