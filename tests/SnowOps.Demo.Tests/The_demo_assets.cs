using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using SnowOps.Contracts;
using SnowOps.Demo;
using SnowOps.Demo.Storm;
using SnowOps.Routing;
using SnowOps.Routing.Network.Import;
using SnowOps.Weather.Alerts;

namespace SnowOps.Demo.Tests;

/// <summary>The data the demo ships: a real warning that is in force once played, and a city whose places lie on its streets.</summary>
public sealed class The_demo_assets
{
    static readonly DemoAssets Assets = DemoAssets.NextToBinary();
    static readonly Lazy<Envelope> Streets = new(() =>
    {
        using var pbf = File.OpenRead(Assets.PathOf(DemoAssets.NetworkFile));
        var envelope = new Envelope();
        foreach (var point in OsmPbfReader.Read(pbf, new RoutingOptions()).Ways.SelectMany(w => w.Points))
            envelope.ExpandToInclude(point);
        return envelope;
    });

    static JsonElement Settings() => JsonDocument.Parse(File.ReadAllText(Assets.PathOf(DemoAssets.SettingsFile))).RootElement.GetProperty("SnowOps");

    [Fact]
    public void Should_play_the_warning_as_a_snow_warning_in_force_with_its_onset_within_a_minute()
    {
        var now = DateTimeOffset.UtcNow;
        var xml = DemoWarning.Redate(File.ReadAllText(Assets.PathOf(DemoAssets.WarningFile)), now, TimeSpan.FromSeconds(40));

        var alert = CapParser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

        var info = Assert.Single(alert.Infos);
        Assert.Equal(Hazard.Snowstorm, new HazardRules().Classify(info));
        Assert.Equal("Actual", alert.Status);
        Assert.True(alert.Sent <= now, "sent before it is played");
        Assert.InRange(info.Onset!.Value, now.AddSeconds(39), now.AddSeconds(41));
        Assert.True(info.Expires > now.AddHours(12), "still in force long after the storm is cleared");
    }

    [Fact]
    public void Should_name_the_warnings_cells_as_the_demo_citys_zone_which_its_snow_plans_answer()
    {
        var xml = File.ReadAllText(Assets.PathOf(DemoAssets.WarningFile));
        var info = CapParser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))).Infos[0];
        var zone = Settings().GetProperty("Weather").GetProperty("Zones")[0];
        var zoneCode = zone.GetProperty("Code").GetString();

        Assert.Contains(zone.GetProperty("Geocodes").EnumerateArray().Select(g => g.GetString()), info.Geocodes.Contains);
        var snowPlans = Settings().GetProperty("Dispatch").GetProperty("Plans").EnumerateArray()
            .Where(p => p.GetProperty("Hazards").EnumerateArray().Any(h => h.GetString() == "Snowstorm")).ToList();
        Assert.NotEmpty(snowPlans);
        Assert.All(snowPlans, p => Assert.Contains(zoneCode, p.GetProperty("Zones").EnumerateArray().Select(z => z.GetString())));
    }

    [Fact]
    public void Should_put_the_depot_and_salt_yard_among_the_citys_streets()
    {
        var bases = Settings().GetProperty("Routing").GetProperty("Fleet").GetProperty("Bases").EnumerateArray().ToList();

        Assert.Equal(2, bases.Count);
        Assert.All(bases, b => Assert.True(Streets.Value.Contains(b.GetProperty("Lon").GetDouble(), b.GetProperty("Lat").GetDouble()),
            $"{b.GetProperty("Name").GetString()} lies outside the streets {Streets.Value}"));
    }

    [Fact]
    public void Should_place_a_few_dozen_compounds_among_the_streets_each_with_a_company_and_station_that_exist()
    {
        var companies = Rows("heating-companies.csv").Select(r => r[0]).ToHashSet();
        var stations = Rows("heating-stations.csv").ToDictionary(r => r[0], r => r[1]);
        var compounds = Rows("heating-compounds.csv");

        Assert.InRange(compounds.Count, 24, 60);
        Assert.Equal(compounds.Count, compounds.Select(c => c[0]).Distinct().Count());
        Assert.All(compounds, c =>
        {
            Assert.Contains(c[2], companies);
            Assert.Equal(c[2], stations[c[3]]);
            Assert.True(Streets.Value.Contains(Number(c[^2]), Number(c[^1])), $"{c[0]} lies outside the streets");
        });
    }

    [Fact]
    public void Should_enrol_a_member_in_every_crew_of_the_roster()
    {
        var crews = Settings().GetProperty("Dispatch").GetProperty("Crews").EnumerateArray().Select(c => c.GetProperty("Id").GetString()).ToList();
        var members = Settings().GetProperty("Demo").GetProperty("Members").EnumerateArray().Select(m => m.GetProperty("CrewId").GetString()).ToList();

        Assert.Equal(crews.Order(), members.Order());
    }

    static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The data rows of a CSV file; the quoted address is the only field with a comma, and it is left out whole.</summary>
    static List<string[]> Rows(string file) => File.ReadAllLines(Assets.PathOf(file)).Skip(1)
        .Select(line => System.Text.RegularExpressions.Regex.Replace(line, "\"[^\"]*\"", "address").Split(',')).ToList();
}
