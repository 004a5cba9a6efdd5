using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using SnowOps.Contracts;
using SnowOps.DashboardBench;

// The dashboard under load: a city of N street segments with its plow routes, the committee's wall opened in Chromium,
// and trucks' progress reports on the bus, first at a trickle (the baseline), then at the storm's rate. The page
// measures itself: when its first full render was done, and for every change it shows, how long after the event.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: dashboard-bench [--segments 20000] [--per-route 100] [--rate 1000] [--light-rate 10] [--seconds 20] [--chromium /usr/bin/chromium]");
    return 2;
}

var city = new GridCity(options.Segments, options.PerRoute);
await using var host = await BenchHost.StartAsync();
using (var admin = host.Client("admin"))
{
    var started = DateTime.UtcNow;
    using var imported = await admin.PostAsync("/api/network", new StringContent(city.NetworkGeoJson(), Encoding.UTF8, "application/geo+json"));
    if (!imported.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"The network import answered {(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
        return 1;
    }
    Console.Error.WriteLine($"network: {city.Segments.Count} segments imported in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
}

var now = DateTimeOffset.UtcNow;
await host.Bus.Publish(new SnowEventProposed(city.SnowEventId, null, Hazard.Snowstorm, AlertLevel.Orange, "Benchmark storm", "bench", now.AddMinutes(-30)));
await host.Bus.Publish(new SnowEventPhaseChanged(city.SnowEventId, SnowPhase.Clear, "bench", now.AddMinutes(-20)));
await host.Bus.Publish(city.Plan());
foreach (var task in city.Tasks(now.AddMinutes(-20)))
    await host.Bus.Publish(task);
using (var committee = host.Client("committee"))
{
    var until = DateTime.UtcNow.AddMinutes(2);
    while ((await committee.GetFromJsonAsync<Summary>("/api/status/summary"))!.TasksTotal < city.Routes.Count)
    {
        if (DateTime.UtcNow > until)
            throw new TimeoutException("The read model did not take the routes' tasks within two minutes.");
        await Task.Delay(200);
    }
}
Console.Error.WriteLine($"read model: {city.Routes.Count} routes and their tasks projected");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.Chromium,
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
var token = host.Token("committee");

// One load before anything is measured: the server's first answers (JIT, caches) are not what a wall screen sees twice.
await (await PageProbe.OpenAsync(browser, host.Address, token)).CloseAsync();

var light = await Phase.RunAsync(browser, host, city, token, options.LightRate, TimeSpan.FromSeconds(Math.Max(10, options.Seconds / 2)));
var storm = await Phase.RunAsync(browser, host, city, token, options.Rate, TimeSpan.FromSeconds(options.Seconds));

Console.WriteLine(Report.Table(options, light, storm));
return 0;

sealed record Summary(int TasksTotal);
