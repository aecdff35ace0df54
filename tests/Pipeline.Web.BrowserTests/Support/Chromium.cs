using Microsoft.Playwright;

namespace Pipeline.Web.BrowserTests.Support;

/// <summary>
/// A real, headless Chromium for the browser tests: Debian's <c>chromium</c> (or the one in
/// <c>$PIPELINE_CHROMIUM</c>) driven by Playwright; Playwright's own browser builds are never downloaded. One browser
/// for the whole collection; each test opens its own context (cookies, storage) at 1280 px wide.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const int Width = 1280;
    public const int Height = 900;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PIPELINE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} not found: the browser tests need Debian's chromium (./test.sh installs it; or set PIPELINE_CHROMIUM)");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        });
    }

    /// <summary>A fresh browser context at 1280 × 900 CSS pixels, device scale 1.</summary>
    public Task<IBrowserContext> NewContextAsync(string? baseUrl = null) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        DeviceScaleFactor = 1,
        Locale = "it-IT",
        TimezoneId = "Europe/Rome",
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
