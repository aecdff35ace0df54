using System.Net;

namespace Pipeline.Web.Tests;

/// <summary>
/// A chamber user reaches only its chambers, by page, API or archive URL (403 otherwise, not 404: whether a number
/// exists is itself the other chamber's); forms need the antiforgery token; admin-only POSTs refuse everyone else.
/// </summary>
public abstract class AccessTests(SampleSite site)
{
    private async Task<IReadOnlyList<string>> SampleChamberUrlsAsync()
    {
        var kpi = (await site.QueryAsync<long>("SELECT kpi_id FROM v_kpi_lineage WHERE chamber_code = 'CBIS' ORDER BY kpi_id"))[0];
        var page = await site.LineageOfKindAsync("page");
        var cell = await site.LineageOfKindAsync("cell");
        var rows = await site.LineageOfKindAsync("rows");
        var shas = await site.QueryAsync<string>("SELECT sha256 FROM dim_document ORDER BY document_id");
        var period = (await site.QueryAsync<string>("SELECT pe.code FROM fact_chamber_achievement f JOIN dim_period pe ON pe.period_id = f.period_id ORDER BY pe.code"))[0];
        return
        [
            "/camera/CBIS", $"/camera/cbis/{period}", $"/kpi/{kpi}", $"/fonte/{page}", $"/fonte/{cell}", $"/fonte/{rows}", $"/fonte/{rows}/righe.csv",
            "/documenti?camera=CBIS", "/allarmi?camera=CBIS", "/esecuzioni?camera=CBIS",
            "/api/camere/CBIS", $"/api/kpi/{kpi}", $"/api/fonti/{page}", $"/api/fonti/{rows}", "/api/documenti?camera=CBIS", "/api/allarmi?camera=CBIS",
            "/api/esecuzioni?camera=CBIS",
            .. shas.Select(s => $"/archive/{s}"),
        ];
    }

    [Fact]
    public async Task A_user_of_another_chamber_gets_403_on_every_page_api_and_archived_file_of_the_sample_chamber()
    {
        using var foggia = await site.ClientAsync("foggia");
        using var molise = await site.ClientAsync("molise");
        foreach (var url in await SampleChamberUrlsAsync())
        {
            var refused = await foggia.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)refused.StatusCode} for a user of FG");
            var allowed = await molise.GetAsync(url);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{url}: {(int)allowed.StatusCode} for a user of CBIS");
        }
        var page = await molise.GetAsync("/camera/FG");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Accesso negato", await page.Content.ReadAsStringAsync());      // a page: the Italian error page
        var api = await molise.GetAsync("/api/camere/FG");
        Assert.Equal("", await api.Content.ReadAsStringAsync());                          // the API: the bare status
        Assert.Equal(HttpStatusCode.Forbidden, (await molise.GetAsync("/api/camere/FG")).StatusCode);
    }

    [Fact]
    public async Task A_user_of_another_chamber_finds_none_of_the_sample_chamber_in_the_lists()
    {
        using var foggia = await site.ClientAsync("foggia");
        foreach (var url in new[] { "/api/documenti", "/api/allarmi?stato=tutti", "/api/esecuzioni", "/api/regione" })
            Assert.Equal("[]", await foggia.GetStringAsync(url));
        var documents = await foggia.GetStringAsync("/documenti");
        Assert.DoesNotContain("/archive/", documents);
        Assert.Equal("[]", System.Text.Json.JsonDocument.Parse(await foggia.GetStringAsync("/api/pianificazione")).RootElement.GetProperty("retries_and_failures").GetRawText());
    }

    [Theory]
    [InlineData("/documenti?handler=Decide", "id=1&decision=accept")]
    [InlineData("/pianificazione?handler=RunNow", "job=nightly")]
    [InlineData("/esci", "")]
    public async Task A_form_without_the_antiforgery_token_is_refused(string url, string form)
    {
        using var admin = await site.ClientAsync("admin");
        var response = await admin.PostAsync(url, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("regione")]
    [InlineData("molise")]
    public async Task Admin_only_posts_are_refused_to_others_even_with_the_token(string user)
    {
        using var client = await site.ClientAsync(user);
        foreach (var (page, handler, fields) in new[]
                 {
                     ("/documenti", "Decide", new Dictionary<string, string> { ["id"] = "1", ["decision"] = "accept" }),
                     ("/pianificazione", "RunNow", new Dictionary<string, string> { ["job"] = "nightly" }),
                 })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain($"handler={handler}", html);        // no button for them either
            fields["__RequestVerificationToken"] = SampleSite.Token(html);
            var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_decision_on_a_version_not_held_is_refused_with_the_reason()
    {
        using var admin = await site.ClientAsync("admin");
        var html = await admin.GetStringAsync("/documenti");
        var current = (await site.QueryAsync<long>("SELECT document_id FROM dim_document WHERE is_current ORDER BY document_id"))[0];
        var response = await admin.PostAsync("/documenti?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "reject", ["__RequestVerificationToken"] = SampleSite.Token(html),
        }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is not held for review", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await site.QueryAsync<long>("SELECT COUNT(*) FROM dim_document WHERE document_id = @current AND is_current AND review_status IS NULL", new { current }))[0]);
    }
}

[Collection(SqliteSite.Name)]
public sealed class SqliteAccessTests(SqliteSampleSite site) : AccessTests(site);

[Collection(PostgresSite.Name)]
public sealed class PostgresAccessTests(PostgresSampleSite site) : AccessTests(site);
