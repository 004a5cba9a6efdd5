using Microsoft.Playwright;

namespace SnowOps.DashboardBench;

/// <summary>One dashboard page in Chromium and what it measured of itself (see the dashboard's window.snowops hooks).</summary>
public sealed class PageProbe(IPage page)
{
    public static async Task<PageProbe> OpenAsync(IBrowser browser, Uri address, string token)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync(new Uri(address, "/dashboard?wall=1#token=" + token).ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1' && document.body.dataset.live === '1'", null,
            new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 50 });
        return new PageProbe(page);
    }

    public Task<double> FirstRenderMsAsync() => page.EvaluateAsync<double>("() => window.snowops.firstRenderMs");

    public Task<int> SegmentsAsync() => page.EvaluateAsync<int>("() => window.snowops.networkSegments");

    public Task<int> AppliedAsync() => page.EvaluateAsync<int>("() => window.snowops.applied");

    public Task ResetAsync() => page.EvaluateAsync("() => { window.snowops.latencies.length = 0; }");

    public Task<double[]> LatenciesAsync() => page.EvaluateAsync<double[]>("() => window.snowops.latencies.slice()");

    /// <summary>Waits until the page has shown no new change for a second: what was on its way has arrived.</summary>
    public async Task SettleAsync(TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        var last = await AppliedAsync();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(1000);
            var now = await AppliedAsync();
            if (now == last)
                return;
            last = now;
        }
    }

    public Task CloseAsync() => page.CloseAsync();
}
