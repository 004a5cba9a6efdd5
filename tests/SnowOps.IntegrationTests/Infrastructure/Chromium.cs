using Microsoft.Playwright;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium (the one ops/infra-up.sh installs), driven by Playwright; no browser is downloaded. Screenshots go
/// to <c>.infra/test-results/screenshots</c>, kept with the test results.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(Repo.Root, ".infra", "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SNOWOPS_IT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    /// <summary>A page of its own (own storage, so one role's login never leaks into another's).</summary>
    public async Task<IPage> PageAsync(int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
