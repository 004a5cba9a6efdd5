namespace SnowOps.Heating.Forecasts;

/// <summary>Limits on forecasts taken in through the API, bound from <see cref="Section"/>.</summary>
public sealed class ForecastOptions
{
    public const string Section = "SnowOps:Heating:Forecast";

    /// <summary>Most points one forecast may carry (10 days of hourly values is 240).</summary>
    public int MaxPoints { get; set; } = 1000;

    /// <summary>Largest request body taken, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Colder than this is no outdoor temperature a city sees.</summary>
    public double LowestCelsius { get; set; } = -70;

    /// <summary>Warmer than this is no outdoor temperature either.</summary>
    public double HighestCelsius { get; set; } = 60;
}
