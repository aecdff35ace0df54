using System.Net;
using System.Text.Json;

namespace Pipeline.Web.Tests;

/// <summary>Every page and API answer renders on the sample region, with what the page is for.</summary>
public abstract class PageTests(SampleSite site)
{
    [Fact]
    public async Task The_chamber_page_shows_the_objective_tree_with_computed_and_reported_achievement_and_a_chart_per_area()
    {
        using var client = await site.ClientAsync("regione");
        var html = await Ok(client, "/camera/CBIS");
        Assert.Contains("<details open>", html);
        Assert.Contains("/kpi/", html);
        Assert.Contains("<svg class=\"chart\"", html);
        var areas = await site.QueryAsync<string>("SELECT DISTINCT area FROM v_objective_achievement WHERE chamber_code = 'CBIS'");
        Assert.NotEmpty(areas);
        Assert.All(areas, area => Assert.Contains(area, System.Net.WebUtility.HtmlDecode(html)));

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/camere/CBIS")).RootElement;
        Assert.Equal("CBIS", json.GetProperty("chamber").GetString());
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("chamber", nodes[0].GetProperty("level").GetString());
        Assert.Contains(nodes, n => n.GetProperty("level").GetString() == "operational");
        foreach (var period in json.GetProperty("periods").EnumerateArray())
            await Ok(client, $"/camera/CBIS/{period.GetString()}");
    }

    [Fact]
    public async Task Every_sample_kpi_page_lists_its_values_with_a_link_to_each_source_and_the_rule_applied()
    {
        using var client = await site.ClientAsync("admin");
        var kpis = await site.QueryAsync<long>("SELECT k.kpi_id FROM dim_kpi k JOIN dim_plan p ON p.plan_id = k.plan_id JOIN dim_chamber c ON c.chamber_id = p.chamber_id WHERE c.code = 'CBIS'");
        Assert.Equal(20, kpis.Count);
        foreach (var id in kpis)
        {
            var html = await Ok(client, $"/kpi/{id}");
            var lineages = await site.QueryAsync<long>("SELECT lineage_id FROM v_kpi_lineage WHERE kpi_id = @id", new { id });
            Assert.All(lineages, l => Assert.Contains($"href=\"/fonte/{l}\"", html));
            var api = JsonDocument.Parse(await client.GetStringAsync($"/api/kpi/{id}")).RootElement;
            Assert.Equal(lineages.Count, api.GetProperty("values").GetArrayLength());
        }
        var ruled = await site.QueryAsync<long>("SELECT kpi_id FROM v_kpi_achievement WHERE chamber_code = 'CBIS' AND rule IS NOT NULL");
        var rule = (await site.QueryAsync<string>("SELECT rule FROM v_kpi_achievement WHERE kpi_id = @id", new { id = ruled[0] }))[0];
        Assert.Contains(rule, System.Net.WebUtility.HtmlDecode(await Ok(client, $"/kpi/{ruled[0]}")));
    }

