using Microsoft.Playwright;
using Pipeline.Web.BrowserTests.Support;
using Xunit.Abstractions;

namespace Pipeline.Web.BrowserTests;

/// <summary>
/// Every page of the app on the demo's sample region, in a real Chromium at 1280 px: it answers 200, has its heading,
/// and logs no error in the browser (a script error or a Content-Security-Policy refusal would show there). Each is
/// captured as a PNG: into <c>$PIPELINE_WEB_SCREENSHOTS</c> when set (<c>docs/img</c> for the pictures of
/// docs/web.md), else into a temporary folder.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PageScreenshotsTests(Chromium chromium, DemoApp app, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Each_page_opens_without_browser_errors_and_is_captured_at_1280_px()
    {
        var folder = Environment.GetEnvironmentVariable("PIPELINE_WEB_SCREENSHOTS") is { Length: > 0 } given
            ? Directory.CreateDirectory(given).FullName
            : Directory.CreateTempSubdirectory("pipeline-shots-").FullName;
        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // a failed load is reported by its response (with its address); the browser's own favicon request is not the app's
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add($"{page.Url}: {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Url}: {r.Status}"); };
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");

        await page.GotoAsync("/accedi");
        await CaptureAsync(page, folder, "web-accedi");
        await FontePagesInTheAppTests.SignInAsync(page, app);

        await OpenAsync(page, "/");
        await CaptureAsync(page, folder, "web-regione");
        var chamber = (await page.Locator("a[href^='/camera/']").First.GetAttributeAsync("href"))!;
        await OpenAsync(page, chamber);
        await CaptureAsync(page, folder, "web-camera");

        // the first KPI with a value from a PDF, a workbook and a feed gives the Fonte pages of each kind
        var kpis = await page.Locator("a[href^='/kpi/']").EvaluateAllAsync<string[]>("(els) => els.map(e => e.getAttribute('href'))");
        string? kpiShown = null, pdf = null, sheet = null, feed = null;
        foreach (var kpi in kpis.Distinct())
        {
            await OpenAsync(page, kpi);
            var links = await page.Locator("a[href^='/fonte/']").EvaluateAllAsync<string[][]>("(els) => els.map(e => [e.getAttribute('href'), e.textContent.trim()])");
            string? Of(params string[] endings) => links.FirstOrDefault(l => endings.Any(e => l[1].EndsWith(e, StringComparison.OrdinalIgnoreCase)))?[0];
            pdf ??= Of(".pdf");
            sheet ??= Of(".xlsx", ".xls");
            if (feed is null && Of(".csv") is { } csv) { feed = csv; kpiShown = kpi; }
            if (pdf is not null && sheet is not null && feed is not null) break;
        }
        Assert.True(pdf is not null && sheet is not null && feed is not null, $"Fonte pages found: pdf {pdf}, workbook {sheet}, feed {feed}");
        await OpenAsync(page, kpiShown!);
        await CaptureAsync(page, folder, "web-kpi");

        await OpenAsync(page, pdf);
        await page.WaitForSelectorAsync("#pdf-source[data-state=rendered]");
        await CaptureAsync(page, folder, "web-fonte-pdf");
        await page.ClickAsync("label[for=scheda-letta]");
        await page.Locator("#pannello-letta .cell.hit").First.ScrollIntoViewIfNeededAsync();
        await CaptureAsync(page, folder, "web-fonte-pdf-come-letta");
        await OpenAsync(page, sheet);
        await CaptureAsync(page, folder, "web-fonte-foglio");
        await OpenAsync(page, feed);
        await CaptureAsync(page, folder, "web-fonte-righe");

        foreach (var (path, name) in new[] { ("/confronto", "web-confronto"), ("/documenti", "web-documenti"), ("/allarmi", "web-allarmi"), ("/esecuzioni", "web-esecuzioni"), ("/pianificazione", "web-pianificazione") })
        {
            await OpenAsync(page, path);
            await CaptureAsync(page, folder, name);
        }
        output.WriteLine($"screenshots in {folder}");
        Assert.True(errors.Count == 0, "errors in the browser:\n" + string.Join("\n", errors));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var answer = await page.GotoAsync(path);
        Assert.True(answer is { Status: 200 }, $"{path}: {answer?.Status}");
        Assert.True(await page.Locator("main h1").CountAsync() == 1, $"{path}: no heading");
    }

    private static async Task CaptureAsync(IPage page, string folder, string name)
    {
        var file = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 5_000, $"{file} is (nearly) empty");
    }
}
