using System.Text;
using NetTopologySuite.Geometries;
using SnowOps.Testing;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Tests;

/// <summary>Each hostile or broken case, built from a real agency document by one change.</summary>
public sealed class When_a_hostile_CAP_document_is_read
{
    const string Thunderstorm = "oasis-cap12-a2-thunderstorm-polygon.xml";
    const string Polygon = "38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14";

    static AlertRejected Refused(string document, AlertLimits? limits = null) =>
        Assert.Throws<AlertRejected>(() => CapParser.Parse(Hostile.Utf8(document), limits));

    static string Storm() => Hostile.Text("cap", Thunderstorm);

    [Fact]
    public void Should_refuse_an_external_entity_before_reading_anything()
    {
        var xxe = Hostile.InsertBefore(Hostile.Replace(Storm(), "<headline>", "<headline>&xxe;"), "<alert", HostileValues.Doctype("alert", laughs: false));
        Assert.Contains("DTD", Refused(xxe).Message);
    }

    [Fact]
    public void Should_refuse_a_billion_laughs_before_expanding_any_entity()
    {
        var laughs = Hostile.InsertBefore(Hostile.Replace(Storm(), "<headline>", "<headline>&lol9;"), "<alert", HostileValues.Doctype("alert", laughs: true));
        Assert.Contains("DTD", Refused(laughs).Message);
    }

    [Fact]
    public void Should_refuse_elements_nested_deeper_than_the_limit_while_reading()
    {
        var bomb = Hostile.InsertBefore(Storm(), "<headline>", HostileValues.Deep("<x>", "</x>", 100_000));
        var rejected = Refused(bomb);
        Assert.Contains("more than 32 deep", rejected.Message);
    }

    [Fact]
    public void Should_read_unknown_elements_nested_within_the_limit()
    {
        var nested = Hostile.InsertBefore(Storm(), "<headline>", HostileValues.Deep("<x>", "</x>", 25));
        Assert.Single(CapParser.Parse(Hostile.Utf8(nested)).Infos);
    }

    [Fact]
    public void Should_repair_a_polygon_that_crosses_itself_and_say_so()
    {
        // The second and third corners swapped: the ring's edges now cross.
        var crossed = Hostile.Replace(Storm(), Polygon, "38.47,-120.14 38.52,-119.74 38.34,-119.95 38.62,-119.89 38.47,-120.14");
        var info = Assert.Single(CapParser.Parse(Hostile.Utf8(crossed)).Infos);

        var note = Assert.Single(info.Notes);
        Assert.StartsWith("area repaired:", note);
        Assert.Contains("crossed itself", note);
        Assert.True(info.Area!.IsValid);
        Assert.True(info.Area.Area > 0);
        Assert.IsType<MultiPolygon>(info.Area);
    }

    [Fact]
    public void Should_take_a_valid_polygon_without_a_note() =>
        Assert.Empty(Assert.Single(CapParser.Parse(Hostile.Utf8(Storm())).Infos).Notes);

    [Fact]
    public void Should_refuse_a_polygon_that_does_not_close() =>
        Assert.Contains("must close", Refused(Hostile.Replace(Storm(), Polygon, "38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.40,-120.14")).Message);

    [Fact]
    public void Should_refuse_a_polygon_that_encloses_nothing() =>
        Assert.Contains("encloses no area", Refused(Hostile.Replace(Storm(), Polygon, "38,-120 39,-120 40,-120 38,-120")).Message);

    [Theory]
    [InlineData("91,-120.14", "outside the range")]
    [InlineData("38.47,-180.5", "outside the range")]
    [InlineData("NaN,-120.14", "must be numbers")]
    [InlineData("38.47,Infinity", "must be numbers")]
    [InlineData("1e400,-120.14", "must be numbers")]
    [InlineData("38.47;-120.14", "not a CAP point")]
    public void Should_refuse_a_coordinate_off_the_Earth(string corner, string reason) =>
        Assert.Contains(reason, Refused(Hostile.Replace(Storm(), "38.62,-119.89", corner)).Message);

