using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// Lanes give the plow passes each direction needs: by default a pass per lane, at least one;
/// <c>lanes:forward</c>/<c>lanes:backward</c> say it per direction, else a two-way street's lanes are shared out.
/// </summary>
public sealed class When_a_street_has_lanes
{
    static RoadSegment Street(string tags, RoutingOptions? options = null) =>
        Assert.Single(Streets.Read(options, Streets.Line("highway=primary | " + tags, (7.4186, 43.7300), (7.4214, 43.7300))));

    [Theory]
    [InlineData("lanes=4", 2, 2)]
    [InlineData("lanes=3", 2, 1)]
    [InlineData("lanes=2", 1, 1)]
    [InlineData("lanes=1", 1, 1)]
    [InlineData("lanes=3 | lanes:forward=1", 1, 2)]
    [InlineData("lanes=5 | lanes:backward=3", 2, 3)]
    [InlineData("lanes:forward=2 | lanes:backward=1", 2, 1)]
    [InlineData("lanes=2;3", 1, 1)]
    [InlineData("lanes=many", 1, 1)]
    [InlineData("name=Avenue without lanes", 1, 1)]
    public void Should_give_a_two_way_street_passes_per_direction(string tags, int forward, int backward)
    {
        var street = Street(tags);

        Assert.False(street.OneWay);
        Assert.Equal((forward, backward), (street.Passes, street.PassesBackward));
    }

    [Theory]
    [InlineData("oneway=yes | lanes=3", 3)]
    [InlineData("oneway=yes | lanes=3 | lanes:forward=2", 2)]
    [InlineData("oneway=-1 | lanes=2", 2)]
    [InlineData("oneway=-1 | lanes=4 | lanes:backward=3", 3)]
    [InlineData("oneway=yes", 1)]
    public void Should_give_a_one_way_street_all_its_lanes_in_its_direction(string tags, int passes)
    {
        var street = Street(tags);

        Assert.True(street.OneWay);
        Assert.Equal((passes, 0), (street.Passes, street.PassesBackward));
    }

    [Theory]
    [InlineData("oneway=yes | lanes=3", 2)]
    [InlineData("oneway=yes | lanes=4", 2)]
    [InlineData("oneway=yes | lanes=1", 1)]
    public void Should_follow_the_city_s_lanes_per_pass(string tags, int passes)
    {
        var options = new RoutingOptions { Roads = { LanesPerPass = 2 } };

        Assert.Equal(passes, Street(tags, options).Passes);
    }

    [Fact]
    public void Should_give_at_least_the_city_s_minimum_passes()
    {
        var options = new RoutingOptions { Roads = { MinPasses = 2 } };

        var street = Street("lanes=2", options);

        Assert.Equal((2, 2), (street.Passes, street.PassesBackward));
    }
}
