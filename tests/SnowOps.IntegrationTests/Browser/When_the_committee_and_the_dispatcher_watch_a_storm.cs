using System.Net;
using Microsoft.Playwright;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Browser;

/// <summary>
/// The screens in a real Chromium against a real host: the committee's wall draws the city, the dispatcher activates a
/// snow event from the console, a crew's completion turns its streets green on the wall without a reload, the committee
/// has nothing to press, and a resident finds when their street was plowed.
/// </summary>
public sealed class When_the_committee_and_the_dispatcher_watch_a_storm(StormScreens screens) : IClassFixture<StormScreens>
{
    const string Cleared = "#16a34a";
    static readonly PageWaitForFunctionOptions Patiently = new() { Timeout = 90_000, PollingInterval = 100 };

    [Fact]
    public async Task Should_draw_the_whole_road_network_on_the_committee_wall()
    {
        using var committee = await screens.City.AsAsync("committee", "city");
        var network = await committee.GetJsonAsync("/api/network");
        var page = await screens.Chromium.PageAsync(1920, 1080);

        await page.GotoAsync(Url($"/dashboard?wall=1&lang=en#token={Token(committee)}"));
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, Patiently);

        Assert.Equal(network.GetProperty("features").GetArrayLength(), await page.EvaluateAsync<int>("() => window.snowops.networkSegments"));
        Assert.True(await page.Locator("#map canvas").CountAsync() > 0, "the network is drawn on a canvas in the map");
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "wall-network");

        // The same wall in Chinese, on a phone.
        var phone = await screens.Chromium.PageAsync(390, 844);
        await phone.GotoAsync(Url($"/dashboard?lang=zh#token={Token(committee)}"));
        await phone.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, Patiently);
        Assert.Equal("zh-CN", await phone.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Chromium.ScreenshotAsync(phone, "phone-zh");
    }

    [Fact]
    public async Task Should_let_the_dispatcher_activate_from_the_console_and_show_a_completed_route_green_on_the_wall_without_a_reload()
    {
        using var alerts = await screens.City.AsAsync("alert-source", "dwd");
        using var committee = await screens.City.AsAsync("committee", "city");
        using var dispatcher = await screens.City.AsAsync("dispatcher", "ana");
        using var posted = await alerts.PostAlertAsync(await SnowFlow.CurrentWarningAsync());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var proposed = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/snow-events"),
            e => e.EnumerateArray().Any(x => x.GetProperty("phase").GetString() == "Proposed"), "a proposed snow event");
        var id = proposed.EnumerateArray().First(x => x.GetProperty("phase").GetString() == "Proposed").GetProperty("id").GetGuid();

        // The committee sees the proposed event on the console's address and has nothing to press.
        var watcher = await screens.Chromium.PageAsync();
        await watcher.GotoAsync(Url($"/console?lang=en#token={Token(committee)}"));
        await watcher.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, Patiently);
        await watcher.Locator($"[data-snow-event-id='{id}']").First.WaitForAsync();
        Assert.True(await watcher.Locator("#not-dispatcher").IsVisibleAsync());
        Assert.Equal(0, await watcher.Locator("button[data-action]").CountAsync());
        await Chromium.ScreenshotAsync(watcher, "console-as-committee");

        // The dispatcher activates it from the console.
        var console = await screens.Chromium.PageAsync();
        console.Dialog += (_, dialog) => dialog.AcceptAsync();
        await console.GotoAsync(Url($"/console?lang=en#token={Token(dispatcher)}"));
        await console.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, Patiently);
        await console.Locator($"button[data-action='activate'][data-id='{id}']").ClickAsync();
        await console.Locator("#toast.ok").WaitForAsync();
        await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}"),
            e => e.GetProperty("phase").GetString() != "Proposed", "the activation to reach the snow event");
        await console.WaitForFunctionAsync(
            "id => [...document.querySelectorAll(`[data-snow-event-id='${id}']`)].some(e => e.dataset.phase && e.dataset.phase !== 'Proposed')",
            id.ToString(), Patiently);
        await Chromium.ScreenshotAsync(console, "console-activated");

        // A second event, opened by hand, appears on the console by itself; a click on it shows its details instead.
        using var opened = await dispatcher.PostAsync("/api/snow-events", new { hazard = "RoadIcing", level = "Blue", title = "Black ice on the bridges" });
        Assert.True(opened.IsSuccessStatusCode, $"POST /api/snow-events answered {(int)opened.StatusCode}");
        var second = console.Locator("[data-snow-event-id]", new PageLocatorOptions { HasText = "Black ice on the bridges" });
        await second.Locator(".event-head").ClickAsync();
        await console.WaitForFunctionAsync("() => document.querySelector('#snow-events li.selected')?.textContent.includes('Black ice on the bridges')",
            null, Patiently);
        Assert.Equal(1, await console.Locator("#snow-events li.selected").CountAsync());

        // The plan's plow routes go out as tasks; the wall shows one not yet cleared.
        var tasks = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}/tasks"),
            t => t.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "PlowRoute"), "the plow tasks", seconds: 90);
        var plow = tasks.EnumerateArray().First(x => x.GetProperty("kind").GetString() == "PlowRoute");
        var taskId = plow.GetProperty("id").GetGuid().ToString();
        var wall = await screens.Chromium.PageAsync(1920, 1080);
        await wall.GotoAsync(Url($"/dashboard?wall=1&lang=en#token={Token(committee)}"));
        await wall.WaitForFunctionAsync("id => window.snowops && window.snowops.routeState(id) !== null", taskId, Patiently);
        Assert.NotEqual(Cleared, await wall.EvaluateAsync<string>("id => window.snowops.routeState(id).color", taskId));
        await wall.EvaluateAsync("() => { window.sameLoad = 'yes'; }");

        // Its crew does it; the wall turns it green by itself.
        using var crew = await screens.City.AsAsync("crew", plow.GetProperty("crewId").GetString()!);
        await Eventually.HoldsAsync(() => crew.GetJsonAsync("/api/crew/tasks"),
            c => c.EnumerateArray().Any(x => x.GetProperty("taskId").GetGuid().ToString() == taskId), "the crew's card");
        foreach (var answer in new[] { "accept", "start", "complete" })
        {
            using var answered = await crew.PostAsync($"/api/crew/tasks/{taskId}/{answer}", answer == "complete" ? new { note = "done" } : null);
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }
        await wall.WaitForFunctionAsync($"id => window.snowops.routeState(id).color === '{Cleared}'", taskId, Patiently);
        Assert.Equal("yes", await wall.EvaluateAsync<string>("() => window.sameLoad"));
        Assert.Equal("Completed", await wall.EvaluateAsync<string>("id => window.snowops.routeState(id).state", taskId));
        await Chromium.ScreenshotAsync(wall, "wall-route-cleared");

        // A resident looks the street up, without logging in.
        using var anonymous = screens.City.Anonymous();
        var cleared = await anonymous.GetJsonAsync("/api/public/cleared.geojson");
        var street = cleared.GetProperty("features").EnumerateArray()
            .SelectMany(f => f.GetProperty("properties").GetProperty("streets").EnumerateArray()).Select(s => s.GetString()!).First(s => s.Length > 0);
        var resident = await screens.Chromium.PageAsync(390, 844);
        await resident.GotoAsync(Url("/lookup?lang=en"));
        await resident.Locator("#street-name").FillAsync(street);
        await resident.Locator("#street-search").ClickAsync();
        var found = resident.Locator($"#street-result [data-street=\"{street}\"]");
        await found.WaitForAsync();
        var plowed = DateTimeOffset.Parse(await found.GetAttributeAsync("data-last-plowed") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(plowed, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        await Chromium.ScreenshotAsync(resident, "lookup");
    }

    string Url(string path) => new Uri(screens.City.Host.BaseAddress, path).ToString();

    static string Token(Api api) => api.Token ?? throw new InvalidOperationException("The caller has no token.");
}
