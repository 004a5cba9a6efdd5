using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather.Tests;

/// <summary>The Weather module's Quartz registration, read back from the scheduler it builds (not started).</summary>
public sealed class When_feeds_are_scheduled : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-feed-jobs-" + Guid.NewGuid().ToString("N"));

    static readonly FeedOptions[] Feeds =
    [
        new() { Name = "dwd", Url = "https://example.invalid/dwd.atom", IntervalSeconds = 120, Format = FeedFormat.CapIndex },
        new() { Name = "nws-mn", Url = "https://example.invalid/alerts?area=MN", IntervalSeconds = 300, Format = FeedFormat.NwsGeoJson },
    ];

    IHost Build(IEnumerable<FeedOptions> feeds)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(FeedHarness.Settings(_folder, feeds));
        builder.AddWeather();
        return builder.Build();
    }

    [Fact]
    public async Task Should_register_one_job_with_its_own_interval_per_configured_feed()
    {
        using var host = Build(Feeds);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FeedScheduling.JobGroup));
        Assert.Equal(["dwd", "nws-mn"], jobs.Select(j => j.Name).Order());
        foreach (var feed in Feeds)
        {
            var job = await scheduler.GetJobDetail(new JobKey(feed.Name, FeedScheduling.JobGroup));
            Assert.Equal(typeof(FeedJob), job!.JobType.Type);
            Assert.True(job.ConcurrentExecutionDisallowed);
            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key)));
            Assert.Equal(TimeSpan.FromSeconds(feed.IntervalSeconds), trigger.RepeatInterval);
        }
    }

    [Fact]
    public async Task Should_schedule_nothing_when_no_feed_is_configured()
    {
        using var host = Build([]);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Empty(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FeedScheduling.JobGroup)));
    }

    [Fact]
    public void Should_refuse_a_feed_polled_more_often_than_agencies_allow()
    {
        var hasty = new FeedOptions { Name = "hasty", Url = "https://example.invalid/x", IntervalSeconds = 5 };

        var refused = Assert.Throws<InvalidOperationException>(() => Build([hasty]));
        Assert.Contains("hasty", refused.Message);
        Assert.Contains("IntervalSeconds", refused.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
