using System.Net;
using System.Text.Json.Nodes;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Routing.Tests;

/// <summary>
/// <c>GET /api/network</c> serves the stored network as GeoJSON, filtered by class and area;
/// <c>GET /api/network/summary</c> counts it. The host was given Monaco by <c>SnowOps:Routing:NetworkFile</c>.
/// </summary>
public sealed class When_the_road_network_is_read_over_HTTP(MonacoApi monaco) : IClassFixture<MonacoApi>
{
    readonly RoutingApi _api = monaco.Api;

    async Task<JsonArray> FeaturesAsync(string query, string role = Roles.Committee)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/network" + query, role);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", (string?)collection["type"]);
        return collection["features"]!.AsArray();
    }

    static JsonNode Properties(JsonNode? feature) => feature!["properties"]!;

    [Fact]
    public async Task Should_have_imported_the_network_file_at_start()
    {
        Assert.Equal(2725, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_serve_every_segment_with_its_properties()
    {
        var features = await FeaturesAsync("");

        Assert.Equal(2725, features.Count);
        var first = features[0]!;
        Assert.Equal("LineString", (string?)first["geometry"]!["type"]);
        var properties = Properties(first).AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "id", "wayId", "name", "highway", "priority", "oneWay", "passes", "passesBackward", "bridge", "slope",
            "emergencyAccess", "deIcing", "lengthMeters", "fromNode", "toNode" }, properties);
        Assert.Equal(58, features.Count(f => (bool)Properties(f)["bridge"]!));
        Assert.Equal(1136, features.Count(f => (bool)Properties(f)["oneWay"]!));
    }

    [Theory]
    [InlineData("?priority=P1", 1198)]
    [InlineData("?priority=P2", 352)]
    [InlineData("?priority=P1,P2", 1550)]
    [InlineData("?priority=P9", 0)]
    public async Task Should_serve_only_the_classes_asked_for(string query, int count)
    {
        var features = await FeaturesAsync(query);

        Assert.Equal(count, features.Count);
        var asked = query["?priority=".Length..].Split(',');
        Assert.All(features, f => Assert.Contains((string)Properties(f)["priority"]!, asked));
    }

    [Fact]
    public async Task Should_serve_only_the_segments_that_pass_through_the_box()
    {
        // Around the port of Monaco (La Condamine); PostGIS's ST_Intersects gives the same 139 in the distributed mode.
        var features = await FeaturesAsync("?bbox=7.4190,43.7320,7.4250,43.7370");

        Assert.Equal(139, features.Count);
        Assert.All(features, f =>
        {
            var points = f!["geometry"]!["coordinates"]!.AsArray().Select(p => ((double)p![0]!, (double)p[1]!)).ToList();
            Assert.True(points.Min(p => p.Item1) <= 7.4250 && points.Max(p => p.Item1) >= 7.4190);
            Assert.True(points.Min(p => p.Item2) <= 43.7370 && points.Max(p => p.Item2) >= 43.7320);
        });
        var p1 = await FeaturesAsync("?bbox=7.4190,43.7320,7.4250,43.7370&priority=P1");
        Assert.Equal(128, p1.Count); // PostGIS: the same
        Assert.Empty(await FeaturesAsync("?bbox=2.29,48.85,2.30,48.86"));
    }

    [Theory]
    [InlineData("?bbox=7.41,43.72,7.43")]
    [InlineData("?bbox=west,43.72,7.43,43.74")]
    [InlineData("?bbox=7.43,43.72,7.41,43.74")]
    [InlineData("?bbox=7.41,43.72,7.43,93")]
    [InlineData("?bbox=NaN,43.72,7.43,43.74")]
    public async Task Should_refuse_a_box_that_is_not_one_with_the_reason(string query)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/network" + query, Roles.Committee);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bbox", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]);
    }

    [Fact]
    public async Task Should_summarise_the_network()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/network/summary", Roles.Dispatcher);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2725, (int)summary["segments"]!);
        Assert.Equal(1341, (int)summary["intersections"]!);
        Assert.Equal(1198, (int)summary["segmentsByPriority"]!["P1"]!);
        Assert.Equal(157.04, (double)summary["kmByPriority"]!["P3"]!);
        Assert.Equal(118, (int)summary["deIcingSegments"]!);
        Assert.Equal(21, (int)summary["components"]!);
        Assert.Equal(2521, (int)summary["largestStrongComponentSegments"]!);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Crew, HttpStatusCode.Forbidden)]
    [InlineData(Roles.AlertSource, HttpStatusCode.Forbidden)]
    public async Task Should_serve_the_network_only_to_those_who_watch_the_operation(string? role, HttpStatusCode status)
    {
        using var network = await _api.SendAsync(HttpMethod.Get, "/api/network", role);
        using var summary = await _api.SendAsync(HttpMethod.Get, "/api/network/summary", role);

        Assert.Equal(status, network.StatusCode);
        Assert.Equal(status, summary.StatusCode);
    }
}
