using NetTopologySuite.Geometries;
using SnowOps.Contracts;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Tests;

public sealed class When_a_CAP_document_is_read
{
    static readonly HazardRules Rules = new();
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IEnumerable<object[]> RealAlerts => Samples.Cap(negative: false);

    public static IEnumerable<object[]> BrokenAlerts => Samples.Cap(negative: true);

    [Theory]
    [MemberData(nameof(RealAlerts))]
    public void Should_read_every_real_agency_alert(string file)
    {
        using var stream = Samples.Open("cap", file);
        var alert = CapParser.Parse(stream);

        Assert.False(string.IsNullOrWhiteSpace(alert.Identifier));
        Assert.False(string.IsNullOrWhiteSpace(alert.Sender));
        Assert.NotEmpty(alert.Infos);
        Assert.All(alert.Infos, info => Assert.False(string.IsNullOrWhiteSpace(info.Event)));
    }

    [Theory]
    [MemberData(nameof(BrokenAlerts))]
    public void Should_refuse_documents_that_are_not_valid_CAP_1_2(string file)
    {
        using var stream = Samples.Open("cap", file);
        var rejected = Assert.Throws<AlertRejected>(() => CapParser.Parse(stream));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }

    [Fact]
    public void Should_read_the_DWD_light_snow_warning_as_a_blue_snowstorm_over_its_polygon()
    {
        using var stream = Samples.Open("cap", "dwd-leichter-schneefall-alert.xml");
        var alert = CapParser.Parse(stream);
        var info = Assert.Single(alert.Infos);

        Assert.Equal("CAP@dwd.de", alert.Sender);
        Assert.Equal("Alert", alert.MsgType);
        Assert.Equal(Hazard.Snowstorm, Rules.Classify(info));
        Assert.Equal(AlertLevel.Blue, HazardRules.Level(info));
        Assert.Equal(new DateTimeOffset(2018, 12, 11, 20, 0, 0, TimeSpan.FromHours(1)), info.Onset);
        Assert.Equal(new DateTimeOffset(2018, 12, 12, 18, 0, 0, TimeSpan.FromHours(1)), info.Expires);
        Assert.NotNull(info.Area);
        Assert.True(info.Area!.Contains(Factory.CreatePoint(new Coordinate(12.9, 47.6))), "Berchtesgadener Land lies in the warning polygon");
        Assert.False(info.Area.Contains(Factory.CreatePoint(new Coordinate(11.58, 48.14))), "Munich does not");
    }

    [Fact]
    public void Should_read_a_moderate_DWD_snowfall_warning_as_yellow_over_all_its_polygons()
    {
        using var stream = Samples.Open("cap", "dwd-schneefall-alert-multipolygon.xml");
        var info = Assert.Single(CapParser.Parse(stream).Infos);

        Assert.Equal(Hazard.Snowstorm, Rules.Classify(info));
        Assert.Equal(AlertLevel.Yellow, HazardRules.Level(info));
        Assert.True(info.Area!.NumGeometries > 1, "seven polygons make a multipolygon");
    }

    [Fact]
    public void Should_read_DWD_black_ice_as_road_icing()
    {
        using var stream = Samples.Open("cap", "dwd-glaette-alert.xml");
        var info = Assert.Single(CapParser.Parse(stream).Infos);
        Assert.Equal(Hazard.RoadIcing, Rules.Classify(info));
    }

    [Fact]
    public void Should_follow_an_update_to_the_alert_it_references()
    {
        using var stream = Samples.Open("cap", "dwd-glaette-update-1.xml");
        var alert = CapParser.Parse(stream);

        Assert.Equal("Update", alert.MsgType);
        var reference = Assert.Single(alert.References);
        Assert.Equal("CAP@dwd.de", reference.Sender);
        Assert.Equal("2.49.0.1.276.0.DWD.PVW.1548185160000.1e80fd68-1d6a-4a12-90a0-f534dd2ea7fb.DEU", reference.Identifier);
    }

    [Fact]
    public void Should_keep_every_language_of_a_bilingual_alert()
    {
        using var stream = Samples.Open("cap", "eccc-thunderstorm-update-en-fr.xml");
        var alert = CapParser.Parse(stream);

        Assert.Equal(["en-CA", "fr-CA"], alert.Infos.Select(i => i.Language));
        Assert.Equal(2, alert.References.Count);
        Assert.Equal(Hazard.Other, Rules.Classify(alert.Infos[0]));
    }

    [Fact]
    public void Should_turn_a_CAP_circle_into_an_area_around_its_centre()
    {
        using var stream = Samples.Open("cap", "oasis-cap12-a3-earthquake-update-circle.xml");
        var info = Assert.Single(CapParser.Parse(stream).Infos);

        Assert.IsType<Polygon>(info.Area);
        Assert.True(info.Area!.Contains(info.Area.Centroid));
    }

    [Fact]
    public void Should_name_the_version_when_given_CAP_1_1()
    {
        using var stream = Samples.Open("cap", "negative-cap11-nws-flash-flood-watch.xml");
        var rejected = Assert.Throws<AlertRejected>(() => CapParser.Parse(stream));
        Assert.Contains("CAP 1.2", rejected.Message);
    }

    [Fact]
    public void Should_refuse_a_document_type_definition_before_any_entity_is_resolved()
    {
        using var stream = Samples.Open("cap", "negative-xxe-hostile.xml");
        var rejected = Assert.Throws<AlertRejected>(() => CapParser.Parse(stream));
        Assert.Contains("DTD", rejected.Message);
    }

    [Fact]
    public void Should_say_which_required_element_is_missing()
    {
        using var stream = Samples.Open("cap", "negative-invalid-missing-scope.xml");
        var rejected = Assert.Throws<AlertRejected>(() => CapParser.Parse(stream));
        Assert.Contains("scope", rejected.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<alert")]
    [InlineData("{\"type\":\"Feature\"}")]
    public void Should_refuse_bodies_that_are_not_XML_alerts(string body)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        Assert.Throws<AlertRejected>(() => CapParser.Parse(stream));
    }

    [Fact]
    public void Should_keep_the_rest_of_the_alert_element_and_the_effective_time()
    {
        using var dwd = Samples.Open("cap", "dwd-leichter-schneefall-alert.xml");
        using var eccc = Samples.Open("cap", "eccc-thunderstorm-update-en-fr.xml");

        var snow = CapParser.Parse(dwd);
        var storm = CapParser.Parse(eccc);

        Assert.Equal("PVW", snow.Details.Source);
        Assert.StartsWith("id:2.49.0.1.276.0.DWD.PVW.1544539320000", Assert.Single(snow.Details.Codes));
        Assert.Equal(new DateTimeOffset(2018, 12, 11, 15, 42, 0, TimeSpan.FromHours(1)), Assert.Single(snow.Infos).Effective);
        Assert.Equal(["layer:EC-MSC-SMC:1.0", "layer:SOREM:1.0", "profile:CAP-CP:0.4"], storm.Details.Codes.Order());
    }
}
