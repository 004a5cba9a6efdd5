using Microsoft.Extensions.Configuration;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// The rules are read from <c>SnowOps:Routing</c> as the module reads them: a city changes the entries it names
/// and keeps the defaults of the others.
/// </summary>
public sealed class When_the_city_s_rules_come_from_configuration
{
    static RoutingOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("SnowOps:Routing:" + s.Key, s.Value)))
            .Build();
        var options = new RoutingOptions();
        configuration.GetSection("SnowOps:Routing").Bind(options);
        return options;
    }

    [Fact]
    public void Should_keep_every_default_when_nothing_is_configured()
    {
        var options = Bind();

        Assert.Equal(14, options.Roads.Highways.Count(h => h.Value));
        Assert.Equal("P1", options.Priorities.Classify("primary", bridge: false));
        Assert.Equal(300, options.Priorities.EmergencyAccessMeters);
        Assert.Null(options.NetworkFile);
    }

    [Fact]
    public void Should_switch_one_highway_off_and_another_on_and_keep_the_rest()
    {
        var options = Bind(("Roads:Highways:service", "false"), ("Roads:Highways:track", "true"));

        Assert.False(options.Roads.IsDrivable("service"));
        Assert.True(options.Roads.IsDrivable("track"));
        Assert.True(options.Roads.IsDrivable("residential"));
        Assert.True(options.Roads.IsDrivable("Residential"));
    }

    [Fact]
    public void Should_override_one_class_and_keep_the_others()
    {
        var options = Bind(("Priorities:ByHighway:residential", "P2"), ("Priorities:Bridges", ""), ("Priorities:EmergencyAccessMeters", "150"));

        Assert.Equal("P2", options.Priorities.Classify("residential", bridge: false));
        Assert.Equal("P1", options.Priorities.Classify("primary", bridge: false));
        Assert.Equal("P3", options.Priorities.Classify("service", bridge: true));
        Assert.Equal(150, options.Priorities.EmergencyAccessMeters);
    }

    [Fact]
    public void Should_take_the_sites_the_city_names()
    {
        var options = Bind(
            ("Priorities:EmergencySites:0:Name", "Ambulance depot"),
            ("Priorities:EmergencySites:0:Longitude", "7.4200"),
            ("Priorities:EmergencySites:0:Latitude", "43.7340"),
            ("NetworkFile", "city.osm.pbf"));

        var site = Assert.Single(options.Priorities.EmergencySites);
        Assert.Equal(("Ambulance depot", 7.42, 43.734), (site.Name, site.Longitude, site.Latitude));
        Assert.Equal("city.osm.pbf", options.NetworkFile);
    }

    [Fact]
    public async Task Should_class_the_posted_network_by_the_configured_rules()
    {
        await using var api = await RoutingApi.StartAsync(new Dictionary<string, string?>
        {
            ["SnowOps:Routing:Priorities:ByHighway:residential"] = "P2",
            ["SnowOps:Routing:Priorities:Bridges"] = "",
        });
        using var content = new StringContent(Beijing.Streets, System.Text.Encoding.UTF8, "application/geo+json");

        using var response = await api.SendAsync(HttpMethod.Post, "/api/network", ServiceDefaults.Auth.Roles.Admin, content);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var classes = await api.QueryAsync(db => Task.FromResult(db.Segments.AsEnumerable().GroupBy(s => s.Name!).ToDictionary(g => g.Key, g => g.First().PriorityClass)));
        Assert.Equal("P2", classes["Jintai Lane"]);
        Assert.Equal("P2", classes["Tonghui River Bridge"]);
        Assert.Equal("P1", classes["Jianguo Road"]);
    }
}
