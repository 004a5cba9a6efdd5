using SnowOps.Contracts;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Tests;

/// <summary>Hazard and level from the words and codes agencies use.</summary>
public sealed class When_a_warning_is_classified
{
    static CapInfo Info(string eventName, string severity = "Unknown", string? headline = null, params (string Name, string Value)[] parameters) =>
        new("zh-CN", eventName, severity, headline, null, null, new Dictionary<string, string>(),
            parameters.ToDictionary(p => p.Name, p => p.Value), null, null, []);

    [Theory]
    [InlineData("暴雪橙色预警", Hazard.Snowstorm, AlertLevel.Orange)]
    [InlineData("暴雪蓝色预警", Hazard.Snowstorm, AlertLevel.Blue)]
    [InlineData("寒潮黄色预警", Hazard.ColdWave, AlertLevel.Yellow)]
    [InlineData("道路结冰红色预警", Hazard.RoadIcing, AlertLevel.Red)]
    public void Should_read_a_China_Meteorological_Administration_signal_by_its_name_and_colour(string signal, Hazard hazard, AlertLevel level)
    {
        var info = Info(signal, severity: "Minor");

        Assert.Equal(hazard, new HazardRules().Classify(info));
        Assert.Equal(level, HazardRules.Level(info));
    }

    [Theory]
    [InlineData("2; yellow; Moderate", AlertLevel.Yellow)]
    [InlineData("3; orange; Severe", AlertLevel.Orange)]
    [InlineData("4; red; Extreme", AlertLevel.Red)]
    public void Should_take_MeteoAlarm_awareness_levels_over_severity(string awareness, AlertLevel level) =>
        Assert.Equal(level, HazardRules.Level(Info("Snow", "Minor", null, ("awareness_level", awareness))));

    [Theory]
    [InlineData("2; snow-ice", Hazard.Snowstorm)]
    [InlineData("6; low-temperature", Hazard.ColdWave)]
    public void Should_read_MeteoAlarm_awareness_types(string awarenessType, Hazard hazard) =>
        Assert.Equal(hazard, new HazardRules().Classify(Info("Warning", "Moderate", null, ("awareness_type", awarenessType))));

    [Theory]
    [InlineData("Extreme", AlertLevel.Red)]
    [InlineData("Severe", AlertLevel.Orange)]
    [InlineData("Moderate", AlertLevel.Yellow)]
    [InlineData("Minor", AlertLevel.Blue)]
    [InlineData("Unknown", AlertLevel.Unknown)]
    public void Should_map_CAP_severity_to_the_four_colours(string severity, AlertLevel level) =>
        Assert.Equal(level, HazardRules.Level(Info("Blizzard Warning", severity)));

    [Theory]
    [InlineData("Blizzard Warning", Hazard.Blizzard)]
    [InlineData("Winter Storm Warning", Hazard.WinterStorm)]
    [InlineData("Ice Storm Warning", Hazard.WinterStorm)]
    [InlineData("Extreme Cold Warning", Hazard.ColdWave)]
    [InlineData("Cold Weather Advisory", Hazard.ColdWave)]
    [InlineData("Freezing Rain Advisory", Hazard.RoadIcing)]
    [InlineData("Flood Watch", Hazard.Other)]
    public void Should_read_the_NWS_winter_products(string eventName, Hazard hazard) =>
        Assert.Equal(hazard, new HazardRules().Classify(Info(eventName)));
}
