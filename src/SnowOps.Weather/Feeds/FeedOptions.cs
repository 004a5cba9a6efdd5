namespace SnowOps.Weather.Feeds;

public enum FeedFormat
{
    /// <summary>An ATOM or RSS feed whose entries link to CAP 1.2 documents or embed them in <c>content</c>.</summary>
    CapIndex,

    /// <summary>The URL is one CAP 1.2 document.</summary>
    Cap,

    /// <summary>The URL answers NWS alerts API GeoJSON.</summary>
    NwsGeoJson,
}

/// <summary>One polled feed, under <c>SnowOps:Weather:Feeds</c>. There are none unless a city configures them.</summary>
public sealed class FeedOptions
{
    /// <summary>Agencies ask not to be polled more often than this; a lower setting is refused at start-up.</summary>
    public const int MinimumIntervalSeconds = 30;

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public int IntervalSeconds { get; set; } = 300;

    public FeedFormat Format { get; set; } = FeedFormat.CapIndex;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public Uri Uri => new(Url, UriKind.Absolute);

    /// <summary>Refuses a configuration that could not be polled, naming the feed and what is wrong.</summary>
    public static void Validate(IReadOnlyList<FeedOptions> feeds)
    {
        var problems = new List<string>();
        foreach (var (feed, index) in feeds.Select((f, i) => (f, i)))
        {
            var name = string.IsNullOrWhiteSpace(feed.Name) ? $"#{index}" : feed.Name;
            if (string.IsNullOrWhiteSpace(feed.Name) || feed.Name.Length > 128)
                problems.Add($"feed {name} needs a Name of 1 to 128 characters");
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                problems.Add($"feed {name}: Url '{feed.Url}' is not an absolute http or https URL");
            if (feed.IntervalSeconds < MinimumIntervalSeconds)
                problems.Add($"feed {name}: IntervalSeconds must be at least {MinimumIntervalSeconds}");
            if (!Enum.IsDefined(feed.Format))
                problems.Add($"feed {name}: Format must be one of {string.Join(", ", Enum.GetNames<FeedFormat>())}");
        }
        problems.AddRange(feeds.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"feed name '{g.Key}' is used {g.Count()} times"));
        if (problems.Count > 0)
            throw new InvalidOperationException($"SnowOps:Weather:Feeds: {string.Join("; ", problems)}.");
    }
}
