using SnowOps.Routing.Network;
using SnowOps.Routing.Network.Import;

namespace SnowOps.Routing.Tests;

/// <summary>Streets are cut into segments where they meet: at a node two streets share, and at each street's end.</summary>
public sealed class When_streets_meet
{
    // A cross of two streets about 220 m long, meeting at (7.4200, 43.7300).
    static readonly string NorthSouth = Streets.Line("name=Rue Nord-Sud | highway=residential", (7.4200, 43.7290), (7.4200, 43.7300), (7.4200, 43.7310));
    static readonly string EastWest = Streets.Line("name=Rue Est-Ouest | highway=residential", (7.4186, 43.7300), (7.4200, 43.7300), (7.4214, 43.7300));

    [Fact]
    public void Should_cut_a_cross_of_two_lines_into_four_segments_sharing_one_node()
    {
        var segments = Streets.Read(NorthSouth, EastWest);

        Assert.Equal(4, segments.Count);
        var centre = CoordinateNode.Id(7.4200, 43.7300);
        Assert.All(segments, s => Assert.True(s.FromNode == centre || s.ToNode == centre));
        Assert.Equal(5, segments.SelectMany(s => new[] { s.FromNode, s.ToNode }).Distinct().Count());
        Assert.All(segments, s => Assert.Equal(2, s.Geometry.NumPoints));
        // Each arm is 0.001° of latitude (≈ 111 m) or 0.0014° of longitude at 43.73° (≈ 112 m).
        Assert.All(segments, s => Assert.InRange(s.LengthMeters, 110, 114));
        Assert.Equal(2, segments.Count(s => s.Name == "Rue Nord-Sud"));
    }

    [Fact]
    public void Should_cut_an_OSM_cross_at_the_node_both_ways_share_and_keep_the_OSM_node_ids()
    {
        var segments = new OsmFile()
            .Node(1, 7.4200, 43.7290).Node(2, 7.4200, 43.7300).Node(3, 7.4200, 43.7310)
            .Node(4, 7.4186, 43.7300).Node(5, 7.4214, 43.7300)
            .Way(10, [1, 2, 3], ("highway", "residential"), ("name", "Rue Nord-Sud"))
            .Way(11, [4, 2, 5], ("highway", "residential"), ("name", "Rue Est-Ouest"))
            .Read();

        Assert.Equal(4, segments.Count);
        Assert.Equal([(1L, 2L), (2L, 3L), (4L, 2L), (2L, 5L)], segments.Select(s => (s.FromNode, s.ToNode)).ToList());
        Assert.Equal([10L, 10L, 11L, 11L], segments.Select(s => s.WayId!.Value).ToList());
        Assert.Equal([1L, 2L, 3L, 4L], segments.Select(s => s.Id).ToList());
    }

    [Fact]
    public void Should_not_join_lines_that_cross_without_a_shared_point_as_a_bridge_over_a_street_does()
    {
        var bridge = Streets.Line("highway=primary | bridge=yes", (7.4186, 43.7300), (7.4214, 43.7300));
        var below = Streets.Line("highway=residential", (7.4200, 43.7290), (7.4200, 43.7310));

        var segments = Streets.Read(bridge, below);

        Assert.Equal(2, segments.Count);
        Assert.Empty(segments[0].Geometry.Coordinates.Select(c => CoordinateNode.Id(c.X, c.Y))
            .Intersect(segments[1].Geometry.Coordinates.Select(c => CoordinateNode.Id(c.X, c.Y))));
    }

    [Fact]
    public void Should_cut_a_street_where_another_ends_on_it()
    {
        var through = Streets.Line("highway=secondary", (7.4186, 43.7300), (7.4200, 43.7300), (7.4214, 43.7300));
        var side = Streets.Line("highway=residential", (7.4200, 43.7310), (7.4200, 43.7300));

        var segments = Streets.Read(through, side);

        Assert.Equal(3, segments.Count);
        var junction = CoordinateNode.Id(7.4200, 43.7300);
        Assert.Equal(3, segments.Count(s => s.FromNode == junction || s.ToNode == junction));
    }

    [Fact]
    public void Should_connect_lines_whose_ends_round_to_the_same_point_and_keep_a_bend_inside_one_segment()
    {
        var first = Streets.Line("highway=residential", (7.4186, 43.7300), (7.4193, 43.7302), (7.4200, 43.7300));
        var second = Streets.Line("highway=residential", (7.420000000004, 43.730000000003), (7.4214, 43.7300));

        var segments = Streets.Read(first, second);

        Assert.Equal(2, segments.Count);
        Assert.Equal(segments[0].ToNode, segments[1].FromNode);
        Assert.Equal(3, segments[0].Geometry.NumPoints);
        var (lon, lat) = CoordinateNode.Coordinate(segments[0].ToNode);
        Assert.Equal(7.4200, lon, precision: 7);
        Assert.Equal(43.7300, lat, precision: 7);
    }

    [Fact]
    public void Should_cut_a_loop_where_it_comes_back_to_its_own_node()
    {
        // A cul-de-sac ending in a turning loop: 1-2-3-4-2. Node 2 is used twice by the same way.
        var segments = new OsmFile()
            .Node(1, 7.4200, 43.7290).Node(2, 7.4200, 43.7300).Node(3, 7.4205, 43.7305).Node(4, 7.4195, 43.7305)
            .Way(10, [1, 2, 3, 4, 2], ("highway", "residential"))
            .Read();

        Assert.Equal([(1L, 2L), (2L, 2L)], segments.Select(s => (s.FromNode, s.ToNode)).ToList());
        Assert.Equal(4, segments[1].Geometry.NumPoints);
    }

    [Fact]
    public void Should_keep_the_reachable_part_of_a_way_cut_off_at_the_edge_of_an_extract()
    {
        // Node 3 is outside the extract: the way keeps 1-2, and 4-5 on the other side of the gap.
        var segments = new OsmFile()
            .Node(1, 7.4200, 43.7290).Node(2, 7.4200, 43.7300).Node(4, 7.4200, 43.7320).Node(5, 7.4200, 43.7330)
            .Way(10, [1, 2, 3, 4, 5], ("highway", "tertiary"))
            .Read();

        Assert.Equal([(1L, 2L), (4L, 5L)], segments.Select(s => (s.FromNode, s.ToNode)).ToList());
    }
}
