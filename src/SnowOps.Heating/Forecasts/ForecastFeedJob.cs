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

    /// <summary>The feed's settings (checked first), client and service; specs poll by hand.</summary>
    public static IServiceCollection AddForecastFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ForecastFeedOptions.Section);
        Checked(section);
        services.Configure<ForecastFeedOptions>(section);
        services.AddHttpClient(ForecastFeed.ClientName, client => client.Timeout = RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, MaxAutomaticRedirections = 5 });
        services.AddScoped<ForecastFeed>();
        return services;
    }

    /// <summary>The poll, at start and every <see cref="ForecastFeedOptions.EveryMinutes"/>; nothing when no URL is configured.</summary>
    public static IServiceCollection AddForecastFeedSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Checked(configuration.GetSection(ForecastFeedOptions.Section));
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

    static ForecastFeedOptions Checked(IConfigurationSection section)
    {
        var settings = section.Get<ForecastFeedOptions>() ?? new ForecastFeedOptions();
        if (settings.Problems().ToList() is { Count: > 0 } problems)
            throw new OptionsValidationException(ForecastFeedOptions.Section, typeof(ForecastFeedOptions), problems);
        return settings;
    }
}
