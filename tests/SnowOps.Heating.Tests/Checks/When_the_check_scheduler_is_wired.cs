using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using static SnowOps.Heating.Tests.Checks.CheckHarness;

namespace SnowOps.Heating.Tests.Checks;

/// <summary>The Heating module's Quartz registration, read back from the scheduler it builds, and the job run by Quartz itself.</summary>
public sealed class When_the_check_scheduler_is_wired : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-jobs-" + Guid.NewGuid().ToString("N"));

    IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SnowOps:DataDir"] = _folder });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddHeating();
        return builder.Build();
    }

    [Fact]
    public async Task Should_register_one_job_that_runs_at_the_configured_interval_and_never_twice_at_once()
    {
        using var host = Build(("SnowOps:Heating:SchedulerSeconds", "120"));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(Assert.Single(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(CheckJob.Group))));
        Assert.Equal(typeof(CheckJob), job!.JobType.Type);
        Assert.True(job.ConcurrentExecutionDisallowed);
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key)));
        Assert.Equal(TimeSpan.FromMinutes(2), trigger.RepeatInterval);
    }

    [Theory]
    [InlineData("SnowOps:Heating:SchedulerSeconds", "0", "SchedulerSeconds")]
    [InlineData("SnowOps:Heating:CheckEveryHours", "0.1", "CheckEveryHours")]
    [InlineData("SnowOps:Heating:TimeZone", "Mars/Olympus", "TimeZone")]
    [InlineData("SnowOps:Heating:Risk:FirstBoost", "0.5", "FirstBoost")]
    [InlineData("SnowOps:Heating:Risk:ComplaintPoints", "-1", "SnowOps:Heating:Risk")]
    public void Should_refuse_settings_it_cannot_schedule_by(string key, string value, string named)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Build((key, value)));
        Assert.Contains(named, refused.Message);
    }

    [Fact]
    public async Task Should_request_checks_when_quartz_runs_the_job()
    {
        var start = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        await using var heating = new CheckHarness(new SpecInputs(start), schedulerSeconds: 1);
        await heating.StartAsync();
        await heating.AddAsync(Company("north-heat", capacity: 5), Compound("a", "north-heat"));
        IScheduler? quartz = null;
        await heating.WithServicesAsync(async services => quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler());
        await quartz!.Start();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (heating.Requests().Count == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Equal("a", Assert.Single(heating.Requests()).SubjectId);
        }
        finally
        {
            await quartz.Shutdown(waitForJobsToComplete: true);
        }
        var check = Assert.Single(await heating.ChecksAsync());
        Assert.Equal(ScheduledCheck.Requested, check.State);
        Assert.True(check.Published);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
