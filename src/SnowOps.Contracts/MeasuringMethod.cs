namespace SnowOps.Heating.Readings;

/// <summary>
/// The indoor measuring method: several readings at the room centre, the highest and lowest dropped,
/// the rest averaged. Limits are per city (<c>SnowOps:Heating</c>).
/// </summary>
public sealed class MeasuringMethod
{
    public int MinimumReadings { get; set; } = 3;

    public int MaximumReadings { get; set; } = 20;

    /// <summary>Readings outside this range are not indoor temperatures; they are refused, not averaged.</summary>
    public double LowestPlausibleCelsius { get; set; } = -30;

    public double HighestPlausibleCelsius { get; set; } = 45;

    /// <summary>The indoor standard (Beijing: 18 °C).</summary>
    public double StandardCelsius { get; set; } = 18;

    /// <summary>Why the readings cannot be used, or null when they can.</summary>
    public string? Problem(IReadOnlyList<double> readings)
    {
        if (readings.Count < MinimumReadings || readings.Count > MaximumReadings)
            return $"The method takes {MinimumReadings} to {MaximumReadings} readings; {readings.Count} were given.";
        var implausible = readings.Where(r => double.IsNaN(r) || r < LowestPlausibleCelsius || r > HighestPlausibleCelsius).ToList();
        return implausible.Count == 0
            ? null
            : $"Readings must lie between {LowestPlausibleCelsius} and {HighestPlausibleCelsius} °C; got {string.Join(", ", implausible)}.";
    }

    public static double Average(IReadOnlyList<double> readings)
    {
        if (readings.Count < 3)
            return Math.Round(readings.Average(), 2);
        var kept = readings.Order().Skip(1).Take(readings.Count - 2);
        return Math.Round(kept.Average(), 2);
    }
}
