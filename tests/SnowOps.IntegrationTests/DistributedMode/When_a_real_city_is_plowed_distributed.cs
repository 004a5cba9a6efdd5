using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// Monaco's real OpenStreetMap extract imported into PostGIS by a Routing process at start, and a snow warning handled by
/// a second process (Weather, Dispatch, CrewBot, Status): the plow plan request and the routes cross RabbitMQ both ways.
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
        routing["SnowOps__Routing__NetworkFile"] = Repo.Osm("monaco.osm.pbf");
        // A depot in Fontvieille and a salt yard by the port; the example city's fleet is replaced, not merged.
        routing["SnowOps__Routing__Fleet__Bases__0__Name"] = "Fontvieille depot";
        routing["SnowOps__Routing__Fleet__Bases__0__Kind"] = "Depot";
        routing["SnowOps__Routing__Fleet__Bases__0__Lon"] = "7.4165";
        routing["SnowOps__Routing__Fleet__Bases__0__Lat"] = "43.7305";
        routing["SnowOps__Routing__Fleet__Bases__1__Name"] = "Port salt yard";
        routing["SnowOps__Routing__Fleet__Bases__1__Kind"] = "SaltYard";
        routing["SnowOps__Routing__Fleet__Bases__1__Lon"] = "7.4235";
        routing["SnowOps__Routing__Fleet__Bases__1__Lat"] = "43.7355";
        routing["SnowOps__Routing__Fleet__Vehicles__0__HomeDepot"] = "Fontvieille depot";
        routing["SnowOps__Routing__Fleet__Vehicles__1__HomeDepot"] = "Fontvieille depot";
        routing["SnowOps__Routing__Planner__TimeLimitSeconds"] = "3";
        _routing = await HostProcess.StartAsync(routing);
        _operations = await HostProcess.StartAsync(_infra.HostSettings("Weather,Dispatch,CrewBot,Status", _key));
    }

    public async Task DisposeAsync()
    {
        await _operations.DisposeAsync();
        await _routing.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Api As(HostProcess host, string role) =>
        new(host.BaseAddress, TokenIssuer.Create(SigningKey.FromText(_key, "test"), role + "-1", [role], TimeSpan.FromHours(1)));

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
    }

    static async Task<System.Text.Json.JsonElement?> TryGetAsync(Api api, string path)
    {
        using var response = await api.GetAsync(path);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await api.GetJsonAsync(path);
    }
}
