using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Routing.Tests;

/// <summary>GET /api/routes/…: the plan, each vehicle's GeoJSON, GPX and street list; GET /api/fleet.</summary>
public sealed class When_plow_routes_are_read_over_HTTP : IAsyncLifetime
{
    readonly PlanningApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    string Path(string rest = "") => $"/api/routes/{_api.SnowEvent}{rest}";

    [Theory]
    [InlineData("")]
    [InlineData("/plow-1.geojson")]
    [InlineData("/plow-1.gpx")]
    [InlineData("/plow-1/streets")]
    public async Task Should_answer_401_without_a_token_and_403_to_a_crew(string rest)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Client.GetAsync(Path(rest))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Crew).GetAsync(Path(rest))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Client.GetAsync("/api/fleet")).StatusCode);
    }

    [Fact]
    public async Task Should_list_each_vehicle_s_route_with_distances_duration_and_de_icer()
    {
        using var plan = JsonDocument.Parse(await _api.As(Roles.Committee).GetStringAsync(Path()));

        var routes = plan.RootElement.GetProperty("routes").EnumerateArray().ToList();
        Assert.Equal(["plow-1", "plow-2", "plow-3", "spreader"], routes.Select(r => r.GetProperty("vehicle").GetString()!).ToList());
        Assert.All(routes, r => Assert.True(r.GetProperty("serviceKm").GetDouble() > 0));
        Assert.All(routes, r => Assert.InRange(r.GetProperty("durationHours").GetDouble(), 0.01, 8));
        Assert.True(routes.Single(r => r.GetProperty("vehicle").GetString() == "spreader").GetProperty("deIcerKg").GetDouble() > 0);
        Assert.Equal(0, plan.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(30, plan.RootElement.GetProperty("deIcingGramsPerSquareMeter").GetDouble());
    }

    [Fact]
    public async Task Should_give_a_route_as_GeoJSON_that_parses_back_into_service_and_deadhead_legs_in_order()
    {
        var response = await _api.As(Roles.Dispatcher).GetAsync(Path("/plow-1.geojson"));

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = JsonSerializer.Deserialize<FeatureCollection>(await response.Content.ReadAsStringAsync(),
            new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } })!;
        Assert.Contains(features, f => (string)f.Attributes["kind"] == "service");
        Assert.Contains(features, f => (string)f.Attributes["kind"] == "deadhead");
        Assert.Equal(Enumerable.Range(1, features.Count).ToList(), features.Select(f => Convert.ToInt32(f.Attributes["order"], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.All(features, f => Assert.IsType<LineString>(f.Geometry));
        Assert.All(features, f => Assert.Contains((string)f.Attributes["priority"], new[] { "P1", "P2", "P3" }));
        for (var i = 1; i < features.Count; i++)
            Assert.True(((LineString)features[i - 1].Geometry).EndPoint.EqualsExact(((LineString)features[i].Geometry).StartPoint));
    }

    [Fact]
    public async Task Should_give_a_route_as_GPX_with_a_track_and_a_waypoint_per_street_served()
    {
        var response = await _api.As(Roles.Dispatcher).GetAsync(Path("/plow-1.gpx"));
        var streets = await _api.As(Roles.Dispatcher).GetFromJsonAsync<JsonElement>(Path("/plow-1/streets"));

        Assert.Equal("application/gpx+xml", response.Content.Headers.ContentType?.MediaType);
        var gpx = GpxFile.Parse(await response.Content.ReadAsStringAsync(), new GpxReaderSettings());
        var track = Assert.Single(gpx.Tracks);
        Assert.True(Assert.Single(track.Segments).Waypoints.Count > 10);
        var served = streets.GetProperty("streets").GetArrayLength();
        Assert.Equal(served + 1, gpx.Waypoints.Count);
        Assert.StartsWith("Start: Depot", gpx.Waypoints[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_the_streets_in_order_with_direction_length_priority_and_de_icing()
    {
        var list = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>(Path("/plow-1/streets"));

        var streets = list.GetProperty("streets").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, streets.Count), streets.Select(s => s.GetProperty("order").GetInt32()));
        Assert.All(streets, s => Assert.Contains(s.GetProperty("direction").GetString(), new[] { "N", "NE", "E", "SE", "S", "SW", "W", "NW" }));
        Assert.All(streets, s => Assert.InRange(s.GetProperty("lengthMeters").GetDouble(), 80, 160));
        var priorities = streets.Select(s => s.GetProperty("priority").GetString()!).ToList();
        Assert.Equal(priorities.Order(StringComparer.Ordinal), priorities);
        Assert.All(streets, s => Assert.Contains(s.GetProperty("deIcing").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False }));
        Assert.All(streets, s => Assert.Equal(0, s.GetProperty("deIcerKg").GetDouble()));
    }

    [Fact]
    public async Task Should_answer_404_for_a_vehicle_or_snow_event_without_a_route()
    {
        var dispatcher = _api.As(Roles.Dispatcher);

        var vehicle = await dispatcher.GetAsync(Path("/snowblower-9.geojson"));
        var unknown = await dispatcher.GetAsync($"/api/routes/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, vehicle.StatusCode);
        Assert.Contains("plow-1", await vehicle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_list_the_fleet_depots_and_de_icing_rates()
    {
        var fleet = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/fleet");

        Assert.Equal(["Depot", "Yard"], fleet.GetProperty("bases").EnumerateArray().Select(b => b.GetProperty("name").GetString()!).ToList());
        Assert.Equal(["plow-1", "plow-2", "plow-3", "spreader"], fleet.GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList());
        Assert.Equal([30.0, 40.0, 50.0], fleet.GetProperty("deIcing").GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("gramsPerSquareMeter").GetDouble()).ToList());
    }
}
