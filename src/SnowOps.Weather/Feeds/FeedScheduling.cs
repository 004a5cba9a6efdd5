using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace SnowOps.Weather.Feeds;

/// <summary>Registers the polled feeds: one Quartz job and trigger per configured feed, and the HTTP client they share.</summary>
public static class FeedScheduling
{
    public const string JobGroup = "weather-feeds";

    /// <summary>Long enough for a slow agency server, short enough that a hung one does not hold its job.</summary>
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddWeatherFeeds(this IHostApplicationBuilder builder)
    {
        var weather = builder.Configuration.GetSection("SnowOps:Weather").Get<WeatherOptions>() ?? new WeatherOptions();
        var feeds = weather.Feeds;
        FeedOptions.Validate(feeds);

        builder.Services.AddHttpClient(FeedFetcher.ClientName, client =>
            {
                client.Timeout = RequestTimeout;
                // api.weather.gov refuses requests without a User-Agent; agencies ask for one that names the caller.
                client.DefaultRequestHeaders.UserAgent.ParseAdd(weather.FeedUserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                MaxAutomaticRedirections = 5,
            });
        builder.Services.AddSingleton<FeedFetcher>();
        builder.Services.AddSingleton<SeenEntries>();
        builder.Services.AddScoped<FeedPoller>();

        builder.Services.AddQuartz(quartz =>
        {
            foreach (var feed in feeds)
            {
                var job = new JobKey(feed.Name, JobGroup);
                quartz.AddJob<FeedJob>(j => j.WithIdentity(job).UsingJobData(FeedJob.FeedKey, feed.Name));
                quartz.AddTrigger(t => t.ForJob(job).WithIdentity(feed.Name, JobGroup).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(feed.Interval).RepeatForever()));
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
