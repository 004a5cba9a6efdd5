using SnowOps.Weather.Alerts;
using SnowOps.Weather.Zones;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather;

/// <summary>Settings under <c>SnowOps:Weather</c>.</summary>
public sealed class WeatherOptions
{
    /// <summary>The language whose CAP info block is used when an alert carries several (e.g. "zh", "en", "de").</summary>
    public string Language { get; set; } = "en";

    /// <summary>Largest alert document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>Depth, area, shape and point limits past which a document is refused as absurd.</summary>
    public AlertLimits Limits { get; set; } = new();

    public HazardRules Hazards { get; set; } = new();

    /// <summary>The city's zones (districts, sub-districts), written to the zone table at start-up.</summary>
    public List<ZoneDefinition> Zones { get; set; } = [];

    /// <summary>
    /// Which CAP senders each alert source (the token's name) may submit for. When any source is listed,
    /// a source that is not listed may submit nothing.
    /// </summary>
    public Dictionary<string, List<string>> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Polled feeds; none by default, so nothing calls out to the internet unless a city configures it.</summary>
    public List<FeedOptions> Feeds { get; set; } = [];

    /// <summary>The User-Agent the feeds are polled with; agencies such as api.weather.gov ask for one that names the caller.</summary>
    public string FeedUserAgent { get; set; } = "SnowOps (winter dispatch)";
}
