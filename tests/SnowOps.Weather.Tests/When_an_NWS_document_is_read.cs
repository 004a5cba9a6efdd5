using SnowOps.Contracts;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Tests;

public sealed class When_an_NWS_document_is_read
{
    [Fact]
    public void Should_read_a_winter_weather_advisory_update_with_its_references()
    {
        using var stream = Samples.Open("nws", "weathergov-point-MN-winter-weather-advisory-update.json");
        var alert = Assert.Single(NwsParser.Parse(stream));
        var info = Assert.Single(alert.Infos);

        Assert.Equal("w-nws.webmaster@noaa.gov", alert.Sender);
        Assert.Equal("Update", alert.MsgType);
        Assert.Equal(2, alert.References.Count);
        Assert.Equal(Hazard.WinterStorm, new HazardRules().Classify(info));
        Assert.Null(info.Area);
        Assert.Contains("Hennepin", info.AreaDescription);
    }

    [Fact]
    public void Should_read_an_empty_collection_as_no_alerts()
    {
        using var stream = Samples.Open("nws", "weathergov-point-TN-empty.json");
        Assert.Empty(NwsParser.Parse(stream));
    }

    [Theory]
    [InlineData("nyc-point-extreme-heat-watch-warning-update.json")]
    [InlineData("pynws-zone-ORZ004-flood-watch-update-2019.json")]
    public void Should_read_every_real_NWS_document(string file)
    {
        using var stream = Samples.Open("nws", file);
        var alerts = NwsParser.Parse(stream);
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.False(string.IsNullOrWhiteSpace(a.Identifier)));
    }

    [Fact]
    public void Should_refuse_a_bundle_whose_dates_are_placeholders_and_say_which_field()
    {
        // weather.gov's test bundle replaced every date with text such as "date:now -22254 seconds".
        using var stream = Samples.Open("nws", "weathergov-testbundle-WA-winter-TEMPLATED-dates.json");
        var rejected = Assert.Throws<AlertRejected>(() => NwsParser.Parse(stream));
        Assert.Contains("date:now", rejected.Message);
    }
}
