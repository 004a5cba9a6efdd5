namespace SnowOps.Contracts;

/// <summary>
/// The indoor measuring method: at the room centre, with the windows closed and the radiators uncovered, once the
/// thermometer is stable, several readings a few minutes apart; the highest and lowest are dropped, the rest averaged.
/// Limits are per city, bound from <see cref="Section"/> by every module that uses them.
/// </summary>
/// <remarks>
/// It lives with the contracts because it defines <see cref="IndoorTemperatureRecorded.AverageCelsius"/>: Heating, which
/// takes readings over its API and judges them, and CrewBot, which takes them from inspectors in a chat, must compute
/// and check that value by one rule. It is plain code without package references, like the messages; ServiceDefaults
/// holds infrastructure (telemetry, transport, databases), not rules of the domain.
/// </remarks>
public sealed class MeasuringMethod
{
    /// <summary>The configuration section the method is bound from, in every module.</summary>
    public const string Section = "SnowOps:Heating";

    /// <summary>Fewest readings a measurement takes (5 in the informal Chinese method).</summary>
    public int MinimumReadings { get; set; } = 5;

    /// <summary>Most readings a measurement takes.</summary>
    public int MaximumReadings { get; set; } = 20;

    /// <summary>Minutes between two readings.</summary>
    public double MinutesApart { get; set; } = 2;

    /// <summary>How steady the thermometer must be, in °C, before the first reading counts.</summary>
    public double StableWithinCelsius { get; set; } = 0.5;

    /// <summary>Readings outside this range are not indoor temperatures; they are refused, not averaged.</summary>
    public double LowestPlausibleCelsius { get; set; } = -30;

    /// <summary>The highest reading that can be an indoor temperature.</summary>
    public double HighestPlausibleCelsius { get; set; } = 45;

    /// <summary>The indoor standard (Beijing: 18 °C).</summary>
    public double StandardCelsius { get; set; } = 18;

    /// <summary>Whether a reading can be an indoor temperature.</summary>
    public bool IsPlausible(double reading) => reading >= LowestPlausibleCelsius && reading <= HighestPlausibleCelsius;

    /// <summary>Whether the count of readings is one the method takes.</summary>
    public bool IsEnough(int count) => count >= MinimumReadings && count <= MaximumReadings;

    /// <summary>Whether an average meets the indoor standard.</summary>
    public bool MeetsStandard(double averageCelsius) => averageCelsius >= StandardCelsius;

    /// <summary>Why the readings cannot be used, or null when they can.</summary>
    public string? Problem(IReadOnlyList<double> readings)
    {
        if (!IsEnough(readings.Count))
            return $"The method takes {MinimumReadings} to {MaximumReadings} readings; {readings.Count} were given.";
        var implausible = readings.Where(r => !IsPlausible(r)).ToList();
        return implausible.Count == 0
            ? null
            : $"Readings must lie between {LowestPlausibleCelsius} and {HighestPlausibleCelsius} °C; got {string.Join(", ", implausible)}.";
    }

    /// <summary>The result: with three readings or more, the highest and lowest dropped and the rest averaged; to 2 decimals.</summary>
    public static double Average(IReadOnlyList<double> readings) => Math.Round(Kept(readings).Average(), 2);

    /// <summary>The readings the average is taken of.</summary>
    public static IReadOnlyList<double> Kept(IReadOnlyList<double> readings) =>
        readings.Count < 3 ? readings : readings.Order().Skip(1).Take(readings.Count - 2).ToList();

    /// <summary>The lowest and highest reading, which the average leaves out; null with fewer than three readings.</summary>
    public static (double Lowest, double Highest)? Dropped(IReadOnlyList<double> readings) =>
        readings.Count < 3 ? null : (readings.Min(), readings.Max());
}
