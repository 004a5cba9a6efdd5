using SnowOps.Contracts;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// How agency event names and codes map to hazards. Configuration (<c>SnowOps:Weather:Hazards</c>)
/// adds or replaces rules per city; the defaults cover English, German (DWD), MeteoAlarm and Chinese names.
/// </summary>
public sealed class HazardRules
{
    /// <summary>Words in an event name or code, by hazard; checked in this order, first match wins.</summary>
    public Dictionary<Hazard, List<string>> Keywords { get; init; } = new()
    {
        [Hazard.Blizzard] = ["blizzard", "schneesturm", "暴风雪"],
        [Hazard.WinterStorm] = ["winter storm", "winter weather", "ice storm", "wintersturm"],
        [Hazard.RoadIcing] = ["freezing rain", "icing", "glätte", "glatteis", "black ice", "道路结冰", "冰冻"],
        [Hazard.ColdWave] = ["extreme cold", "cold wave", "cold weather", "wind chill", "low-temperature", "frost", "寒潮", "低温"],
        [Hazard.Snowstorm] = ["snow", "schnee", "暴雪", "降雪", "雪"],
    };

    public Hazard Classify(CapInfo info)
    {
        var texts = new List<string> { info.Event };
        texts.AddRange(info.EventCodes.Values);
        if (info.Parameters.TryGetValue("awareness_type", out var awarenessType))
            texts.Add(awarenessType);

        foreach (var (hazard, words) in Keywords)
        {
            if (texts.Any(text => words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))))
                return hazard;
        }
        return Hazard.Other;
    }

    /// <summary>
    /// Signal colours named in the event or headline, as the China Meteorological Administration's signals
    /// are ("暴雪橙色预警", snowstorm orange signal): the colour is the level.
    /// </summary>
    static readonly (string Word, AlertLevel Level)[] SignalColours =
    [
        ("红色", AlertLevel.Red), ("橙色", AlertLevel.Orange), ("黄色", AlertLevel.Yellow), ("蓝色", AlertLevel.Blue),
    ];

    /// <summary>A signal colour in the event or headline, else MeteoAlarm's awareness level ("3; orange; Severe"), else CAP severity.</summary>
    public static AlertLevel Level(CapInfo info)
    {
        foreach (var (word, colour) in SignalColours)
        {
            if (info.Event.Contains(word, StringComparison.Ordinal) || info.Headline?.Contains(word, StringComparison.Ordinal) == true)
                return colour;
        }
        if (info.Parameters.TryGetValue("awareness_level", out var awareness))
        {
            var colour = awareness.Split(';', StringSplitOptions.TrimEntries).ElementAtOrDefault(1);
            if (Enum.TryParse<AlertLevel>(colour, ignoreCase: true, out var level) && level != AlertLevel.Unknown)
                return level;
        }
        return info.Severity.ToUpperInvariant() switch
        {
            "EXTREME" => AlertLevel.Red,
            "SEVERE" => AlertLevel.Orange,
            "MODERATE" => AlertLevel.Yellow,
            "MINOR" => AlertLevel.Blue,
            _ => AlertLevel.Unknown,
        };
    }
}
