using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>NetworkImport reads a GeoJSON FeatureCollection of streets (OpenStreetMap-style properties) into road segments.</summary>
public sealed class When_a_road_network_is_imported
{
    readonly List<RoadSegment> _segments = Beijing.Read();

    RoadSegment Street(string name) => Assert.Single(_segments, s => s.Name == name);

    [Fact]
    public void Should_make_one_segment_per_line_and_skip_what_is_not_a_road()
    {
        Assert.Equal(6, _segments.Count);
        Assert.DoesNotContain(_segments, s => s.Name == "Guomao");
        Assert.All(_segments, s => Assert.Equal("LineString", s.Geometry.GeometryType));
    }

    [Theory]
    [InlineData("Jianguo Road", "primary", "P1")]
    [InlineData("Jintai Lane", "residential", "P3")]
    [InlineData("Guanghua Road", "secondary", "P2")]
    public void Should_class_a_street_by_its_highway_tag(string name, string highway, string priority)
    {
        var street = Street(name);

        Assert.Equal(highway, street.Highway);
        Assert.Equal(priority, street.PriorityClass);
        Assert.False(street.NeedsDeIcing);
    }

    [Fact]
    public void Should_class_a_bridge_P1_and_mark_it_for_de_icing_even_on_a_residential_street()
    {
        var bridge = Street("Tonghui River Bridge");

        Assert.Equal("residential", bridge.Highway);
        Assert.Equal("P1", bridge.PriorityClass);
        Assert.True(bridge.NeedsDeIcing);
    }

    [Fact]
    public void Should_not_take_bridge_no_for_a_bridge()
    {
        var lane = Street("Jintai Lane");

        Assert.Equal("P3", lane.PriorityClass);
        Assert.False(lane.NeedsDeIcing);
    }

    [Fact]
    public void Should_split_a_multilinestring_into_one_segment_per_part_with_the_street_tags()
    {
        var parts = _segments.Where(s => s.Name == "Dawang Road").OrderBy(s => s.Geometry.Coordinates[0].Y).ToList();

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal("P2", p.PriorityClass));
        var south = Beijing.Metres((116.4720, 39.9080), (116.4720, 39.9095)); // ≈ 167 m
        var north = Beijing.Metres((116.4720, 39.9100), (116.4720, 39.9130)); // ≈ 334 m
        Assert.Equal(south, parts[0].LengthMeters, tolerance: south * 0.01);
        Assert.Equal(north, parts[1].LengthMeters, tolerance: north * 0.01);
    }

    [Fact]
    public void Should_measure_a_thousandth_of_a_degree_of_latitude_as_about_111_metres()
    {
        Assert.Equal(111.2, Street("Tonghui River Bridge").LengthMeters, tolerance: 111.2 * 0.01);
    }

    [Theory]
    [InlineData("Jianguo Road", 116.4600, 39.9080, 116.4700, 39.9080)] // ≈ 853 m east-west (three points on one parallel)
    [InlineData("Tonghui River Bridge", 116.4650, 39.9060, 116.4650, 39.9070)] // ≈ 111 m north-south
    [InlineData("Jintai Lane", 116.4680, 39.9100, 116.4680, 39.9120)] // ≈ 222 m
    [InlineData("Guanghua Road", 116.4600, 39.9140, 116.4680, 39.9140)] // ≈ 682 m
    public void Should_measure_each_street_in_metres_along_the_ground(string name, double fromLon, double fromLat, double toLon, double toLat)
    {
        var expected = Beijing.Metres((fromLon, fromLat), (toLon, toLat));

        Assert.Equal(expected, Street(name).LengthMeters, tolerance: expected * 0.01);
    }

    [Fact]
    public void Should_keep_the_coordinates_as_longitude_latitude_in_WGS84()
    {
        var road = Street("Jianguo Road");

        Assert.Equal(4326, road.Geometry.SRID);
        Assert.Equal(116.4600, road.Geometry.Coordinates[0].X, precision: 6);
        Assert.Equal(39.9080, road.Geometry.Coordinates[0].Y, precision: 6);
    }

    [Fact]
    public void Should_use_the_city_s_own_priority_rules()
    {
        var rules = new PriorityRules { Fallback = "P4" };
        rules.ByHighway["residential"] = "P2";

        var segments = Beijing.Read(rules: rules);

        Assert.Equal("P2", Assert.Single(segments, s => s.Name == "Jintai Lane").PriorityClass);
        Assert.Equal("P1", Assert.Single(segments, s => s.Name == "Tonghui River Bridge").PriorityClass);
    }

    [Fact]
    public void Should_not_take_a_boolean_false_bridge_tag_for_a_bridge()
    {
        var segments = Beijing.Read("""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Jintai Lane", "highway": "residential", "bridge": false },
                "geometry": { "type": "LineString", "coordinates": [[116.4680, 39.9100], [116.4680, 39.9120]] } } ] }
            """);

        var lane = Assert.Single(segments);
        Assert.Equal("P3", lane.PriorityClass);
        Assert.False(lane.NeedsDeIcing);
    }
}

