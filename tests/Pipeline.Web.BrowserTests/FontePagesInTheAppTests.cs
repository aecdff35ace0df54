using Microsoft.Playwright;
using Pipeline.Web.BrowserTests.Support;
using Xunit.Abstractions;

namespace Pipeline.Web.BrowserTests;

/// <summary>
/// The issue's check in a real Chromium against the real app: <c>pipeline demo</c>, <c>pipeline serve</c>; sign in,
/// open a chamber, open each KPI, open the source of each of its values read from a PDF (current and superseded), and
/// the value is highlighted over its words on the original page rendered from the archive; the second tab shows the
/// page as the extractor read it, with the cell holding the value marked. On SQLite and on PostgreSQL (the archive in
/// the database).
/// </summary>
public abstract class FontePagesInTheAppTests(Chromium chromium, DemoApp app, ITestOutputHelper output)
{
    /// <summary>Signs in as the demo account through the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, DemoApp app)
    {
        await page.GotoAsync("/accedi");
        await page.FillAsync("input[name=name]", DemoApp.User);
        await page.FillAsync("input[name=password]", app.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/accedi", StringComparison.Ordinal));
    }

    /// <summary>The distinct values of <paramref name="attribute"/> of the elements <paramref name="selector"/> finds.</summary>
    private static async Task<List<string>> AttributesAsync(IPage page, string selector, string attribute) =>
        (await page.Locator(selector).EvaluateAllAsync<string[]>($"(els) => els.map(e => e.getAttribute('{attribute}'))")).Distinct().ToList();

    [Fact]
    public async Task Every_value_read_from_a_PDF_opens_on_its_Fonte_page_highlighted_over_its_words()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, app);

        await page.GotoAsync("/");
        await page.Locator("a[href^='/camera/']").First.ClickAsync();
        await page.WaitForURLAsync("**/camera/**");
        var kpis = await AttributesAsync(page, "a[href^='/kpi/']", "href");
        Assert.True(kpis.Count >= 20, $"the chamber page links {kpis.Count} KPIs");

        var sources = new List<(string Kpi, string Fonte)>();
        foreach (var kpi in kpis)
        {
            await page.GotoAsync(kpi);
            var links = await page.Locator("a[href^='/fonte/']").EvaluateAllAsync<string[][]>(
                "(els) => els.map(e => [e.getAttribute('href'), e.textContent.trim()])");
            sources.AddRange(links.Where(l => l[1].EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Select(l => (kpi, l[0])).Distinct());
        }
        var kpisWithPdfValues = sources.Select(s => s.Kpi).Distinct().Count();
        Assert.True(kpisWithPdfValues == kpis.Count, $"{kpis.Count - kpisWithPdfValues} KPIs have no value read from a PDF");

        var failures = new List<string>();
        foreach (var (kpi, fonte) in sources)
        {
            await page.GotoAsync(fonte);
            var raw = await page.Locator(".pdf-source-raw code").TextContentAsync() ?? "";
            var words = WordsUnderHighlight.Words(raw);
            var shown = await RenderedSource.ReadAsync(page, words);
            if (WordsUnderHighlight.Problem(shown, words) is { } problem) failures.Add($"{fonte} ({kpi}, '{raw}'): {problem}");
            else if (await PageAsReadProblemAsync(page, words) is { } asRead) failures.Add($"{fonte} ({kpi}, '{raw}'), Pagina come letta: {asRead}");
        }
        output.WriteLine($"{sources.Count} values read from PDFs, of {kpis.Count} KPIs: each highlighted over its words, each with its cell marked on the page as read");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sources.Count} Fonte pages wrong:\n" + string.Join("\n", failures));
    }

    /// <summary>Opens the second tab; null when it shows a marked cell holding every word of the value.</summary>
    private static async Task<string?> PageAsReadProblemAsync(IPage page, IReadOnlyList<string> words)
    {
        await page.ClickAsync("label[for=scheda-letta]");
        if (!await page.Locator("#pannello-letta").IsVisibleAsync()) return "the tab does not open";
        if (await page.Locator("#pannello-originale").IsVisibleAsync()) return "the original page is still shown beside it";
        var marked = await page.Locator("#pannello-letta .cell.hit").AllTextContentsAsync();
        if (marked.Count == 0) return "no cell marked as holding the value";
        var text = string.Join(" ", marked);
        var absent = words.Where(w => !text.Contains(w, StringComparison.Ordinal)).ToList();
        return absent.Count == 0 ? null : $"the marked cell '{text.Trim()}' lacks {string.Join(", ", absent.Select(w => $"'{w}'"))}";
    }
}

[Collection(ChromiumCollection.Name)]
public sealed class FontePagesOnSqliteTests(Chromium chromium, DemoApp app, ITestOutputHelper output)
    : FontePagesInTheAppTests(chromium, app, output), IClassFixture<DemoApp>;

[Collection(ChromiumCollection.Name)]
public sealed class FontePagesOnPostgresTests(Chromium chromium, DemoAppOnPostgres app, ITestOutputHelper output)
    : FontePagesInTheAppTests(chromium, app, output), IClassFixture<DemoAppOnPostgres>;
