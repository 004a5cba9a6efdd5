using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

using SnowOps.Status.Audit;

namespace SnowOps.Status.Projections;

/// <summary>Builds the read model again from the event history, through the same projections the bus feeds.</summary>
public static class ReadModelRebuild
{
    /// <summary>Empties every read-model table, then projects the events in the order given, telling no one: the history is not news.</summary>
    public static async Task RebuildAsync(StatusDbContext db, TimeProvider clock, IEnumerable<object> events, CancellationToken cancellationToken = default)
    {
        await ClearAsync(db, cancellationToken);
        var status = new StatusProjection(db, clock, SilentFeed.Instance);
        var tasks = new TaskProjection(db, SilentFeed.Instance);
        var routes = new RouteProjection(db, SilentFeed.Instance);
        var heating = new HeatingProjection(db, SilentFeed.Instance);
        var audit = new AuditProjection(db);
        foreach (var e in events)
        {
            await (e switch
            {
                WeatherAlertIssued m => status.Project(m, cancellationToken),
                WeatherAlertCancelled m => status.Project(m, cancellationToken),
                WeatherAlertUpdated m => status.Project(m, cancellationToken),
                WeatherAlertExpired m => status.Project(m, cancellationToken),
                SnowEventProposed m => status.Project(m, cancellationToken),
                SnowEventPhaseChanged m => status.Project(m, cancellationToken),
                SnowEventEscalated m => status.Project(m, cancellationToken),
                TaskAssigned m => tasks.Project(m, cancellationToken),
                TaskStateChanged m => tasks.Project(m, cancellationToken),
                TaskStateChanges m => tasks.Project(m, cancellationToken),
                TaskProgressReported m => tasks.Project(m, cancellationToken),
                TaskProblemReported m => tasks.Project(m, cancellationToken),
                PlowRoutesAssigned m => routes.Project(m, cancellationToken),
                PlowRoutesReplanned m => routes.Project(m, cancellationToken),
                IndoorTemperatureRecorded m => heating.Project(m, cancellationToken),
                HeatingDeficiencyFound m => heating.Project(m, cancellationToken),
                ActionAudited m => audit.Project(m, cancellationToken),
                // The history holds every event of the system; the read model ignores what it does not show.
                _ => Task.CompletedTask,
            });
        }
    }

    static async Task ClearAsync(StatusDbContext db, CancellationToken cancellationToken)
    {
        await db.Alerts.ExecuteDeleteAsync(cancellationToken);
        await db.SnowEvents.ExecuteDeleteAsync(cancellationToken);
        await db.Tasks.ExecuteDeleteAsync(cancellationToken);
        await db.TaskProblems.ExecuteDeleteAsync(cancellationToken);
        await db.Routes.ExecuteDeleteAsync(cancellationToken);
        await db.RoutePlans.ExecuteDeleteAsync(cancellationToken);
        await db.CompoundReadings.ExecuteDeleteAsync(cancellationToken);
        await db.Deficiencies.ExecuteDeleteAsync(cancellationToken);
        await db.Audit.ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