    [Fact]
    public async Task A_pdf_value_source_gives_the_page_the_box_and_the_archived_original()
    {
        using var client = await site.ClientAsync("molise");
        var id = await site.LineageOfKindAsync("page");
        var (page, bbox, sha) = (await site.QueryAsync<(long, string, string)>(
            "SELECT v.page, v.bbox, COALESCE(d.source_sha256, d.sha256) FROM v_kpi_lineage v JOIN dim_document d ON d.document_id = v.document_id WHERE v.lineage_id = @id", new { id }))[0];
        var html = await Ok(client, $"/fonte/{id}");
        Assert.Contains($"<div id=\"pdf-source\" data-pdf-url=\"/archive/{sha}\" data-page=\"{page}\" data-box=\"{bbox}\">", html);
        var original = await client.GetAsync($"/archive/{sha}");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("application/pdf", original.Content.Headers.ContentType!.MediaType);
        Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await original.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task A_workbook_value_source_shows_the_sheet_around_the_cell_with_the_cell_highlighted()
    {
        using var client = await site.ClientAsync("molise");
        var id = await site.LineageOfKindAsync("cell");
        var (sheet, cell, raw) = (await site.QueryAsync<(string, string, string)>("SELECT sheet, cell, raw_text FROM v_kpi_lineage WHERE lineage_id = @id", new { id }))[0];
        var html = await Ok(client, $"/fonte/{id}");
        Assert.Contains($"Foglio {sheet}, cella {cell}", System.Net.WebUtility.HtmlDecode(html));
        var hit = html[(html.IndexOf("class=\"hit\" id=\"cella\">", StringComparison.Ordinal) + 23)..];
        Assert.StartsWith(raw.Trim().Split(' ')[0], System.Net.WebUtility.HtmlDecode(hit.Trim()));
        var rows = html.Split("<tr><th>").Skip(1).ToList();
        Assert.True(rows.Count >= 7, $"{rows.Count} rows around {cell}");
    }

    [Fact]
    public async Task A_feed_value_source_pages_filters_and_downloads_the_rows_it_counted()
    {
        using var client = await site.ClientAsync("molise");
        var id = await site.LineageOfKindAsync("rows");
        var html = await Ok(client, $"/fonte/{id}");
        Assert.Contains("Righe del flusso", html);
        Assert.Contains("Pagina 1 di", html);
        var csv = await client.GetStringAsync($"/fonte/{id}/righe.csv?parte=tutte");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFriga;", lines[0]);
        Assert.True(lines.Length > FonteRowsPerPage, $"{lines.Length} lines");
        // the second page starts where the first ends; a filter keeps only matching rows
        var second = await Ok(client, $"/fonte/{id}?parte=tutte&pagina=2");
        Assert.Contains("Pagina 2 di", second);
        var needle = lines[1].Split(';')[1];
        var filtered = (await client.GetStringAsync($"/fonte/{id}/righe.csv?cerca={Uri.EscapeDataString(needle)}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(filtered.Length, 2, lines.Length);
        Assert.All(filtered.Skip(1), l => Assert.Contains(needle, l, StringComparison.OrdinalIgnoreCase));
        var api = JsonDocument.Parse(await client.GetStringAsync($"/api/fonti/{id}")).RootElement;
        Assert.Equal("rows", api.GetProperty("source_kind").GetString());
        Assert.False(string.IsNullOrEmpty(api.GetProperty("feed").GetProperty("metric").GetString()));
    }

    private const int FonteRowsPerPage = Pipeline.Web.Pages.FonteModel.RowsPerPage;

    [Fact]
    public async Task The_documents_alerts_runs_and_scheduler_pages_and_their_api_render()
    {
        using var client = await site.ClientAsync("admin");
        var documents = await Ok(client, "/documenti");
        var files = await site.QueryAsync<string>("SELECT file_name FROM dim_document");
        Assert.All(files, f => Assert.Contains(f, System.Net.WebUtility.HtmlDecode(documents)));
        Assert.Contains("sostituita", documents);      // the half-year PDF, superseded by the workbook
        Assert.Equal(files.Count, JsonDocument.Parse(await client.GetStringAsync("/api/documenti")).RootElement.GetArrayLength());

        var open = await site.QueryAsync<long>("SELECT alert_id FROM alert WHERE status <> 'resolved'");
        var alerts = JsonDocument.Parse(await client.GetStringAsync("/api/allarmi")).RootElement;
        Assert.Equal(open.Count, alerts.GetArrayLength());
        await Ok(client, "/allarmi?stato=tutti&camera=CBIS");
        var rule = (await site.QueryAsync<string>("SELECT rule FROM alert ORDER BY alert_id"))[0];
        var byRule = JsonDocument.Parse(await client.GetStringAsync($"/api/allarmi?stato=tutti&regola={rule}")).RootElement;
        Assert.All(byRule.EnumerateArray(), a => Assert.Equal(rule, a.GetProperty("rule").GetString()));

        var runs = await Ok(client, "/esecuzioni");
        Assert.Contains("demo", runs);
        // states in Italian on the page (the API keeps the codes)
        var statuses = await site.QueryAsync<string>("SELECT DISTINCT status FROM etl_run");
        Assert.Contains(">riuscita<", runs);
        Assert.All(statuses.Where(x => x != "succeeded"), x => Assert.DoesNotContain($">{x}<", runs));
        Assert.DoesNotContain(">succeeded<", runs);
        Assert.NotEmpty(JsonDocument.Parse(await client.GetStringAsync("/api/esecuzioni")).RootElement.EnumerateArray());

        await Ok(client, "/pianificazione");
        var scheduler = JsonDocument.Parse(await client.GetStringAsync("/api/pianificazione")).RootElement;
        Assert.Equal(JsonValueKind.Array, scheduler.GetProperty("jobs").ValueKind);
    }

    public static async Task<string> Ok(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        return body;
    }
}

[Collection(SqliteSite.Name)]
public sealed class SqlitePageTests(SqliteSampleSite site) : PageTests(site);

[Collection(PostgresSite.Name)]
public sealed class PostgresPageTests(PostgresSampleSite site) : PageTests(site);
