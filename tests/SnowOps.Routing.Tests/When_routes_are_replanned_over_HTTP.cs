using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit.Testing;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Routing.Tests;

/// <summary>POST /api/routes/{snowEventId}/replan: dispatchers only, bad requests refused, a repeated request changes nothing.</summary>
public sealed class When_routes_are_replanned_over_HTTP : IAsyncLifetime
{
    readonly PlanningApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    string Replan => $"/api/routes/{_api.SnowEvent}/replan";

    static readonly object Breakdown = new
    {
        brokenVehicles = new[] { "plow-2" },
        finishedSegments = new[] { 1L, 2L },
        positions = new[] { new { vehicle = "plow-1", lon = TestCity.Lon, lat = TestCity.Lat } },
    };

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Should_answer_401_without_a_token_and_403_to_the_committee()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Client.PostAsJsonAsync(Replan, Breakdown)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Committee).PostAsJsonAsync(Replan, Breakdown)).StatusCode);
        Assert.Empty(_api.Harness.Published.Select<PlowRoutesReplanned>());
    }

    [Theory]
    [InlineData("{}", 400, "Nothing to re-plan")]
    [InlineData("""{ "positions": [{ "vehicle": "plow-1", "lon": 200, "lat": 39.9 }] }""", 400, "outside longitude")]
    [InlineData("""{ "brokenVehicles": ["plow-1"], "positions": [{ "vehicle": "plow-1", "lon": 116.4, "lat": 39.9 }] }""", 400, "broken")]
    [InlineData("""{ "blockedSegments": [3], "finishedSegments": [3] }""", 400, "both blocked and finished")]
    [InlineData("""{ "brokenVehicles": ["snowblower-9"] }""", 422, "snowblower-9")]
    [InlineData("""{ "blockedSegments": [999999] }""", 422, "999999")]
    public async Task Should_refuse_a_bad_request_with_the_reason(string body, int status, string reason)
    {
        var response = await _api.As(Roles.Dispatcher).PostAsync(Replan, Json(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_api.Harness.Published.Select<PlowRoutesReplanned>());
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_JSON_and_an_unknown_snow_event()
    {
        var dispatcher = _api.As(Roles.Dispatcher);

        var broken = await dispatcher.PostAsync(Replan, Json("{ brokenVehicles: "));
        var unknown = await dispatcher.PostAsJsonAsync($"/api/routes/{Guid.NewGuid()}/replan", Breakdown);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Should_replan_once_and_answer_the_same_request_again_with_the_same_revision()
    {
        var dispatcher = _api.As(Roles.Dispatcher);

        var first = await dispatcher.PostAsJsonAsync(Replan, Breakdown);
        var again = await dispatcher.PostAsJsonAsync(Replan, Breakdown);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var plan = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(1, plan.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(["plow-1", "plow-3", "spreader"], plan.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("vehicle").GetString()!).ToList());
        var published = Assert.Single(_api.Harness.Published.Select<PlowRoutesReplanned>()).Context.Message;
        Assert.Equal(1, published.Revision);
        Assert.Equal(["plow-2"], published.BrokenVehicles);
        Assert.DoesNotContain(published.Routes, r => r.VehicleId == "plow-2");
        var current = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/routes/{_api.SnowEvent}");
        Assert.Equal(1, current.GetProperty("revision").GetInt32());
        Assert.Equal([1L, 2L], current.GetProperty("finishedSegments").EnumerateArray().Select(e => e.GetInt64()).ToList());
    }
}