/// <summary>What is not a street network is refused with the reason, before anything is stored.</summary>
public sealed class When_a_bad_road_network_is_imported
{
    static FormatException Refused(string body) => Assert.Throws<FormatException>(() => Beijing.Read(body));

    [Fact]
    public void Should_refuse_a_body_that_is_not_JSON()
    {
        Assert.Contains("not a GeoJSON FeatureCollection", Refused("Jianguo Road, primary, 116.46 39.908").Message);
    }

    [Fact]
    public void Should_refuse_a_single_feature_that_is_not_a_collection()
    {
        Refused("""
            { "type": "Feature", "properties": { "highway": "primary" },
              "geometry": { "type": "LineString", "coordinates": [[116.46, 39.908], [116.47, 39.908]] } }
            """);
    }

    [Theory]
    [InlineData("""{ "type": "FeatureCollection", "features": [] }""")]
    [InlineData("null")]
    public void Should_refuse_an_empty_collection(string body)
    {
        Assert.Contains("no features", Refused(body).Message);
    }

    [Fact]
    public void Should_refuse_a_collection_with_only_points()
    {
        var refused = Refused("""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Guomao", "railway": "station" },
                "geometry": { "type": "Point", "coordinates": [116.4610, 39.9085] } },
              { "type": "Feature", "properties": { "name": "Dawanglu", "railway": "station" },
                "geometry": { "type": "Point", "coordinates": [116.4760, 39.9080] } } ] }
            """);

        Assert.Contains("LineString", refused.Message);
    }

    [Theory]
    [InlineData("[[200.0, 39.908], [200.01, 39.908]]")]
    [InlineData("[[116.46, 39.908], [116.46, 95.0]]")]
    [InlineData("[[116.46, -91.0], [116.47, -91.0]]")]
    [InlineData("[[-180.5, 39.908], [-180.0, 39.908]]")]
    public void Should_refuse_coordinates_outside_longitude_and_latitude(string coordinates)
    {
        var refused = Refused($$"""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Jianguo Road", "highway": "primary" },
                "geometry": { "type": "LineString", "coordinates": [[116.46, 39.908], [116.47, 39.908]] } },
              { "type": "Feature", "properties": { "name": "Nowhere", "highway": "primary" },
                "geometry": { "type": "LineString", "coordinates": {{coordinates}} } } ] }
            """);

        Assert.Contains("outside", refused.Message);
    }
}

/// <summary>PriorityRules: which class a street falls in, from its OpenStreetMap highway tag.</summary>
public sealed class When_a_street_is_classed
{
    [Theory]
    [InlineData("motorway", "P1")]
    [InlineData("trunk", "P1")]
    [InlineData("primary", "P1")]
    [InlineData("Primary", "P1")]
    [InlineData("secondary", "P2")]
    [InlineData("tertiary", "P2")]
    [InlineData("residential", "P3")]
    [InlineData("service", "P3")]
    [InlineData("", "P3")]
    public void Should_follow_the_highway_tag(string highway, string priority)
    {
        Assert.Equal(priority, new PriorityRules().Classify(highway, bridge: false));
    }

    [Theory]
    [InlineData("residential")]
    [InlineData("tertiary")]
    [InlineData("service")]
    public void Should_put_a_bridge_in_P1_whatever_its_highway(string highway)
    {
        Assert.Equal("P1", new PriorityRules().Classify(highway, bridge: true));
    }
}
