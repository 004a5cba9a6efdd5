using SnowOps.Routing.Fleet;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Scale;

namespace SnowOps.Routing.Tests;

/// <summary>KeptSnowAreas: which areas are used, which are refused and why, and what "inside" means.</summary>
public sealed class When_a_kept_snow_area_is_read
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("POLYGON EMPTY", "empty")]
    [InlineData("POLYGON ((116.40 39.90, 116.41 39.90", "not WKT")]
    [InlineData("park by the river", "not WKT")]
    [InlineData("POLYGON ((116.40 39.90, 116.41 39.90, 116.41 39.91))", "not WKT")]
    [InlineData("LINESTRING (116.40 39.90, 116.41 39.91)", "not a POLYGON")]
    [InlineData("POINT (116.40 39.90)", "not a POLYGON")]
    [InlineData("POLYGON ((39.90 116.40, 39.91 116.40, 39.91 116.41, 39.90 116.40))", "outside longitude")]
    [InlineData("POLYGON ((116.40 39.90, 116.41 39.91, 116.41 39.90, 116.40 39.91, 116.40 39.90))", "not valid")]
    public void Should_refuse_what_is_not_a_valid_lon_lat_polygon_and_say_why(string wkt, string reason)
    {
        var areas = KeptSnowAreas.Read([TestCity.Rectangle(0, 0, 1, 1), wkt]);

        Assert.Equal(1, areas.Count);
        var rejected = Assert.Single(areas.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.Contains(reason, rejected.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_a_multipolygon_and_no_areas_at_all()
    {
        var multi = "MULTIPOLYGON (" + TestCity.Rectangle(0, 0, 1, 1)["POLYGON ".Length..] + ", " + TestCity.Rectangle(2, 2, 3, 3)["POLYGON ".Length..] + ")";

        Assert.Equal(1, KeptSnowAreas.Read([multi]).Count);
        Assert.Empty(KeptSnowAreas.Read([multi]).Rejected);
        Assert.Equal(0, KeptSnowAreas.Read(null).Count);
    }

    [Fact]
    public void Should_count_a_street_as_inside_when_its_middle_is()
    {
        // One row of three streets; the area is a narrow strip across the middle of the second one, whose ends lie outside it.
        var streets = GridCity.Generate(1, 4, seed: 3, TestCity.Lon, TestCity.Lat);
        var areas = KeptSnowAreas.Read([TestCity.Rectangle(1.25, -0.5, 1.75, 0.5)]);

        Assert.Equal([false, true, false], streets.Select(areas.Contains).ToList());
        Assert.Equal([streets[1].Id], areas.Kept(streets, ["P1"], servedClasses: null));
        Assert.Empty(areas.Kept(streets, ["P1"], servedClasses: ["P1"]));
        Assert.Empty(areas.Kept(streets, ["P2"], servedClasses: null));
    }

    [Fact]
    public void Should_let_a_plow_drive_through_a_kept_street_without_plowing_it()
    {
        // The depot is at the east end of the row: the west street can only be reached through the kept one.
        var streets = GridCity.Generate(1, 4, seed: 3, TestCity.Lon, TestCity.Lat);
        var kept = KeptSnowAreas.Read([TestCity.Rectangle(1.25, -0.5, 1.75, 0.5)]).Kept(streets, ["P1"], servedClasses: null);
        var options = TestCity.Options(plows: 1, spreaders: 0);

        var plan = PlowPlanner.Plan(new PlanRequest(streets, ["P1"], FleetRoster.For(options.Fleet, 0), options, -3) { NoService = kept });

        var steps = Assert.Single(plan.Routes).Steps;
        Assert.DoesNotContain(steps, s => s.Service && kept.Contains(s.SegmentId));
        Assert.Contains(steps, s => !s.Service && kept.Contains(s.SegmentId));
        Assert.Equal(PlanChecks.Passes(streets[0]).Order(), steps.Where(s => s.Service && s.SegmentId == streets[0].Id).Select(s => s.Pass).Order());
        Assert.Empty(plan.Unserved);
    }
}
