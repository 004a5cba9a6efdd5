using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SnowOps.Contracts;
using SnowOps.Weather.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// Ends alerts at their <c>expires</c>: a Quartz trigger per alert fires at that moment, and a sweep (at start
/// and every few minutes) catches those whose trigger was lost with a restart. Expiring twice publishes once:
/// only the change from Active to Expired publishes.
/// </summary>
public sealed class AlertExpiry(WeatherDbContext db, TransactionalOutbox outbox, IPublishEndpoint publish, TimeProvider clock, ILogger<AlertExpiry> logger)
{
    public const string JobGroup = "alert-expiry";

    public Task<int> ExpireDueAsync(CancellationToken cancellationToken) =>
        outbox.RunAsync(db, () => ExpireDueInUnitAsync(cancellationToken), cancellationToken);

    async Task<int> ExpireDueInUnitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Active alerts are few; comparing times in memory keeps the query the same on SQLite and PostgreSQL.
        var active = await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Active && a.Expires != null)
            .Select(a => new { a.Id, a.Root, a.Expires }).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var alert in active.Where(a => a.Expires <= now))
        {
            var changed = await db.Alerts.Where(a => a.Id == alert.Id && a.State == AlertState.Active)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AlertState.Expired), cancellationToken);
            if (changed == 0)
                continue;
            await publish.Publish(new WeatherAlertExpired(alert.Root, alert.Expires!.Value), cancellationToken);
            expired++;
        }
        if (expired > 0)
            logger.LogInformation("Expired {Count} alert(s)", expired);
        return expired;
    }

    /// <summary>Asks Quartz to run the expiry at the alert's expiry time.</summary>
    public static async Task ScheduleAsync(ISchedulerFactory schedulers, Guid alertId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(alertId.ToString(), JobGroup)
            .ForJob(ExpiryJob.Key)
            .StartAt(expires)
            .Build();
        try
        {
            if (!await scheduler.Exists(trigger.Key, cancellationToken))
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another request for the same alert scheduled it a moment ago.
        }
    }
}

/// <summary>The Quartz job behind both the per-alert triggers and the sweep.</summary>
[DisallowConcurrentExecution]
public sealed class ExpiryJob(AlertExpiry expiry) : IJob
{
    public static readonly JobKey Key = new("expire-alerts", AlertExpiry.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await expiry.ExpireDueAsync(cancellationToken);
}

public static class AlertExpiryScheduling
{
    /// <summary>The expiry job, its sweep every few minutes (and at start), and the per-alert triggers' job.</summary>
    public static void AddAlertExpiry(this IServiceCollection services)
    {
        services.AddScoped<AlertExpiry>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<ExpiryJob>(job => job.WithIdentity(ExpiryJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(ExpiryJob.Key).WithIdentity("sweep", AlertExpiry.JobGroup).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
        });
    }
}
