using SnowOps.Testing;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Tests;

/// <summary>The NWS GeoJSON cases, each built from weather.gov's real Minnesota advisory by one change.</summary>
public sealed class When_a_hostile_NWS_document_is_read
{
    const string Advisory = "weathergov-point-MN-winter-weather-advisory-update.json";

    static string WithGeometry(string geometry) => Hostile.Replace(Hostile.Text("nws", Advisory), "\"geometry\": null", $"\"geometry\": {geometry}");

    static AlertRejected Refused(string document) => Assert.Throws<AlertRejected>(() => NwsParser.Parse(Hostile.Utf8(document)));

    [Fact]
    public void Should_refuse_values_nested_deeper_than_the_limit() =>
        Assert.Contains("depth", Refused(WithGeometry(HostileValues.Deep("[", "]", 100_000))).Message);

    [Fact]
    public void Should_repair_a_polygon_that_crosses_itself_and_say_so()
    {
        var info = Assert.Single(Assert.Single(NwsParser.Parse(Hostile.Utf8(WithGeometry(
            "{\"type\":\"Polygon\",\"coordinates\":[[[-93.5,44.8],[-93.0,45.2],[-93.0,44.8],[-93.5,45.2],[-93.5,44.8]]]}")))).Infos);

        Assert.Contains("crossed itself", Assert.Single(info.Notes));
        Assert.True(info.Area!.IsValid);
    }

    [Theory]
    [InlineData("[[[-93.5,44.8],[-93.0,95.2],[-93.0,44.8],[-93.5,44.8]]]", "outside the range")]
    [InlineData("[[[-93.5,44.8],[1e400,45.2],[-93.0,44.8],[-93.5,44.8]]]", "not a point on the Earth")]
    [InlineData("[[[-93.5,44.8],[-93.0,45.2],[-93.0,44.8]]]", "geometry")]
    public void Should_refuse_a_polygon_off_the_Earth_or_open(string coordinates, string reason) =>
        Assert.Contains(reason, Refused(WithGeometry($"{{\"type\":\"Polygon\",\"coordinates\":{coordinates}}}")).Message);

    [Fact]
    public void Should_refuse_an_area_that_is_not_a_polygon() =>
        Assert.Contains("Point", Refused(WithGeometry("{\"type\":\"Point\",\"coordinates\":[-93.2,45.0]}")).Message);

    [Theory]
    [InlineData("\"\\u0000\"", "control characters")]
    [InlineData("\"\\ud800\"", "not valid Unicode")]
    public void Should_refuse_text_no_store_can_hold(string value, string reason)
    {
        var text = Hostile.Text("nws", Advisory);
        var at = text.IndexOf("\"event\":", StringComparison.Ordinal);
        var end = text.IndexOf(',', at);
        Assert.Contains(reason, Refused(text[..at] + "\"event\": " + value + text[end..]).Message);
    }

    [Fact]
    public void Should_refuse_features_that_are_not_objects() =>
        Assert.Contains("object", Refused("{\"type\":\"FeatureCollection\",\"features\":[1,\"two\",null]}").Message);

    [Fact]
    public void Should_refuse_an_empty_body() =>
        Assert.Throws<AlertRejected>(() => NwsParser.Parse(new MemoryStream()));
}
