using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// The real OpenStreetMap extract of Monaco (and the French streets around it that the extract holds) read with the
/// default rules. The counts were measured once and are pinned: a change in them is a change in the import.
/// </summary>
public sealed class When_an_OpenStreetMap_extract_is_imported
{
    static readonly List<RoadSegment> Segments = Monaco.Segments;
    static readonly NetworkSummary Summary = NetworkSummary.Of(Segments);

    [Fact]
    public void Should_give_the_measured_network()
    {
        Assert.Equal(2725, Summary.Segments);
        Assert.Equal(2264, Summary.Nodes);
        Assert.Equal(1341, Summary.Intersections);
        Assert.Equal(510, Summary.DeadEnds);
        Assert.Equal(343.89, Summary.LengthKm, precision: 2);
        Assert.Equal(21, Summary.Components);
    }

    [Fact]
    public void Should_give_the_measured_priority_classes()
    {
        Assert.Equal(new Dictionary<string, int> { ["P1"] = 1198, ["P2"] = 352, ["P3"] = 1175 }, Summary.SegmentsByPriority);
        Assert.Equal(new Dictionary<string, double> { ["P1"] = 120.32, ["P2"] = 66.53, ["P3"] = 157.04 }, Summary.KmByPriority);
    }

    [Fact]
    public void Should_find_bridges_and_emergency_access_and_mark_de_icing()
    {
        Assert.Equal(58, Summary.Bridges);
        Assert.Equal(0, Summary.Slopes); // the extract has no incline tags on its streets
        Assert.Equal(686, Summary.EmergencyAccess); // within 300 m of its 5 hospitals and 3 fire stations
        Assert.Equal(118, Summary.DeIcingSegments);
        Assert.All(Segments.Where(s => s.Bridge), s => Assert.Equal("P1", s.PriorityClass));
        Assert.Equal(6, Segments.Count(s => s.Bridge && s.Name == "La Provençale"));
    }

    [Fact]
    public void Should_keep_the_measured_share_of_one_way_streets_and_their_lanes()
    {
        Assert.Equal(1136, Summary.OneWaySegments);
        Assert.Equal(0.417, (double)Summary.OneWaySegments / Summary.Segments, precision: 3);
        Assert.Equal(447, Segments.Count(s => s.Passes > 1 || s.PassesBackward > 1));
        Assert.All(Segments.Where(s => s.OneWay), s => Assert.Equal(0, s.PassesBackward));
    }

    [Fact]
    public void Should_hold_the_great_majority_of_segments_in_one_strongly_connected_component()
    {
        // What is left out is real: the A8's carriageways leave the extract at its edges, and short one-way service
        // roads (car park ramps, drives) have no way back among the kept streets.
        Assert.Equal(112, Summary.StrongComponents);
        Assert.Equal(2521, Summary.LargestStrongComponentSegments);
        Assert.True(Summary.LargestStrongComponentSegments >= 0.92 * Summary.Segments);
    }

    [Fact]
    public void Should_keep_only_drivable_highways()
    {
        var highways = Segments.Select(s => s.Highway).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["living_street", "motorway", "motorway_link", "primary", "primary_link", "residential", "secondary",
             "secondary_link", "service", "tertiary", "tertiary_link", "unclassified"],
            highways);
    }

    [Fact]
    public void Should_cut_every_way_at_its_intersections_and_nowhere_else()
    {
        var ends = Segments.SelectMany(s => new[] { s.Geometry.Coordinates[0], s.Geometry.Coordinates[^1] }).Select(c => (c.X, c.Y)).ToHashSet();

        // No segment passes through a point where another segment starts or ends…
        Assert.DoesNotContain(Segments, s => s.Geometry.Coordinates[1..^1].Any(c => ends.Contains((c.X, c.Y))));
        // …and every node id stands for one point.
        var points = new Dictionary<long, (double, double)>();
        foreach (var s in Segments)
        {
            foreach (var (node, point) in new[] { (s.FromNode, s.Geometry.Coordinates[0]), (s.ToNode, s.Geometry.Coordinates[^1]) })
                Assert.Equal(points.TryAdd(node, (point.X, point.Y)) ? (point.X, point.Y) : points[node], (point.X, point.Y));
        }
    }

    [Fact]
    public void Should_keep_each_segment_a_WGS84_line_with_its_OSM_way_and_length()
    {
        Assert.All(Segments, s =>
        {
            Assert.Equal("LineString", s.Geometry.GeometryType);
            Assert.Equal(4326, s.Geometry.SRID);
            Assert.InRange(s.Geometry.Coordinates[0].X, 7.3, 7.6);
            Assert.InRange(s.Geometry.Coordinates[0].Y, 43.6, 43.8);
            Assert.NotNull(s.WayId);
            Assert.Equal(Geodesy.LengthMeters((NetTopologySuite.Geometries.LineString)s.Geometry), s.LengthMeters, precision: 6);
        });
        Assert.Equal(Enumerable.Range(1, Segments.Count).Select(i => (long)i), Segments.Select(s => s.Id));
    }

    [Fact]
    public void Should_take_private_streets_in_when_the_city_plows_them()
    {
        var options = new RoutingOptions();
        options.Roads.SkipAccess["private"] = false;

        Assert.Equal(2804, Monaco.Read(options).Count);
    }
}
