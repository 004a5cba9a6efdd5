using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>Only drivable ways become segments: the city's highway set, open to motor traffic, not areas.</summary>
public sealed class When_ways_are_not_all_streets
{
    static List<RoadSegment> Read(RoutingOptions? options, params (string, string)[][] ways)
    {
        var file = new OsmFile();
        for (var i = 0; i < ways.Length; i++)
        {
            // Each way on its own parallel, so none meets another.
            file.Node(2 * i + 1, 7.4186, 43.7300 + i * 0.001).Node(2 * i + 2, 7.4214, 43.7300 + i * 0.001)
                .Way(100 + i, [2 * i + 1, 2 * i + 2], ways[i]);
        }
        return file.Read(options);
    }

    static (string, string)[] Tags(params (string, string)[] tags) => tags;

    [Theory]
    [InlineData("footway")]
    [InlineData("path")]
    [InlineData("cycleway")]
    [InlineData("steps")]
    [InlineData("pedestrian")]
    [InlineData("track")]
    [InlineData("construction")]
    [InlineData("proposed")]
    [InlineData("bus_stop")]
    public void Should_skip_ways_a_plow_does_not_drive(string highway)
    {
        var segments = Read(null, Tags(("highway", "residential"), ("name", "kept")), Tags(("highway", highway)));

        Assert.Equal("kept", Assert.Single(segments).Name);
    }

    [Theory]
    [InlineData("motorway")]
    [InlineData("trunk_link")]
    [InlineData("unclassified")]
    [InlineData("living_street")]
    [InlineData("service")]
    [InlineData("tertiary_link")]
    public void Should_keep_every_drivable_highway(string highway)
    {
        Assert.Equal(highway, Assert.Single(Read(null, Tags(("highway", highway)))).Highway);
    }

    [Fact]
    public void Should_skip_a_square_mapped_as_an_area()
    {
        var segments = Read(null, Tags(("highway", "residential")), Tags(("highway", "service"), ("area", "yes")));

        Assert.Single(segments);
    }

    [Theory]
    [InlineData("access", "private", false)]
    [InlineData("access", "no", false)]
    [InlineData("motor_vehicle", "no", false)]
    [InlineData("vehicle", "private", false)]
    [InlineData("access", "destination", true)]
    [InlineData("access", "permissive", true)]
    public void Should_skip_streets_closed_to_traffic(string key, string value, bool kept)
    {
        var segments = Read(null, Tags(("highway", "residential")), Tags(("highway", "service"), (key, value)));

        Assert.Equal(kept ? 1 : 0, segments.Count(s => s.Highway == "service"));
    }

    [Fact]
    public void Should_keep_a_street_closed_to_all_but_motor_vehicles()
    {
        Assert.Single(Read(null, Tags(("highway", "service"), ("access", "no"), ("motor_vehicle", "yes"))));
    }

    [Fact]
    public void Should_keep_private_streets_when_the_city_plows_them()
    {
        var options = new RoutingOptions();
        options.Roads.SkipAccess["private"] = false;

        Assert.Single(Read(options, Tags(("highway", "service"), ("access", "private"))));
    }

    [Fact]
    public void Should_follow_the_city_s_own_highway_set()
    {
        var options = new RoutingOptions();
        options.Roads.Highways["service"] = false;
        options.Roads.Highways["track"] = true;

        var segments = Read(options, Tags(("highway", "service")), Tags(("highway", "track")));

        Assert.Equal("track", Assert.Single(segments).Highway);
    }

    [Fact]
    public void Should_refuse_a_file_with_no_drivable_street_as_unprocessable()
    {
        var refused = Assert.Throws<NoStreetsException>(() => Read(null, Tags(("highway", "footway")), Tags(("highway", "steps"))));

        Assert.Contains("no drivable street", refused.Message);
        Assert.Contains("residential", refused.Message);
    }

    [Fact]
    public void Should_name_a_street_by_its_ref_when_it_has_no_name()
    {
        var segments = Read(null, Tags(("highway", "motorway"), ("ref", "A8")), Tags(("highway", "primary"), ("name", "Boulevard du Larvotto"), ("ref", "D6098")));

        Assert.Equal(["A8", "Boulevard du Larvotto"], segments.Select(s => s.Name ?? "").ToList());
    }
}
