using SnowOps.CrewBot.Progress;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.CrewBot.Tests;

public sealed class When_positions_are_matched_to_a_route
{
    const double Lat = 39.900, Tolerance = 30;
    readonly RouteLine _route = RouteLine.Read(When_a_crew_shares_its_live_location.Route)!;

    [Fact]
    public void Should_read_one_segment_per_line_with_its_length_in_meters()
    {
        Assert.Equal(4, _route.Count);
        // 0.002° of longitude at 39.9° N, by the haversine formula: 170.62 m.
        Assert.All(_route.Lengths, length => Assert.InRange(length, 170.4, 170.9));
        Assert.InRange(_route.TotalMeters, 681.6, 683.6);
    }

    [Theory]
    [InlineData("LINESTRING (116.400 39.900, 116.402 39.900)", 1)]
    [InlineData("MULTILINESTRING ((116.400 39.900, 116.402 39.900), (116.402 39.900, 116.402 39.900, 116.402 39.902))", 2)]
    [InlineData("POINT (116.400 39.900)", 0)]
    [InlineData("POLYGON ((116.4 39.9, 116.5 39.9, 116.5 40, 116.4 39.9))", 0)]
    [InlineData("MULTILINESTRING EMPTY", 0)]
    [InlineData("not wkt at all", 0)]
    [InlineData("", 0)]
    public void Should_take_lines_and_nothing_else(string wkt, int segments) =>
        Assert.Equal(segments, RouteLine.Read(wkt)?.Count ?? 0);

    [Fact]
    public void Should_find_the_end_of_one_segment_and_the_start_of_the_next_at_a_junction()
    {
        Assert.Equal([(0, false), (1, true)], _route.EndsNear(Lat, 116.4021, Tolerance));
        Assert.Equal([(0, true)], _route.EndsNear(Lat + 0.0002, 116.4000, Tolerance));
    }

    [Fact]
    public void Should_find_no_end_beyond_the_tolerance()
    {
        // 35 m north of the junction, and mid-segment right on the road.
        Assert.Empty(_route.EndsNear(Lat + 0.000315, 116.402, Tolerance));
        Assert.Empty(_route.EndsNear(Lat, 116.403, Tolerance));
        Assert.Single(_route.EndsNear(Lat + 0.000315, 116.400, 40));
    }

    [Fact]
    public void Should_measure_the_distance_to_the_nearest_segment()
    {
        Assert.InRange(_route.DistanceMeters(Lat + 0.00225, 116.403), 249.5, 250.7);
        Assert.InRange(_route.DistanceMeters(Lat, 116.405), 0, 0.01);
        Assert.InRange(_route.DistanceMeters(Lat, 116.410), 170.4, 170.9);
    }

    [Fact]
    public void Should_pass_a_segment_once_both_its_ends_were_seen_in_either_order()
    {
        var progress = new RouteProgress();
        progress.Mark(_route.Count, _route.EndsNear(Lat, 116.4040, Tolerance));
        Assert.Equal((".es.", 0), (progress.Ends, progress.SegmentsDone));

        progress.Mark(_route.Count, _route.EndsNear(Lat, 116.4020, Tolerance));

        // The junction at 116.402 is the end of the first segment too.
        Assert.Equal(("exs.", 1), (progress.Ends, progress.SegmentsDone));
        Assert.Equal(25, progress.PercentDone(_route), 1);
    }

    [Fact]
    public void Should_come_to_the_same_marks_whatever_the_order_of_the_positions()
    {
        double[] longitudes = [116.4000, 116.4010, 116.4020, 116.4030, 116.4040, 116.4060, 116.4080];
        var forward = new RouteProgress();
        var backward = new RouteProgress();

        foreach (var lon in longitudes)
            forward.Mark(_route.Count, _route.EndsNear(Lat, lon, Tolerance));
        foreach (var lon in longitudes.Reverse())
            backward.Mark(_route.Count, _route.EndsNear(Lat, lon, Tolerance));

        Assert.Equal("xxxx", forward.Ends);
        Assert.Equal(forward.Ends, backward.Ends);
        Assert.Equal(100, forward.PercentDone(_route), 1);
    }

    [Fact]
    public void Should_never_take_a_mark_back()
    {
        var progress = new RouteProgress();
        progress.Mark(_route.Count, _route.EndsNear(Lat, 116.4000, Tolerance));
        progress.Mark(_route.Count, _route.EndsNear(Lat, 116.4020, Tolerance));

        progress.Mark(_route.Count, _route.EndsNear(Lat, 116.4000, Tolerance));
        progress.Mark(_route.Count, _route.EndsNear(Lat + 1, 116.4000, Tolerance));

        Assert.Equal("xs..", progress.Ends);
    }

    [Fact]
    public void Should_keep_the_newest_position_whatever_order_they_come_in()
    {
        var progress = new RouteProgress();
        var at = DateTimeOffset.UnixEpoch;

        progress.Seen(Lat, 116.402, at.AddMinutes(2));
        progress.Seen(Lat, 116.401, at.AddMinutes(1));

        Assert.Equal((116.402, at.AddMinutes(2)), (progress.Longitude, progress.PositionAt));
    }

    [Fact]
    public void Should_start_over_when_the_route_has_another_number_of_segments()
    {
        var progress = new RouteProgress { Ends = "xx" };

        progress.Mark(_route.Count, []);

        Assert.Equal("....", progress.Ends);
    }
}
