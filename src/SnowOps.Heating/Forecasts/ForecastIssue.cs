namespace SnowOps.Heating.Forecasts;

/// <summary>One issue of an outdoor temperature forecast: a source's values for the city or one zone, as issued at one time.</summary>
public sealed class ForecastIssue
{
    /// <summary>What the city-wide forecast has as its zone.</summary>
    public const string City = "";

    public Guid Id { get; set; }

    /// <summary>Who made the forecast, e.g. "cma" or "met-office".</summary>
    public string Source { get; set; } = "";

    /// <summary>The zone it covers, or <see cref="City"/> for the whole city.</summary>
    public string Zone { get; set; } = City;

    /// <summary>When the source issued it; a later issue of the same area wins where both cover a moment.</summary>
    public DateTimeOffset Issued { get; set; }

    /// <summary>The first and the last moment it gives a value for.</summary>
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }

    public DateTimeOffset Received { get; set; }
    public string ReceivedBy { get; set; } = "";

    public List<ForecastPoint> Points { get; set; } = [];
}

/// <summary>The outdoor temperature forecast for one moment; between two points it is taken as linear.</summary>
public sealed class ForecastPoint
{
    public Guid IssueId { get; set; }
    public DateTimeOffset At { get; set; }
    public double Celsius { get; set; }
}
