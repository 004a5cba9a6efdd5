namespace SnowOps.Contracts;

/// <summary>The kind of weather a warning is about, normalised across agencies.</summary>
public enum Hazard
{
    /// <summary>A warning SnowOps does not act on (thunderstorm, flood, ...).</summary>
    Other = 0,
    /// <summary>Snowfall, including light snow and snowstorm (暴雪).</summary>
    Snowstorm,
    /// <summary>Snow with strong wind and poor visibility.</summary>
    Blizzard,
    /// <summary>A mix of snow, ice and cold in one event.</summary>
    WinterStorm,
    /// <summary>Freezing rain, black ice and road icing (道路结冰).</summary>
    RoadIcing,
    /// <summary>Cold wave (寒潮) or extreme cold.</summary>
    ColdWave,
}

/// <summary>Warning level in the four colours used by China, MeteoAlarm and most cities.</summary>
public enum AlertLevel
{
    /// <summary>No level could be read from the warning.</summary>
    Unknown = 0,
    /// <summary>Blue: the lowest level (CAP severity Minor).</summary>
    Blue,
    /// <summary>Yellow (CAP severity Moderate, MeteoAlarm awareness level 2).</summary>
    Yellow,
    /// <summary>Orange (CAP severity Severe, MeteoAlarm awareness level 3).</summary>
    Orange,
    /// <summary>Red: the highest level (CAP severity Extreme, MeteoAlarm awareness level 4).</summary>
    Red,
}
