using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>One-way streets are stored in their direction of travel; two-way streets are one segment driven both ways.</summary>
public sealed class When_a_street_is_one_way
{
    /// <summary>A street drawn west to east, from node 1 to node 2, with the given tags.</summary>
    static RoadSegment Street(params (string, string)[] tags) => Assert.Single(new OsmFile()
        .Node(1, 7.4186, 43.7300).Node(2, 7.4200, 43.7301).Node(3, 7.4214, 43.7300)
        .Way(10, [1, 2, 3], tags)
        .Read());

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("true")]
    public void Should_keep_a_oneway_yes_street_in_the_direction_it_is_drawn(string oneway)
    {
        var street = Street(("highway", "residential"), ("oneway", oneway));

        Assert.True(street.OneWay);
        Assert.Equal((1L, 3L), (street.FromNode, street.ToNode));
        Assert.Equal(7.4186, street.Geometry.Coordinates[0].X, tolerance: 1e-6); // PBF keeps 100 nanodegrees
        Assert.Equal(0, street.PassesBackward);
    }

    [Fact]
    public void Should_turn_a_oneway_minus_one_street_round_so_it_runs_the_way_traffic_drives()
    {
        var street = Street(("highway", "residential"), ("oneway", "-1"));

        Assert.True(street.OneWay);
        Assert.Equal((3L, 1L), (street.FromNode, street.ToNode));
        Assert.Equal([7.4214, 7.4200, 7.4186], street.Geometry.Coordinates.Select(c => Math.Round(c.X, 6)).ToArray());
        Assert.Equal(1, street.Passes);
        Assert.Equal(0, street.PassesBackward);
    }

    [Fact]
    public void Should_turn_a_oneway_minus_one_GeoJSON_street_round_too()
    {
        var street = Assert.Single(Streets.Read(Streets.Line("highway=tertiary | oneway=-1", (7.4186, 43.7300), (7.4214, 43.7300))));

        Assert.True(street.OneWay);
        Assert.Equal(7.4214, street.Geometry.Coordinates[0].X, precision: 7);
        Assert.Equal(7.4186, street.Geometry.Coordinates[^1].X, precision: 7);
    }

    [Theory]
    [InlineData("highway", "motorway", "junction", "")]
    [InlineData("highway", "motorway_link", "junction", "")]
    [InlineData("highway", "primary", "junction", "roundabout")]
    [InlineData("highway", "residential", "junction", "circular")]
    public void Should_take_motorways_and_roundabouts_as_one_way_when_untagged(string key, string highway, string junctionKey, string junction)
    {
        var street = Street((key, highway), (junctionKey, junction));

        Assert.True(street.OneWay);
        Assert.Equal((1L, 3L), (street.FromNode, street.ToNode));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("false")]
    [InlineData("0")]
    public void Should_take_a_motorway_tagged_oneway_no_as_two_way(string oneway)
    {
        Assert.False(Street(("highway", "motorway"), ("oneway", oneway)).OneWay);
    }

    [Fact]
    public void Should_take_an_untagged_street_as_two_way_with_passes_each_way()
    {
        var street = Street(("highway", "residential"));

        Assert.False(street.OneWay);
        Assert.Equal((1, 1), (street.Passes, street.PassesBackward));
    }

    [Fact]
    public void Should_let_the_city_say_which_highways_are_one_way_by_default()
    {
        var options = new RoutingOptions();
        options.Roads.OneWayHighways["motorway"] = false;
        options.Roads.OneWayJunctions["roundabout"] = false;

        var motorway = Assert.Single(new OsmFile().Node(1, 7.41, 43.73).Node(2, 7.42, 43.73).Way(10, [1, 2], ("highway", "motorway")).Read(options));
        var roundabout = Assert.Single(new OsmFile().Node(1, 7.41, 43.73).Node(2, 7.42, 43.73).Way(10, [1, 2], ("highway", "primary"), ("junction", "roundabout")).Read(options));

        Assert.False(motorway.OneWay);
        Assert.False(roundabout.OneWay);
    }
}
