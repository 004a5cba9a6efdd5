using SnowOps.Demo.Crews;

namespace SnowOps.Demo.Tests;

/// <summary>Where a simulated plow shares its position: the ends of the segments it serves, in order.</summary>
public sealed class A_plow_on_its_route
{
    // Three segments east along a parallel: 0 → 100 m → 110 m → 300 m.
    const string Route = "MULTILINESTRING ((7.42 43.73, 7.421243 43.73), (7.421243 43.73, 7.421367 43.73), (7.421367 43.73, 7.423729 43.73))";

    [Fact]
    public void Should_stop_at_each_segment_end_but_one_a_few_meters_from_the_last()
    {
        var stops = CrewWork.Stops(Route);

        Assert.Equal([7.42, 7.421243, 7.423729], stops.Select(s => s.X));
    }

    [Fact]
    public void Should_spread_at_most_the_given_stops_along_the_route_and_end_at_its_end()
    {
        var stops = CrewWork.Stops(Route, most: 2);

        Assert.Equal([7.421243, 7.423729], stops.Select(s => s.X));
    }
}
