using System.Globalization;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;

namespace SnowOps.Heating.Readings;

/// <summary>
/// Decides whether a measurement counts and, if it does, whether it meets the standard that applied when it was taken
/// (the night standard at night where the city has one).
/// </summary>
public sealed class ReadingJudge(IOptionsMonitor<MeasuringMethod> method, IOptionsMonitor<IndoorStandard> standard)
{
    /// <summary>Why a measurement is not counted although it is kept; null when nothing stands in its way.</summary>
    public sealed record Obstacle(string Reason);

    public void Judge(TemperatureReading reading, Obstacle? obstacle)
    {
        var (celsius, night) = standard.CurrentValue.At(reading.Measured, method.CurrentValue.StandardCelsius);
        reading.StandardCelsius = celsius;
        reading.AtNight = night;
        var reason = obstacle?.Reason ?? (reading.Exclusions.Count > 0 ? string.Join(", ", reading.Exclusions) : null);
        reading.Counted = reason is null;
        reading.BelowStandard = reading.Counted && reading.AverageCelsius < celsius;
        var which = night ? "the night standard" : "the standard";
        reading.Verdict = reason is not null
            ? $"Not counted: {reason}."
            : string.Create(CultureInfo.InvariantCulture,
                $"{(reading.BelowStandard ? "Below" : "Meets")} {which}: {reading.AverageCelsius} °C against {celsius} °C.");
    }
}