    [Theory]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("50000")]
    public void Should_refuse_a_circle_with_an_impossible_radius(string radius)
    {
        var circle = Hostile.Replace(Storm(), $"<polygon>{Polygon}</polygon>", $"<circle>38.47,-120.14 {radius}</circle>");
        Assert.Contains("radius", Refused(circle).Message);
    }

    [Theory]
    [InlineData("0000-00-00T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("2003-02-30T14:57:00-07:00")]
    [InlineData("2003-06-17T14:57:00+25:00")]
    public void Should_refuse_a_date_that_is_not_a_real_time(string sent) =>
        Assert.Contains("<sent>", Refused(Hostile.Replace(Storm(), "2003-06-17T14:57:00-07:00</sent>", sent + "</sent>")).Message);

    [Theory]
    [InlineData("urn:oasis:names:tc:emergency:cap:1.3")]
    [InlineData("")]
    public void Should_refuse_an_alert_in_another_namespace(string ns) =>
        Assert.Contains("namespace", Refused(Hostile.Replace(Storm(), CapParser.Cap12, ns)).Message);

    [Fact]
    public void Should_refuse_an_alert_with_no_info_since_there_is_nothing_to_act_on()
    {
        var storm = Storm();
        var start = storm.IndexOf("<info>", StringComparison.Ordinal);
        var end = storm.IndexOf("</info>", StringComparison.Ordinal) + "</info>".Length;
        Assert.Contains("nothing to act on", Refused(storm.Remove(start, end - start)).Message);
    }

    [Fact]
    public void Should_refuse_a_msgType_CAP_does_not_have() =>
        Assert.Contains("msgType", Refused(Hostile.Replace(Storm(), "<msgType>Alert</msgType>", "<msgType>Panic</msgType>")).Message);

    [Fact]
    public void Should_refuse_an_identifier_longer_than_the_store_holds() =>
        Assert.Contains("at most 512", Refused(Hostile.Replace(Storm(), "<identifier>", "<identifier>" + new string('x', 600))).Message);

    [Fact]
    public void Should_refuse_more_areas_than_the_limit_and_give_the_numbers()
    {
        var rejected = Refused(Hostile.Text("cap", "dwd-glaette-alert.xml"), new AlertLimits { MaxAreas = 100 });
        Assert.Contains("820 areas", rejected.Message);
        Assert.Contains("at most 100", rejected.Message);
    }

    [Fact]
    public void Should_refuse_more_polygons_than_the_limit_and_give_the_numbers()
    {
        var rejected = Refused(Hostile.Text("cap", "dwd-schneefall-alert-multipolygon.xml"), new AlertLimits { MaxShapes = 3 });
        Assert.Contains("at most 3", rejected.Message);
    }

    [Fact]
    public void Should_refuse_more_points_than_the_limit_and_give_the_numbers()
    {
        var rejected = Refused(Storm(), new AlertLimits { MaxPoints = 4 });
        Assert.Contains("5 points", rejected.Message);
        Assert.Contains("at most 4", rejected.Message);
    }

    [Fact]
    public void Should_refuse_an_empty_body() =>
        Assert.Throws<AlertRejected>(() => CapParser.Parse(new MemoryStream()));

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("GB18030")]
    public void Should_read_a_document_in_the_encoding_it_declares(string name)
    {
        var text = Hostile.Replace(Hostile.Text("cap", "dwd-glaette-alert.xml"), "encoding=\"UTF-8\"", $"encoding=\"{name}\"");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(name).GetBytes(text);

        var info = Assert.Single(CapParser.Parse(new MemoryStream(bytes)).Infos);
        Assert.Equal("GLÄTTE", info.Event);
        Assert.Contains("GLÄTTE", BoundedXml.Text(bytes));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("utf-7")]
    public void Should_refuse_an_encoding_it_cannot_decode(string name)
    {
        var text = Hostile.Replace(Hostile.Text("cap", "dwd-glaette-alert.xml"), "encoding=\"UTF-8\"", $"encoding=\"{name}\"");
        Assert.Contains("encoding", Refused(text).Message);
    }
}
