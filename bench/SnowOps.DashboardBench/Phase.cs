using Microsoft.Playwright;

namespace SnowOps.DashboardBench;

/// <summary>One load level: events flowing at a rate, a fresh dashboard opened into it, and what the page measured.</summary>
public sealed record Phase(int Rate, double FirstRenderMs, int Segments, long Published, double[] Latencies)
{
    const int Loads = 3;

    public static async Task<Phase> RunAsync(IBrowser browser, BenchHost host, GridCity city, string token, int rate, TimeSpan measured)
    {
        using var stop = new CancellationTokenSource();
        var stream = new EventStream(host.Bus, city, rate);
        var flowing = Task.Run(() => stream.RunAsync(stop.Token));
        try
        {
            // The page is opened while the events already flow, as a wall screen switched on mid-storm would be; three
            // times, and the median kept. The last one stays open for the latency.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var renders = new List<double>();
            PageProbe? page = null;
            for (var load = 0; load < Loads; load++)
            {
                if (page is not null)
                    await page.CloseAsync();
                page = await PageProbe.OpenAsync(browser, host.Address, token);
                renders.Add(await page.FirstRenderMsAsync());
            }
            var firstRender = renders.Order().ElementAt(renders.Count / 2);
            var segments = await page!.SegmentsAsync();

            await page.ResetAsync();
            var before = stream.Sent;
            await Task.Delay(measured);
            var published = stream.Sent - before;
            await stop.CancelAsync();
            await flowing;
            // What was on its way when the stream stopped still counts: leaving it out would hide a backlog.
            await page.SettleAsync(TimeSpan.FromSeconds(60));
            var latencies = await page.LatenciesAsync();
            await page.CloseAsync();
            return new Phase(rate, firstRender, segments, published, latencies);
        }
        finally
        {
            await stop.CancelAsync();
            await flowing;
        }
    }

    public double Percentile(double p)
    {
        if (Latencies.Length == 0)
            return double.NaN;
        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
