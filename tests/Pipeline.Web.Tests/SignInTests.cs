using System.Net;
using System.Text.Json;
using Pipeline.Web.Access;
using Pipeline.Web;

namespace Pipeline.Web.Tests;

/// <summary>Sign-in with a local account, the start page, the security headers, what an anonymous request gets.</summary>
public abstract class SignInTests(SampleSite site)
{
    [Fact]
    public async Task A_page_sends_an_anonymous_visitor_to_the_sign_in_page_and_the_api_answers_401()
    {
        using var client = await site.ClientAsync(null);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accedi", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/regione")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_signs_nobody_in()
    {
        using var client = await site.ClientAsync(null);
        var form = await client.GetStringAsync("/accedi");
        var response = await client.PostAsync("/accedi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "admin", ["password"] = "not-the-password", ["__RequestVerificationToken"] = SampleSite.Token(form),
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("non validi", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_region_page_lists_the_sample_chamber_with_its_plan_achievement_and_last_run()
    {
        using var client = await site.ClientAsync("regione");
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/camera/CBIS", html);
        Assert.Contains("2021–2023", html);
        Assert.Contains("<svg class=\"chart\"", html);
        var status = (await site.QueryAsync<string>("SELECT status FROM etl_run WHERE chamber_code = 'CBIS' ORDER BY run_id DESC"))[0];
        Assert.Contains($"<span class=\"status-{status}\">{Labels.RunStatus(status)}</span>", html.Split("/camera/CBIS")[1].Split("</tr>")[0]);   // the demo run's
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/regione")).RootElement;
        var chamber = Assert.Single(json.EnumerateArray());
        Assert.Equal("CBIS", chamber.GetProperty("chamber").GetString());
        Assert.Equal(2021, chamber.GetProperty("plan_from").GetInt32());
    }

    [Fact]
    public async Task A_user_of_another_chamber_sees_no_chamber_on_the_region_page()
    {
        using var client = await site.ClientAsync("foggia");
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("/camera/CBIS", html);
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync("/api/regione")).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Signing_out_is_a_post_with_the_token_and_a_get_changes_nothing()
    {
        using var client = await site.ClientAsync("molise");
        var get = await client.GetAsync("/esci");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        var page = await client.GetStringAsync("/");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/esci", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var post = await client.PostAsync("/esci", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SampleSite.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}

[Collection(SqliteSite.Name)]
public sealed class SqliteSignInTests(SqliteSampleSite site) : SignInTests(site);

[Collection(PostgresSite.Name)]
public sealed class PostgresSignInTests(PostgresSampleSite site) : SignInTests(site);

/// <summary>A local account is read again on every request: a chamber taken away, or the account removed, applies at once.</summary>
public abstract class SessionTests(SampleSite site)
{
    [Fact]
    public async Task A_changed_or_removed_account_changes_its_open_session_at_the_next_request()
    {
        var accounts = new LocalAccounts(site.Warehouse.Dialect);
        await accounts.SaveAsync("temporaneo", Pipeline.Core.Access.WebRole.Chamber, [SampleSite.Chamber], SampleSite.Password);
        using var client = await site.ClientAsync("temporaneo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/camera/CBIS")).StatusCode);

        await accounts.SaveAsync("temporaneo", Pipeline.Core.Access.WebRole.Chamber, [SampleSite.OtherChamber], SampleSite.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/camera/CBIS")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/camere/CBIS")).StatusCode);

        Assert.True(await accounts.Store.RemoveAsync("temporaneo"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/regione")).StatusCode);
    }
}

[Collection(SqliteSite.Name)]
public sealed class SqliteSessionTests(SqliteSampleSite site) : SessionTests(site);

[Collection(PostgresSite.Name)]
public sealed class PostgresSessionTests(PostgresSampleSite site) : SessionTests(site);
