using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SnowOps.Heating.Supply;

/// <summary>The Quartz job that advises the heat stations on schedule; a run still going when the next is due is not doubled.</summary>
[DisallowConcurrentExecution]
public sealed class SupplyJob(SupplyAdvisor advisor) : IJob
{
    public const string Group = "heating-supply";
    public static readonly JobKey Key = new("advise", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await advisor.AdviseAsync(cancellationToken);
}

public static class SupplyScheduling
{
    /// <summary>Supply advice at start and every <see cref="SupplyOptions.AdviseEveryHours"/>.</summary>
    public static void AddSupplySchedule(this IServiceCollection services, SupplyOptions settings)
    {
        if (!settings.Scheduled)
            return;
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<SupplyJob>(job => job.WithIdentity(SupplyJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(SupplyJob.Key).WithIdentity("advise", SupplyJob.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(settings.AdviseEveryHours)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
