using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects events into Status's read model. Each handler is an upsert keyed by the event's subject, and
/// later facts win by time, so replays, duplicates and events that overtake each other give the same rows.
/// </summary>
public sealed class StatusProjection(StatusDbContext db, TimeProvider clock) :
    IConsumer<WeatherAlertIssued>,
    IConsumer<WeatherAlertCancelled>,
    IConsumer<WeatherAlertUpdated>,
    IConsumer<WeatherAlertExpired>,
    IConsumer<SnowEventProposed>,
    IConsumer<SnowEventPhaseChanged>,
    IConsumer<SnowEventEscalated>,
    IConsumer<TaskAssigned>,
    IConsumer<TaskStateChanged>
{
    public async Task Consume(ConsumeContext<WeatherAlertIssued> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Alerts, a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId, Active = true });
        (row.Hazard, row.Level, row.Event, row.Headline, row.Onset, row.Expires) = (m.Hazard, m.Level, m.Event, m.Headline, m.Onset, m.Expires);
        row.Projected ??= clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<WeatherAlertCancelled> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Alerts, a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId });
        row.Active = false;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<WeatherAlertUpdated> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Alerts, a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId, Active = true });
        (row.Hazard, row.Level, row.Headline, row.Onset, row.Expires) = (m.Hazard, m.Level, m.Headline, m.Onset, m.Expires);
        row.Projected ??= clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<WeatherAlertExpired> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Alerts, a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId });
        row.Active = false;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SnowEventProposed> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.SnowEvents, e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId });
        (row.Title, row.Hazard, row.Proposed) = (m.Title, m.Hazard, m.Proposed);
        // An escalation may have overtaken the proposal; the level never goes down.
        row.Level = m.Level > row.Level ? m.Level : row.Level;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SnowEventPhaseChanged> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.SnowEvents, e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId });
        if (row.PhaseChanged is null || m.Changed >= row.PhaseChanged)
            (row.Phase, row.PhaseChanged) = (m.Phase, m.Changed);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SnowEventEscalated> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.SnowEvents, e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId });
        // Levels only go up, so the highest seen is the current one whatever order the escalations arrive in.
        if (m.Level > row.Level)
            row.Level = m.Level;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TaskAssigned> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Tasks, t => t.TaskId == m.TaskId, () => new TaskRow { TaskId = m.TaskId, State = TaskState.Assigned });
        (row.SnowEventId, row.Kind, row.Title, row.Assigned) = (m.SnowEventId, m.Kind, m.Title, m.Assigned);
        row.CrewId ??= m.CrewId;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TaskStateChanged> context)
    {
        var m = context.Message;
        var row = await FindOrAdd(db.Tasks, t => t.TaskId == m.TaskId, () => new TaskRow { TaskId = m.TaskId, SnowEventId = m.SnowEventId });
        if (row.StateChanged is null || m.Changed >= row.StateChanged)
            (row.State, row.CrewId, row.StateChanged) = (m.State, m.CrewId ?? row.CrewId, m.Changed);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    async Task<T> FindOrAdd<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> key, Func<T> create)
        where T : class
    {
        var row = await set.FirstOrDefaultAsync(key);
        if (row is not null)
            return row;
        row = create();
        set.Add(row);
        return row;
    }
}
