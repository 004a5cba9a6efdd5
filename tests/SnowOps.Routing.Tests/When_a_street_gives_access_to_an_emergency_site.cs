using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// Streets within the configured distance (300 m by default) of a hospital or fire station, mapped as a node or an
/// outline or named in configuration, are raised to P1 so that ambulances and fire engines get through.
/// </summary>
public sealed class When_a_street_gives_access_to_an_emergency_site
{
    // Residential streets running east-west: one at the hospital's latitude, one 0.002° (≈ 222 m) north,
    // one 0.004° (≈ 445 m) north. The hospital is at (7.4200, 43.7300).
    static readonly string Near = Streets.Line("name=Near | highway=residential", (7.4186, 43.7300), (7.4214, 43.7300));
    static readonly string Close = Streets.Line("name=Close | highway=residential", (7.4186, 43.7320), (7.4214, 43.7320));
    static readonly string Far = Streets.Line("name=Far | highway=residential", (7.4186, 43.7340), (7.4214, 43.7340));

    static Dictionary<string, RoadSegment> Read(RoutingOptions? options, params string[] features) =>
        Streets.Read(options, features).ToDictionary(s => s.Name!);

    [Theory]
    [InlineData("amenity=hospital")]
    [InlineData("amenity=fire_station")]
    public void Should_raise_a_residential_street_near_the_site_to_P1(string amenity)
    {
        var streets = Read(null, Near, Close, Far, Streets.Point(amenity + " | name=Site", 7.4200, 43.7300));

        Assert.Equal(("P1", true), (streets["Near"].PriorityClass, streets["Near"].EmergencyAccess));
        Assert.Equal(("P1", true), (streets["Close"].PriorityClass, streets["Close"].EmergencyAccess));
        Assert.Equal(("P3", false), (streets["Far"].PriorityClass, streets["Far"].EmergencyAccess));
        Assert.False(streets["Near"].NeedsDeIcing);
    }

    [Fact]
    public void Should_leave_streets_at_P3_without_a_site()
    {
        Assert.All(Read(null, Near, Close, Far).Values, s => Assert.Equal("P3", s.PriorityClass));
    }

    [Fact]
    public void Should_ignore_amenities_that_are_not_emergency_sites()
    {
        var streets = Read(null, Near, Streets.Point("amenity=school", 7.4200, 43.7300));

        Assert.Equal("P3", streets["Near"].PriorityClass);
    }

    [Fact]
    public void Should_measure_the_distance_to_the_street_s_line_not_to_its_ends()
    {
        // The hospital sits 0.0025° (≈ 200 m) north of the middle of a street 1.1 km long, so ≈ 550 m from either end.
        var longStreet = Streets.Line("name=Long | highway=residential", (7.4130, 43.7300), (7.4270, 43.7300));

        var streets = Read(null, longStreet, Streets.Point("amenity=hospital", 7.4200, 43.73180));

        Assert.True(streets["Long"].EmergencyAccess);
    }

    [Fact]
    public void Should_place_a_site_mapped_as_an_outline_at_its_centre()
    {
        var outline = """
            { "type": "Feature", "properties": { "amenity": "hospital", "name": "Centre Hospitalier" },
              "geometry": { "type": "Polygon", "coordinates": [[[7.4340, 43.7290], [7.4360, 43.7290], [7.4360, 43.7310], [7.4340, 43.7310], [7.4340, 43.7290]]] } }
            """;
        var east = Streets.Line("name=East | highway=residential", (7.4330, 43.7300), (7.4330, 43.7310));

        var streets = Read(null, east, Far, outline);

        Assert.True(streets["East"].EmergencyAccess);
        Assert.False(streets["Far"].EmergencyAccess);
    }

    [Fact]
    public void Should_place_an_OSM_hospital_outline_at_its_centroid()
    {
        var segments = new OsmFile()
            .Node(1, 7.4186, 43.7300).Node(2, 7.4214, 43.7300)
            .Node(11, 7.4300, 43.7290).Node(12, 7.4320, 43.7290).Node(13, 7.4320, 43.7310).Node(14, 7.4300, 43.7310)
            .Way(10, [1, 2], ("highway", "residential"))
            .Way(20, [11, 12, 13, 14, 11], ("amenity", "hospital"), ("building", "hospital"))
            .Read();

        // The outline's centre (7.4310, 43.7300) is ≈ 775 m east of the street's end: too far with 300 m…
        Assert.False(Assert.Single(segments).EmergencyAccess);
        // …near enough with 800 m.
        var options = new RoutingOptions { Priorities = { EmergencyAccessMeters = 800 } };
        Assert.True(Assert.Single(new OsmFile()
            .Node(1, 7.4186, 43.7300).Node(2, 7.4214, 43.7300)
            .Node(11, 7.4300, 43.7290).Node(12, 7.4320, 43.7290).Node(13, 7.4320, 43.7310).Node(14, 7.4300, 43.7310)
            .Way(10, [1, 2], ("highway", "residential"))
            .Way(20, [11, 12, 13, 14, 11], ("amenity", "hospital"))
            .Read(options)).EmergencyAccess);
    }

    [Fact]
    public void Should_raise_the_streets_near_a_site_the_city_names_itself()
    {
        var options = new RoutingOptions();
        options.Priorities.EmergencySites.Add(new AccessSite { Name = "Ambulance depot", Longitude = 7.4200, Latitude = 43.7340 });

        var streets = Read(options, Near, Far);

        Assert.Equal("P1", streets["Far"].PriorityClass);
        Assert.Equal("P3", streets["Near"].PriorityClass);
    }

    [Fact]
    public void Should_follow_the_city_s_distance_class_and_amenities()
    {
        var hospital = Streets.Point("amenity=hospital", 7.4200, 43.7300);
        var clinic = Streets.Point("amenity=clinic", 7.4200, 43.7340);
        var options = new RoutingOptions { Priorities = { EmergencyAccessMeters = 100, EmergencyAccess = "P2" } };
        options.Priorities.EmergencyAmenities["clinic"] = true;
        options.Priorities.EmergencyAmenities["fire_station"] = false;

        var streets = Read(options, Near, Close, Far, hospital, clinic, Streets.Point("amenity=fire_station", 7.4200, 43.7320));

        Assert.Equal("P2", streets["Near"].PriorityClass);
        Assert.Equal("P3", streets["Close"].PriorityClass);
        Assert.Equal("P2", streets["Far"].PriorityClass);
    }

    [Fact]
    public void Should_raise_no_street_when_the_city_gives_emergency_access_no_class()
    {
        var options = new RoutingOptions { Priorities = { EmergencyAccess = "" } };

        var streets = Read(options, Near, Streets.Point("amenity=hospital", 7.4200, 43.7300));

        Assert.True(streets["Near"].EmergencyAccess);
        Assert.Equal("P3", streets["Near"].PriorityClass);
    }
}
