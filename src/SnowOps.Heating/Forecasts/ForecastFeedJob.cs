using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace SnowOps.Heating.Forecasts;

/// <summary>The Quartz job that polls the forecast feed; a poll still running when the next is due is not doubled.</summary>
[DisallowConcurrentExecution]
public sealed class ForecastFeedJob(ForecastFeed feed) : IJob
{
    public const string Group = "heating-forecast";
    public static readonly JobKey Key = new("poll", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await feed.PollAsync(cancellationToken);
}

public static class ForecastFeedScheduling
{
    /// <summary>Long enough for a slow server, short enough that a hung one does not hold the job.</summary>
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The feed's client and service always (specs poll by hand); its schedule only when a URL is configured.</summary>
    public static IServiceCollection AddForecastFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ForecastFeedOptions.Section);
        var settings = section.Get<ForecastFeedOptions>() ?? new ForecastFeedOptions();
        if (settings.Problems().ToList() is { Count: > 0 } problems)
            throw new OptionsValidationException(ForecastFeedOptions.Section, typeof(ForecastFeedOptions), problems);
        services.Configure<ForecastFeedOptions>(section);
        services.AddHttpClient(ForecastFeed.ClientName, client => client.Timeout = RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, MaxAutomaticRedirections = 5 });
        services.AddScoped<ForecastFeed>();
        if (settings.Url is null)
            return services;
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<ForecastFeedJob>(job => job.WithIdentity(ForecastFeedJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(ForecastFeedJob.Key).WithIdentity("poll", ForecastFeedJob.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(settings.EveryMinutes)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
