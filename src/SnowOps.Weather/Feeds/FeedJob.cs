using Microsoft.Extensions.Options;
using Quartz;

namespace SnowOps.Weather.Feeds;

/// <summary>Quartz's side of one feed: each firing polls the feed named in its job data, unless the feed is backing off.</summary>
[DisallowConcurrentExecution]
public sealed class FeedJob(FeedPoller poller, IOptions<WeatherOptions> options) : IJob
{
    public const string FeedKey = "feed";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(FeedKey);
        var feed = options.Value.Feeds.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No feed named '{name}' is configured under SnowOps:Weather:Feeds.");
        await poller.PollIfDueAsync(feed, cancellationToken);
    }
}
