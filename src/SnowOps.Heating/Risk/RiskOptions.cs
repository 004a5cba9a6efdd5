namespace SnowOps.Heating.Risk;

/// <summary>
/// How a compound's risk score is made, bound from <see cref="Section"/>. Each part gives points; the total is their sum.
/// A part named in a plan's first compounds ("old", "cold-area", "complaints") is multiplied by <see cref="FirstBoost"/>
/// while the plan's event lasts.
/// </summary>
public sealed class RiskOptions
{
    public const string Section = "SnowOps:Heating:Risk";

    /// <summary>The year building age is counted to; null for the current year.</summary>
    public int? ReferenceYear { get; set; }

    /// <summary>Points per year of building age.</summary>
    public double AgePointsPerYear { get; set; } = 0.5;

    /// <summary>Years of age beyond which a compound scores no more for age.</summary>
    public int AgeCapYears { get; set; } = 60;

    /// <summary>How far back readings count towards the low-temperature history, in days.</summary>
    public double ReadingWindowDays { get; set; } = 30;

    /// <summary>A reading this close above the standard (°C) counts as near it.</summary>
    public double NearStandardCelsius { get; set; } = 1;

    /// <summary>Points per reading below the standard within the window.</summary>
    public double BelowReadingPoints { get; set; } = 8;

    /// <summary>Points per reading at or just above the standard (within <see cref="NearStandardCelsius"/>).</summary>
    public double NearReadingPoints { get; set; } = 3;

    /// <summary>Most points the reading history can give.</summary>
    public double ReadingMaxPoints { get; set; } = 30;

    /// <summary>Points for a compound in an area the city marks as low-temperature.</summary>
    public double ColdAreaPoints { get; set; } = 10;

    /// <summary>Points per known cold spot.</summary>
    public double ColdSpotPoints { get; set; } = 2;

    /// <summary>Most points cold spots can give.</summary>
    public double ColdSpotMaxPoints { get; set; } = 10;

    /// <summary>Points per complaint within the complaints' rolling window.</summary>
    public double ComplaintPoints { get; set; } = 4;

    /// <summary>Most points complaints can give.</summary>
    public double ComplaintMaxPoints { get; set; } = 40;

    /// <summary>How far ahead the outdoor forecast is read, in hours.</summary>
    public double ForecastHours { get; set; } = 48;

    /// <summary>The outdoor temperature (°C) below which the forecast starts to give points.</summary>
    public double ForecastFromCelsius { get; set; } = 0;

    /// <summary>Points per degree the coldest forecast temperature lies below <see cref="ForecastFromCelsius"/>.</summary>
    public double ForecastPointsPerDegree { get; set; } = 1;

    /// <summary>Most points the forecast can give.</summary>
    public double ForecastMaxPoints { get; set; } = 20;

    /// <summary>The factor a plan's first compounds multiply their parts by.</summary>
    public double FirstBoost { get; set; } = 2;

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        double[] nonNegative =
        [
            AgePointsPerYear, ReadingWindowDays, NearStandardCelsius, BelowReadingPoints, NearReadingPoints, ReadingMaxPoints, ColdAreaPoints,
            ColdSpotPoints, ColdSpotMaxPoints, ComplaintPoints, ComplaintMaxPoints, ForecastHours, ForecastPointsPerDegree, ForecastMaxPoints,
        ];
        if (nonNegative.Any(v => !double.IsFinite(v) || v < 0) || AgeCapYears < 0)
            return $"{Section}: points, caps, windows and hours must be finite and not negative.";
        if (!double.IsFinite(FirstBoost) || FirstBoost < 1)
            return $"{Section}:FirstBoost is {FirstBoost}; it must be 1 or more.";
        return double.IsFinite(ForecastFromCelsius) ? null : $"{Section}:ForecastFromCelsius must be a number.";
    }
}
