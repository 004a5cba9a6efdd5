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
    public bool BelowStandard { get; set; }
    public required string InspectorId { get; set; }
    public DateTimeOffset Measured { get; set; }
}
