namespace SnowOps.Heating.Readings;

public sealed class TemperatureReading
{
    public Guid Id { get; set; }
    public Guid? TaskId { get; set; }
    public required string CompoundId { get; set; }

    /// <summary>Which home of the compound, as the inspector named it; null when not given.</summary>
    public string? Home { get; set; }
    public List<double> Readings { get; set; } = [];
    public double AverageCelsius { get; set; }

    /// <summary>Counted and below the standard that applied; false for a measurement that is not counted.</summary>
    public bool BelowStandard { get; set; }
    public required string InspectorId { get; set; }
    public DateTimeOffset Measured { get; set; }

    /// <summary>What made the measurement invalid by the method (e.g. "window-open"); empty when nothing did.</summary>
    public List<string> Exclusions { get; set; } = [];

    /// <summary>Whether it counts as a pass or a deficiency: not with an exclusion, an unknown compound, or another compound's task.</summary>
    public bool Counted { get; set; }

    /// <summary>The standard it was judged against: the day one, or the night one at night where the city has one.</summary>
    public double StandardCelsius { get; set; }
    public bool AtNight { get; set; }

    /// <summary>The judgement in words, e.g. "Not counted: window-open." or "Below the night standard: 15.2 °C against 16 °C."</summary>
    public string Verdict { get; set; } = "";
}
