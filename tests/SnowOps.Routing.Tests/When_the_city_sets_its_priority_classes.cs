using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// Priority classes come from the tags and the city's rules: arterials, bridges and steep slopes P1, collectors P2,
/// the rest P3; bridges, slopes and ramps get de-icer. A street takes the highest class any rule gives it.
/// </summary>
public sealed class When_the_city_sets_its_priority_classes
{
    static RoadSegment Street(string tags, RoutingOptions? options = null) =>
        Assert.Single(Streets.Read(options, Streets.Line(tags, (7.4186, 43.7300), (7.4214, 43.7300))));

    [Theory]
    [InlineData("highway=motorway", "P1")]
    [InlineData("highway=trunk_link", "P1")]
    [InlineData("highway=primary", "P1")]
    [InlineData("highway=secondary", "P2")]
    [InlineData("highway=tertiary_link", "P2")]
    [InlineData("highway=residential", "P3")]
    [InlineData("highway=service", "P3")]
    [InlineData("highway=unclassified", "P3")]
    public void Should_class_by_highway(string tags, string priority)
    {
        Assert.Equal(priority, Street(tags).PriorityClass);
    }

    [Theory]
    [InlineData("bridge=yes")]
    [InlineData("bridge=viaduct")]
    [InlineData("bridge=movable")]
    public void Should_raise_any_bridge_to_P1_and_de_ice_it(string bridge)
    {
        var street = Street("highway=residential | " + bridge);

        Assert.Equal("P1", street.PriorityClass);
        Assert.True(street.Bridge);
        Assert.True(street.NeedsDeIcing);
    }

    [Theory]
    [InlineData("incline=12%", true)]
    [InlineData("incline=-8%", true)]
    [InlineData("incline=10", true)]
    [InlineData("incline=5°", true)] // tan 5° ≈ 8.7 %
    [InlineData("incline=up", true)]
    [InlineData("incline=down", true)]
    [InlineData("incline=5%", false)]
    [InlineData("incline=-7.9%", false)]
    [InlineData("incline=0%", false)]
    [InlineData("incline=steep-ish", false)]
    public void Should_raise_a_steep_slope_to_P1_and_de_ice_it(string incline, bool steep)
    {
        var street = Street("highway=residential | " + incline);

        Assert.Equal(steep, street.Slope);
        Assert.Equal(steep, street.NeedsDeIcing);
        Assert.Equal(steep ? "P1" : "P3", street.PriorityClass);
    }

    [Fact]
    public void Should_take_the_city_s_steepness_and_its_rule_for_slopes_without_a_grade()
    {
        var options = new RoutingOptions { Priorities = { SteepInclinePercent = 5, InclineWithoutGradeIsSteep = false } };

        Assert.True(Street("highway=residential | incline=-5%", options).Slope);
        Assert.False(Street("highway=residential | incline=up", options).Slope);
    }

    [Theory]
    [InlineData("highway=motorway_link", true)]
    [InlineData("highway=trunk_link", true)]
    [InlineData("highway=primary_link", true)]
    [InlineData("highway=secondary_link", false)]
    [InlineData("highway=primary", false)]
    public void Should_de_ice_the_ramps_of_main_roads(string tags, bool deIced)
    {
        Assert.Equal(deIced, Street(tags).NeedsDeIcing);
    }

    [Fact]
    public void Should_de_ice_the_ramps_the_city_names_without_raising_their_class()
    {
        var options = new RoutingOptions();
        options.Priorities.DeIceHighways["tertiary_link"] = true;

        var ramp = Street("highway=tertiary_link", options);

        Assert.True(ramp.NeedsDeIcing);
        Assert.Equal("P2", ramp.PriorityClass);
    }

    [Fact]
    public void Should_let_configuration_override_a_highway_class()
    {
        var options = new RoutingOptions();
        options.Priorities.ByHighway["residential"] = "P2";
        options.Priorities.ByHighway["primary"] = "P2";
        options.Priorities.Fallback = "P4";

        Assert.Equal("P2", Street("highway=residential", options).PriorityClass);
        Assert.Equal("P2", Street("highway=primary", options).PriorityClass);
        Assert.Equal("P4", Street("highway=service", options).PriorityClass);
        Assert.Equal("P1", Street("highway=service | bridge=yes", options).PriorityClass);
    }

    [Fact]
    public void Should_class_bridges_and_slopes_by_highway_alone_when_the_city_says_so_and_still_de_ice_them()
    {
        var options = new RoutingOptions { Priorities = { Bridges = "", Slopes = "P2" } };

        var bridge = Street("highway=residential | bridge=yes", options);
        var slope = Street("highway=residential | incline=15%", options);

        Assert.Equal("P3", bridge.PriorityClass);
        Assert.True(bridge.NeedsDeIcing);
        Assert.Equal("P2", slope.PriorityClass);
        Assert.Equal("P1", Street("highway=primary | incline=15%", options).PriorityClass);
    }

    [Fact]
    public void Should_take_a_class_a_city_file_gives_a_street_over_the_rules()
    {
        Assert.Equal("P2", Street("highway=primary | priority=P2").PriorityClass);
    }

    [Fact]
    public void Should_refuse_a_given_class_too_long_to_be_one()
    {
        Assert.Throws<FormatException>(() => Street("highway=primary | priority=" + new string('P', 20)));
    }
}
