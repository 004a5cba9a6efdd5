using System.Net;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.EmbeddedMode;

/// <summary>A city with its zones and alert sources configured (through the environment, as in a deployment).</summary>
public sealed class CityHost : EmbeddedHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SnowOps__Weather__Sources__dwd__0"] = "CAP@dwd.de",
        ["SnowOps__Weather__Zones__0__Code"] = "berchtesgaden",
        ["SnowOps__Weather__Zones__0__Name"] = "Berchtesgadener Land",
        ["SnowOps__Weather__Zones__0__Wkt"] = "POLYGON ((12.8 47.5, 13.0 47.5, 13.0 47.7, 12.8 47.7, 12.8 47.5))",
        ["SnowOps__Weather__Zones__1__Code"] = "munich",
        ["SnowOps__Weather__Zones__1__Name"] = "München",
        ["SnowOps__Weather__Zones__1__Wkt"] = "POLYGON ((11.4 48.0, 11.7 48.0, 11.7 48.25, 11.4 48.25, 11.4 48.0))",
        // A feed whose server is down: nothing listens on 127.0.0.1:9.
        ["SnowOps__Weather__Feeds__0__Name"] = "met-office",
        ["SnowOps__Weather__Feeds__0__Url"] = "http://127.0.0.1:9/cap/snow.xml",
        ["SnowOps__Weather__Feeds__0__IntervalSeconds"] = "60",
        ["SnowOps__Weather__Feeds__0__Format"] = "Cap",
    };
}

public sealed class When_a_city_configures_its_zones_and_sources(CityHost city) : IClassFixture<CityHost>
{
    static Task<string> Sample(string file) => File.ReadAllTextAsync(Repo.Sample("cap", file));

    [Fact]
    public async Task Should_match_the_warning_to_the_zones_it_covers_and_filter_by_zone()
    {
        using var dwd = await city.AsAsync("alert-source", "dwd");
        using var committee = await city.AsAsync("committee", "city");
        using var posted = await dwd.PostAlertAsync(await Sample("dwd-leichter-schneefall-alert.xml"));
        Assert.True(posted.IsSuccessStatusCode);

        var inBerchtesgaden = await committee.GetJsonAsync("/api/alerts?zone=berchtesgaden&hazard=Snowstorm");
        var inMunich = await committee.GetJsonAsync("/api/alerts?zone=munich");
        var zones = await committee.GetJsonAsync("/api/zones");

        var alert = Assert.Single(inBerchtesgaden.EnumerateArray());
        Assert.Equal(["berchtesgaden"], alert.GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        Assert.Empty(inMunich.EnumerateArray());
        Assert.Equal(2, zones.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_a_sender_the_source_may_not_speak_for()
    {
        using var dwd = await city.AsAsync("alert-source", "dwd");
        using var stranger = await city.AsAsync("alert-source", "somebody");

        using var foreign = await dwd.PostAlertAsync(await Sample("oasis-cap12-a2-thunderstorm-polygon.xml"));
        using var unlisted = await stranger.PostAlertAsync(await Sample("dwd-glaette-alert.xml"));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("may not submit", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, unlisted.StatusCode);
    }

    [Fact]
    public async Task Should_let_a_dispatcher_enter_a_warning_by_hand_and_propose_a_snow_event()
    {
        using var dispatcher = await city.AsAsync("dispatcher", "ana");
        using var entered = await dispatcher.PostAsync("/api/alerts/manual", new
        {
            hazard = "RoadIcing",
            level = "Orange",
            headline = "Freezing rain expected on the Königssee road tonight",
            areaWkt = "POLYGON ((12.9 47.55, 12.98 47.55, 12.98 47.6, 12.9 47.6, 12.9 47.55))",
            expires = DateTimeOffset.UtcNow.AddHours(12),
        });
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);

        var alerts = await dispatcher.GetJsonAsync("/api/alerts?hazard=RoadIcing&level=Orange");
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("manual:ana", alert.GetProperty("sender").GetString());
        Assert.Equal(["berchtesgaden"], alert.GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        await Eventually.HoldsAsync(() => dispatcher.GetJsonAsync("/api/snow-events"),
            e => e.EnumerateArray().Any(x => x.GetProperty("hazard").GetString() == "RoadIcing"), "a road-icing snow event");
    }

    [Theory]
    [InlineData("{\"hazard\":\"Snowstorm\",\"headline\":\"x\"}")]
    [InlineData("{\"hazard\":\"Other\",\"level\":\"Red\",\"headline\":\"x\"}")]
    [InlineData("{\"hazard\":\"Snowstorm\",\"level\":\"Red\",\"headline\":\"x\",\"areaWkt\":\"POINT (1 2)\"}")]
    [InlineData("{\"hazard\":\"Snowstorm\",\"level\":\"Red\",\"headline\":\"x\",\"areaWkt\":\"not wkt\"}")]
    public async Task Should_refuse_a_manual_warning_that_is_incomplete(string body)
    {
        using var dispatcher = await city.AsAsync("dispatcher", "ana");
        using var http = new HttpClient { BaseAddress = city.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/manual")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await Cli.TokenAsync(city.DataDir, "dispatcher", "ana"));

        using var response = await http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"answered {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_filter_value()
    {
        using var committee = await city.AsAsync("committee", "city");
        using var response = await committee.GetAsync("/api/alerts?level=Purple");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_show_a_feed_that_cannot_be_reached_as_failing_and_backing_off()
    {
        using var committee = await city.AsAsync("committee", "city");

        var feeds = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/alerts/feeds"),
            f => f.GetArrayLength() == 1 && f[0].GetProperty("consecutiveFailures").GetInt32() >= 1, "the first failed poll");

        var feed = feeds[0];
        Assert.Equal("met-office", feed.GetProperty("name").GetString());
        Assert.False(feed.GetProperty("healthy").GetBoolean());
        Assert.False(string.IsNullOrEmpty(feed.GetProperty("lastError").GetString()));
        Assert.True(feed.GetProperty("nextPollDue").GetDateTimeOffset() > feed.GetProperty("lastPollAt").GetDateTimeOffset().AddSeconds(60),
            "after a failure the next poll waits longer than the interval");
    }
}
