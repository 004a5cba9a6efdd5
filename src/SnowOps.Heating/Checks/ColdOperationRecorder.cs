using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Checks;

/// <summary>
/// Keeps the cold operations that raise the check frequency: a plan's heating actions until its snow event closes, a
/// cold-wave warning until it is cancelled or expires (or updated into another hazard). Each message sets a state, so a
/// redelivery changes nothing, and an operation once ended is not opened again by a late duplicate.
/// </summary>
public sealed class ColdOperationRecorder(HeatingDbContext db, IOptionsMonitor<CheckOptions> options) :
    IConsumer<HeatingActionsRequested>,
    IConsumer<SnowEventPhaseChanged>,
    IConsumer<WeatherAlertIssued>,
    IConsumer<WeatherAlertUpdated>,
    IConsumer<WeatherAlertCancelled>,
    IConsumer<WeatherAlertExpired>
{
    public async Task Consume(ConsumeContext<HeatingActionsRequested> context)
    {
        var m = context.Message;
        var o = options.CurrentValue;
        var every = double.IsFinite(m.CheckEveryHours) && m.CheckEveryHours >= 1 ? m.CheckEveryHours : o.ColdWaveCheckEveryHours;
        var operation = await FindAsync(ColdOperation.EventKey(m.SnowEventId), context.CancellationToken);
        if (operation is null)
            db.ColdOperations.Add(operation = new ColdOperation
            {
                Id = ColdOperation.EventKey(m.SnowEventId), Kind = ColdOperation.SnowEvent, SnowEventId = m.SnowEventId, Started = m.Requested,
                Until = m.Requested.AddHours(o.EventHours),
            });
        else if (operation.Ended is not null)
            return;
        // An escalated plan asks again: its frequency and first compounds replace the earlier ones.
        operation.CheckEveryHours = every;
        operation.First = string.Join(',', m.FirstCompounds.Select(f => f.Trim().ToLowerInvariant()).Where(f => f.Length > 0 && !f.Contains(',')));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SnowEventPhaseChanged> context) => context.Message.Phase == SnowPhase.Closed
        ? EndAsync(ColdOperation.EventKey(context.Message.SnowEventId), context.Message.Changed, context.CancellationToken)
        : Task.CompletedTask;

    public Task Consume(ConsumeContext<WeatherAlertIssued> context) => context.Message.Hazard == Hazard.ColdWave
        ? OpenAlertAsync(context.Message.AlertId, context.Message.Sent, context.Message.Expires, context.CancellationToken)
        : Task.CompletedTask;

    public Task Consume(ConsumeContext<WeatherAlertUpdated> context)
    {
        var m = context.Message;
        return m.Hazard == Hazard.ColdWave
            ? OpenAlertAsync(m.AlertId, m.Sent, m.Expires, context.CancellationToken)
            : EndAsync(ColdOperation.AlertKey(m.AlertId), m.Sent, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<WeatherAlertCancelled> context) =>
        EndAsync(ColdOperation.AlertKey(context.Message.AlertId), context.Message.Sent, context.CancellationToken);

    public Task Consume(ConsumeContext<WeatherAlertExpired> context) =>
        EndAsync(ColdOperation.AlertKey(context.Message.AlertId), context.Message.Expired, context.CancellationToken);

    async Task OpenAlertAsync(Guid alertId, DateTimeOffset sent, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var operation = await FindAsync(ColdOperation.AlertKey(alertId), cancellationToken);
        if (operation is null)
            db.ColdOperations.Add(operation = new ColdOperation
            {
                Id = ColdOperation.AlertKey(alertId), Kind = ColdOperation.ColdWaveAlert, AlertId = alertId, Started = sent,
                CheckEveryHours = o.ColdWaveCheckEveryHours, First = string.Join(',', o.ColdWaveFirstCompounds.Select(f => f.Trim().ToLowerInvariant())),
            });
        else if (operation.Ended is not null)
            return;
        operation.Until = expires;
        await db.SaveChangesAsync(cancellationToken);
    }

    async Task EndAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(id, cancellationToken);
        if (operation is null || operation.Ended is not null)
            return;
        operation.Ended = at;
        await db.SaveChangesAsync(cancellationToken);
    }

    Task<ColdOperation?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.ColdOperations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
}
