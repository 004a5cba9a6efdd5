using MassTransit;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects alerts and snow events into Status's read model. Each handler is an upsert keyed by the event's subject, and
/// later facts win by time, so replays, duplicates and events that overtake each other give the same rows.
/// </summary>
public sealed class StatusProjection(StatusDbContext db, TimeProvider clock, IStatusFeed feed) :
    IConsumer<WeatherAlertIssued>,
    IConsumer<WeatherAlertCancelled>,
    IConsumer<WeatherAlertUpdated>,
    IConsumer<WeatherAlertExpired>,
    IConsumer<SnowEventProposed>,
    IConsumer<SnowEventPhaseChanged>,
    IConsumer<SnowEventEscalated>
{
    public Task Consume(ConsumeContext<WeatherAlertIssued> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<WeatherAlertCancelled> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<WeatherAlertUpdated> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<WeatherAlertExpired> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<SnowEventProposed> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<SnowEventPhaseChanged> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<SnowEventEscalated> context) => Project(context.Message, context.CancellationToken);

    public async Task Project(WeatherAlertIssued m, CancellationToken cancellationToken)
    {
        var row = await db.Alerts.FindOrAdd(a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId, Active = true }, cancellationToken);
        (row.Hazard, row.Level, row.Event, row.Headline, row.Onset, row.Expires) = (m.Hazard, m.Level, m.Event, m.Headline, m.Onset, m.Expires);
        row.Projected ??= clock.GetUtcNow();
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.AlertChanged(row, cancellationToken);
    }

    public async Task Project(WeatherAlertCancelled m, CancellationToken cancellationToken)
    {
        var row = await db.Alerts.FindOrAdd(a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId }, cancellationToken);
        row.Active = false;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.AlertChanged(row, cancellationToken);
    }

    public async Task Project(WeatherAlertUpdated m, CancellationToken cancellationToken)
    {
        var row = await db.Alerts.FindOrAdd(a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId, Active = true }, cancellationToken);
        (row.Hazard, row.Level, row.Headline, row.Onset, row.Expires) = (m.Hazard, m.Level, m.Headline, m.Onset, m.Expires);
        row.Projected ??= clock.GetUtcNow();
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.AlertChanged(row, cancellationToken);
    }

    public async Task Project(WeatherAlertExpired m, CancellationToken cancellationToken)
    {
        var row = await db.Alerts.FindOrAdd(a => a.AlertId == m.AlertId, () => new AlertRow { AlertId = m.AlertId }, cancellationToken);
        row.Active = false;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.AlertChanged(row, cancellationToken);
    }

    public async Task Project(SnowEventProposed m, CancellationToken cancellationToken)
    {
        var row = await db.SnowEvents.FindOrAdd(e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId }, cancellationToken);
        (row.Title, row.Hazard, row.Proposed) = (m.Title, m.Hazard, m.Proposed);
        // An escalation may have overtaken the proposal; the level never goes down.
        row.Level = m.Level > row.Level ? m.Level : row.Level;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.SnowEventChanged(row, cancellationToken);
    }

    public async Task Project(SnowEventPhaseChanged m, CancellationToken cancellationToken)
    {
        var row = await db.SnowEvents.FindOrAdd(e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId }, cancellationToken);
        if (row.PhaseChanged is null || m.Changed >= row.PhaseChanged)
            (row.Phase, row.PhaseChanged) = (m.Phase, m.Changed);
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.SnowEventChanged(row, cancellationToken);
    }

    public async Task Project(SnowEventEscalated m, CancellationToken cancellationToken)
    {
        var row = await db.SnowEvents.FindOrAdd(e => e.SnowEventId == m.SnowEventId, () => new SnowEventRow { SnowEventId = m.SnowEventId }, cancellationToken);
        // Levels only go up, so the highest seen is the current one whatever order the escalations arrive in.
        if (m.Level > row.Level)
            row.Level = m.Level;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.SnowEventChanged(row, cancellationToken);
    }
}
