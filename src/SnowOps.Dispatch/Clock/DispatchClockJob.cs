using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SnowOps.Dispatch.Clock;

/// <summary>The Quartz job behind the dispatch clock's sweep; a sweep still running when the next is due is not doubled.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchClockJob(DispatchClock clock) : IJob
{
    public const string Group = "dispatch-clock";
    public static readonly JobKey Key = new("sweep", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await clock.TickAsync(cancellationToken);
}

public static class DispatchClockScheduling
{
    /// <summary>The dispatch clock's sweep: at start and every <paramref name="seconds"/>.</summary>
    public static void AddDispatchClock(this IServiceCollection services, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds is < 1 or > 3600)
            throw new InvalidOperationException($"SnowOps:Dispatch:ClockSeconds is {seconds}; it must be 1 to 3600.");
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<DispatchClockJob>(job => job.WithIdentity(DispatchClockJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(DispatchClockJob.Key).WithIdentity("sweep", DispatchClockJob.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()));
        });
        // Quartz adds its hosted service once however many modules ask (the embedded host runs Weather's too).
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
