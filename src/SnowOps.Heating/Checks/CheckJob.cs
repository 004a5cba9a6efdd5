using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace SnowOps.Heating.Checks;

/// <summary>The Quartz job behind the check scheduler; a run still going when the next is due is not doubled.</summary>
[DisallowConcurrentExecution]
public sealed class CheckJob(CheckScheduler scheduler, ILogger<CheckJob> logger) : IJob
{
    public const string Group = "heating-checks";
    public static readonly JobKey Key = new("schedule", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await scheduler.RunAsync(cancellationToken);
        if (outcome is { Requested: > 0 } or { Resent: > 0 })
            logger.LogInformation("Heating checks: {Requested} requested, {Waiting} waiting for capacity, {Resent} sent again",
                outcome.Requested, outcome.Waiting, outcome.Resent);
    }
}

public static class CheckScheduling
{
    /// <summary>The check scheduler: at start and every <paramref name="seconds"/>; <paramref name="hosted"/> starts Quartz with the host.</summary>
    public static void AddCheckScheduler(this IServiceCollection services, double seconds, bool hosted = true)
    {
        if (!double.IsFinite(seconds) || seconds is < 1 or > 86_400)
            throw new InvalidOperationException($"SnowOps:Heating:SchedulerSeconds is {seconds}; it must be 1 to 86400.");
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<CheckJob>(job => job.WithIdentity(CheckJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(CheckJob.Key).WithIdentity("schedule", CheckJob.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()));
        });
        if (hosted)
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
