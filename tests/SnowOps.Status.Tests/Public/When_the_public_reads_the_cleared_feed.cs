using System.Text.Json;

namespace SnowOps.Status.Tests.Public;

public sealed class When_the_public_reads_the_cleared_feed : IAsyncLifetime
{
    PublicApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await PublicApi.StartAsync();
        await _api.ProjectAsync(PublicStreets.Events);
    }

    public Task DisposeAsync() => _api.DisposeAsync().AsTask();

    async Task<List<JsonElement>> FeaturesAsync(string url)
    {
        using var response = await _api.Client.GetAsync(url);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        return [.. root.GetProperty("features").EnumerateArray()];
    }

    [Fact]
    public async Task Should_hold_one_feature_per_completed_plow_or_de_icing_route_task()
    {
        var features = await FeaturesAsync("/api/public/cleared.geojson");

        Assert.Equal(3, features.Count);
        Assert.Equal(2, features.Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "PlowRoute"));
        Assert.Equal(1, features.Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "DeIcing"));
    }

    [Fact]
    public async Task Should_describe_each_with_its_route_streets_snow_event_priority_and_completion()
    {
        var newest = (await FeaturesAsync("/api/public/cleared.geojson"))[0];

        var properties = newest.GetProperty("properties");
        Assert.Equal("MultiLineString", newest.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("P1", properties.GetProperty("priorityClass").GetString());
        Assert.Equal(PublicStreets.T0.AddHours(3), properties.GetProperty("completed").GetDateTimeOffset());
        Assert.Equal("Orange snowstorm", properties.GetProperty("snowEvent").GetString());
        Assert.Equal(["Chang'an Ave", "长安街"], properties.GetProperty("streets").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Should_keep_only_those_completed_since_the_time_given()
    {
        var since = Uri.EscapeDataString(PublicStreets.T0.AddHours(2).ToString("O"));

        var features = await FeaturesAsync("/api/public/cleared.geojson?since=" + since);

        Assert.Equal(2, features.Count);
    }
}
