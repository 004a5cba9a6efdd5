using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// A whole storm, distributed: Monaco's real OpenStreetMap extract imported into PostGIS by a Routing process at start,
/// and a snow warning handled by a second process (Weather, Dispatch, CrewBot, Status) — the plow plan request and the
/// routes cross RabbitMQ both ways; crews do every task; the event runs to its close.
/// </summary>
public sealed class When_a_real_city_is_plowed_distributed : IAsyncLifetime
{
    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    HostProcess _routing = null!;
    HostProcess _operations = null!;

    public async Task InitializeAsync()
    {
        await _infra.InitializeAsync();
        var routing = _infra.HostSettings("Routing", _key);
        foreach (var (key, value) in MonacoCity.RoutingSettings())
            routing[key] = value;
        _routing = await HostProcess.StartAsync(routing);
        _operations = await HostProcess.StartAsync(_infra.HostSettings("Weather,Dispatch,CrewBot,Status", _key));
    }

    public async Task DisposeAsync()
    {
        await _operations.DisposeAsync();
        await _routing.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Api As(HostProcess host, string role, string? name = null) =>
        new(host.BaseAddress, TokenIssuer.Create(SigningKey.FromText(_key, "test"), name ?? role + "-1", [role], TimeSpan.FromHours(1)));

    [Fact]
    public async Task Should_store_the_network_in_PostGIS_and_plan_plow_routes_over_it_for_the_snow_event()
    {
        Assert.Equal(2725L, await _infra.ScalarAsync<long>("SELECT count(*) FROM routing.road_segments"));
        Assert.Equal("geometry(LineString,4326)", await _infra.ScalarAsync<string>(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'routing.road_segments'::regclass AND attname = 'Geometry'"));
        // PostGIS' ellipsoidal length of the stored lines agrees with the import's spherical one to within 0.5%.
        var ratio = await _infra.ScalarAsync<double>(
            "SELECT sum(ST_Length(\"Geometry\"::geography)) / sum(\"LengthMeters\") FROM routing.road_segments");
        Assert.InRange(ratio, 0.995, 1.005);

        using var committee = As(_routing, "committee");
        var box = await committee.GetJsonAsync("/api/network?bbox=7.4190,43.7320,7.4250,43.7370");
        Assert.Equal(139, box.GetProperty("features").GetArrayLength());

        using var alerts = As(_operations, "alert-source");
        using var dispatcher = As(_operations, "dispatcher");
        var warning = await SnowFlow.CurrentWarningAsync();
        using var posted = await alerts.PostAlertAsync(warning);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var events = await Eventually.HoldsAsync(() => dispatcher.GetJsonAsync("/api/snow-events"), e => e.GetArrayLength() > 0, "a proposed snow event");
        var id = events[0].GetProperty("id").GetGuid();
        using var activated = await dispatcher.PostAsync($"/api/snow-events/{id}/activate");
        Assert.Equal(HttpStatusCode.Accepted, activated.StatusCode);

        var plan = await Eventually.HoldsAsync(() => TryGetAsync(committee, $"/api/routes/{id}"), p => p is not null, "the plow plan", seconds: 90);
        var routes = plan!.Value.GetProperty("routes").EnumerateArray().ToList();
        var plows = routes.Where(r => r.GetProperty("vehicleKind").GetString() == "Plow").ToList();
        Assert.NotEmpty(plows);
        Assert.All(plows, r => Assert.True(r.GetProperty("serviceKm").GetDouble() > 0));
        Assert.Equal(["P1", "P2"], plan.Value.GetProperty("priorityClasses").EnumerateArray().Select(c => c.GetString()));

        var vehicle = plows[0].GetProperty("vehicle").GetString();
        using var gpx = await committee.GetAsync($"/api/routes/{id}/{vehicle}.gpx");
        var points = XDocument.Parse(await gpx.Content.ReadAsStringAsync()).Descendants().Where(e => e.Name.LocalName == "trkpt").ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.InRange(double.Parse(p.Attribute("lon")!.Value, System.Globalization.CultureInfo.InvariantCulture), 7.3, 7.6));

        // The routes came back over the broker and became plow tasks for the crews.
        var tasks = await Eventually.HoldsAsync(() => dispatcher.GetJsonAsync($"/api/snow-events/{id}/tasks"),
            t => t.EnumerateArray().Count(x => x.GetProperty("kind").GetString() == "PlowRoute") == plows.Count, "one plow task per plow route");
        Assert.Equal(plows.Count, tasks.EnumerateArray().Count(x => x.GetProperty("kind").GetString() == "PlowRoute"));

        using var watcher = As(_operations, "committee");
        await RunTheStormToTheEndAsync(id, dispatcher, watcher);
    }

    /// <summary>
    /// The rest of the storm: the snow starts, every crew accepts, starts and completes its tasks through the crew API,
    /// the dispatcher marks the snow stopped, the restore work is done, the event closes; then the audit trail and the
    /// service-target report are read.
    /// </summary>
    async Task RunTheStormToTheEndAsync(Guid id, Api dispatcher, Api committee)
    {
        using var clear = await dispatcher.PostAsync($"/api/snow-events/{id}/phase", new { phase = "Clear" });
        Assert.Equal(HttpStatusCode.Accepted, clear.StatusCode);
        await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}"), e => e.GetProperty("phase").GetString() == "Clear", "clear");

        var during = await CompleteEveryTaskAsync(id, committee);
        Assert.Contains(during, t => t.Kind == "PlowRoute");
        Assert.Contains(during, t => t.Kind == "FrontageNotice");

        using var stopped = await dispatcher.PostAsync($"/api/snow-events/{id}/snow-stopped", new { at = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.Accepted, stopped.StatusCode);
        await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}"), e => e.GetProperty("phase").GetString() == "Restore", "restore");
        var after = await CompleteEveryTaskAsync(id, committee, minimum: during.Count + 1);
        Assert.Contains(after, t => t.Title.StartsWith("Check the frontage was cleared", StringComparison.Ordinal));

        using var close = await dispatcher.PostAsync($"/api/snow-events/{id}/phase", new { phase = "Closed" });
        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}"), e => e.GetProperty("phase").GetString() == "Closed", "closed");
        using var again = await dispatcher.PostAsync($"/api/snow-events/{id}/activate");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The timeline is written from the events the saga publishes, a moment after each phase change.
        var trail = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}/timeline"),
            t => t.EnumerateArray().Any(x => x.GetProperty("what").GetString() == "Phase: Closed"), "the close on the timeline");
        var timeline = trail.EnumerateArray()
            .Select(t => (What: t.GetProperty("what").GetString()!, By: t.GetProperty("by").GetString()!)).ToList();
        Assert.Equal(("system", "dispatcher-1"), (timeline[0].By, timeline[1].By));
        Assert.StartsWith("Proposed", timeline[0].What);
        Assert.StartsWith("Activated", timeline[1].What);
        Assert.Contains(timeline, t => t.What.StartsWith("Routes planned", StringComparison.Ordinal));
        Assert.Contains(("Phase: Clear", "dispatcher-1"), timeline);
        Assert.Contains(timeline, t => t.What.StartsWith("Snow stopped", StringComparison.Ordinal) && t.By == "dispatcher-1");
        Assert.Equal(("Phase: Closed", "dispatcher-1"), timeline[^1]);

        var report = await committee.GetJsonAsync($"/api/snow-events/{id}/service-report");
        var targets = report.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["P1 passable", "P1 clear", "All streets clear"], targets.Select(t => t.GetProperty("name").GetString()));
        Assert.All(targets, t =>
        {
            Assert.Equal("Met", t.GetProperty("status").GetString());
            Assert.True(t.GetProperty("counted").GetInt32() > 0);
        });
    }

    sealed record Done(Guid Id, string Kind, string Title);

    /// <summary>Answers every open task as its crew would (accept, start, complete), and waits until Dispatch has them all completed.</summary>
    async Task<List<Done>> CompleteEveryTaskAsync(Guid id, Api committee, int minimum = 1)
    {
        var tasks = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}/tasks"),
            t => t.GetArrayLength() >= minimum, $"at least {minimum} tasks");
        foreach (var task in tasks.EnumerateArray().Where(t => t.GetProperty("state").GetString() is not ("Completed" or "Cancelled")))
        {
            var taskId = task.GetProperty("id").GetGuid();
            using var crew = As(_operations, "crew", task.GetProperty("crewId").GetString()!);
            await Eventually.HoldsAsync(() => crew.GetJsonAsync("/api/crew/tasks"),
                c => c.EnumerateArray().Any(x => x.GetProperty("taskId").GetGuid() == taskId), $"the card of task {taskId}");
            foreach (var answer in new[] { "accept", "start", "complete" })
            {
                using var answered = await crew.PostAsync($"/api/crew/tasks/{taskId}/{answer}", answer == "complete" ? new { note = "done" } : null);
                Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
            }
        }
        var done = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}/tasks"),
            t => t.EnumerateArray().All(x => x.GetProperty("state").GetString() == "Completed"), "every task completed", seconds: 60);
        return done.EnumerateArray()
            .Select(t => new Done(t.GetProperty("id").GetGuid(), t.GetProperty("kind").GetString()!, t.GetProperty("title").GetString()!)).ToList();
    }

    static async Task<System.Text.Json.JsonElement?> TryGetAsync(Api api, string path)
    {
        using var response = await api.GetAsync(path);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await api.GetJsonAsync(path);
    }
}
