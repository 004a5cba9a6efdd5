namespace SnowOps.Heating.Forecasts;

/// <summary>
/// A forecast polled from a URL, bound from <see cref="Section"/>; off until <see cref="Url"/> is set, so nothing
/// reaches out unless a city configures it.
/// </summary>
public sealed class ForecastFeedOptions
{
    public const string Section = "SnowOps:Heating:Forecast:Feed";

    /// <summary>Where to fetch the forecast; null: no polling.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// <c>snowops</c>: the body <c>POST /api/heating/forecast</c> takes; <c>open-meteo</c>: an Open-Meteo style
    /// document, <c>{ "utc_offset_seconds": 28800, "hourly": { "time": ["2026-12-01T00:00", …], "temperature_2m": [-3.1, …] } }</c>.
    /// </summary>
    public string Format { get; set; } = ForecastFeed.SnowOpsFormat;

    /// <summary>The source name the polled forecasts are kept under (for the open-meteo format, which names none).</summary>
    public string Source { get; set; } = "feed";

    /// <summary>The zone the feed covers; null: the city.</summary>
    public string? Zone { get; set; }

    /// <summary>Minutes between polls.</summary>
    public double EveryMinutes { get; set; } = 60;

    /// <summary>The problems that stop start-up, if any.</summary>
    public IEnumerable<string> Problems()
    {
        if (Url is null)
            yield break;
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{Section}:Url '{Url}' is not an http(s) URL.";
        if (Format is not (ForecastFeed.SnowOpsFormat or ForecastFeed.OpenMeteoFormat))
            yield return $"{Section}:Format '{Format}' is not one of {ForecastFeed.SnowOpsFormat}, {ForecastFeed.OpenMeteoFormat}.";
        if (string.IsNullOrWhiteSpace(Source) || Source.Length > ForecastIntake.SourceLength)
            yield return $"{Section}:Source is required (at most {ForecastIntake.SourceLength} characters).";
        if (!(EveryMinutes is >= 5 and <= 1440))
            yield return $"{Section}:EveryMinutes is {EveryMinutes}; it must be 5 to 1440.";
    }
}
